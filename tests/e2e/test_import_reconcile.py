"""Browser test of reconciling an import on the page with the keyboard alone: an ambiguous chamber, an unknown type
word and a new donor answered in place (no page reload), then committed; the same sheet again needs no choice."""

import re

from playwright.sync_api import expect
from sqlalchemy import select

from parliament_tracker.chambers.models import Chamber
from parliament_tracker.extensions import db
from tests import factories

SHEET = ("activity_ref,title,area,type,start_date,donor,chamber,country,participants\n"
         "E2E-R1,Reconciled seminar,sensibilisation,picnic day,2015-03-02,E2E Fund,National Assembly,,3\n"
         "E2E-R1,Reconciled seminar,sensibilisation,picnic day,2015-03-02,E2E Fund,KE-LC,,2\n"
         "E2E-R2,Reconciled survey,research,étude,2015-04-01,E2E Fund,National Assembly,,1\n")


def _upload(page, path):
    page.goto("/activities/import")
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import preview")


def _answer(page, typed: str, expected: str) -> None:
    """In the focused choice: type to select an option, Tab to Apply (past the chamber search), Enter."""
    select = page.locator(":focus")
    expect(select).to_have_js_property("tagName", "SELECT")
    page.keyboard.type(typed)
    expect(select.locator("option:checked")).to_contain_text(expected)
    form = select.locator("xpath=ancestor::form")
    while not form.get_by_role("button").evaluate("b => b === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")


def test_reconcile_a_sheet_with_the_keyboard_and_import_it_twice(page, live_db, sign_in, axe_check, tmp_path):
    factories.make_chamber_once("KE-LC")
    if db.session.scalar(select(Chamber).where(Chamber.code == "ML-LC")) is None:
        factories.make_chamber("ML-LC", "unicameral", name="National Assembly")
    sheet = tmp_path / "reconcile.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    sign_in(page, "staff")
    _upload(page, sheet)
    expect(page.get_by_role("heading", name=re.compile("Values to reconcile"))).to_contain_text("(3)")
    axe_check(page, "import preview with values to reconcile")
    page.set_viewport_size({"width": 375, "height": 800})  # a phone: nothing wider than the screen
    # (the table scrolls inside its box, and so do its visually hidden labels)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("window.notReloaded = true")
    page.get_by_label("“National Assembly” means").focus()
    _answer(page, "ML", "ML-LC · Mali: National Assembly")
    expect(page.get_by_role("heading", name=re.compile("Values to reconcile"))).to_contain_text("(2)")
    expect(page.locator(":focus")).to_have_attribute("name", "target")  # on to the next value
    _answer(page, "Web", "Webinar")
    expect(page.get_by_role("heading", name=re.compile("Values to reconcile"))).to_contain_text("(1)")
    _answer(page, "Create", "Create the new donor “E2E Fund”")
    expect(page.get_by_text("Every row can be imported")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True  # every answer updated the page in place
    axe_check(page, "import preview reconciled")
    page.get_by_role("button", name="Import", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Imported: 2 activities created")).to_be_visible()
    expect(page.get_by_text("2 answers remembered")).to_be_visible()  # the new donor is found by its name

    _upload(page, sheet)  # the same sheet again: every value resolved by its remembered answer
    expect(page.get_by_text("Every row can be imported")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Values to reconcile"))).to_have_count(0)
    expect(page.get_by_role("cell", name="unchanged", exact=True)).to_have_count(3)
    page.goto("/activities/import/aliases")
    expect(page.get_by_role("row", name=re.compile("picnic day"))).to_contain_text("webinar")
    axe_check(page, "remembered answers")


def test_another_chamber_is_found_by_typing_in_the_preview(page, live_db, sign_in, tmp_path):
    """The "another chamber" box is the shared combobox: type, Down, Enter fills in the code; Apply answers."""
    factories.make_chamber_once("KE-LC")
    if db.session.scalar(select(Chamber).where(Chamber.code == "ML-LC")) is None:
        factories.make_chamber("ML-LC", "unicameral", name="National Assembly")
    sheet = tmp_path / "search.csv"
    sheet.write_text(SHEET.splitlines()[0] + "\n" + SHEET.splitlines()[1].replace("National Assembly", "Natl Assembly")
                     .replace("picnic day", "garden party") + "\n", encoding="utf-8")  # values no earlier answer names
    sign_in(page, "staff")
    _upload(page, sheet)
    box = page.get_by_label("Or another chamber (code or name)").first
    box.focus()
    page.keyboard.type("Mali")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    found = page.get_by_role("listbox").get_by_role("option", name=re.compile("Mali"))
    expect(found.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(box).to_have_value("ML-LC")
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_label("“Natl Assembly” means")).to_have_count(0)  # answered: its choice is gone
    expect(page.get_by_label("“garden party” means")).to_be_visible()  # the other values still wait
