"""Browser tests of the activities feature: the keyboard-only chamber picker, the import, axe on each page."""

import re

from playwright.sync_api import expect

from tests import factories

PICKER = "Find a chamber by country, name, code or ISO code"


def _pick(page, text: str, option: str) -> None:
    """Type, move down to the option named option with the arrow keys, press Enter."""
    box = page.get_by_role("combobox", name=PICKER)
    box.focus()
    page.keyboard.type(text)
    expect(page.get_by_role("option", name=re.compile(option)).first).to_be_visible()
    labels = page.get_by_role("listbox", name=PICKER).get_by_role("option").all_inner_texts()
    index = next(i for i, label in enumerate(labels) if re.search(option, label))
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(rf"option-{index}$"))
    page.keyboard.press("Enter")


def test_log_an_activity_with_three_chambers_using_the_keyboard(page, live_db, sign_in, axe_check):
    factories.make_chamber_once("KE-LC")
    factories.make_chamber_once("FR-LC")
    factories.make_chamber_once("FR-UC", "upper")
    sign_in(page, "staff")
    page.goto("/activities/")
    axe_check(page, "activities list")
    page.goto("/activities/new")
    page.get_by_label("Title").fill("Keyboard workshop")
    page.get_by_label("Start date").fill("2014-04-02")
    _pick(page, "kenya", "Kenya")
    _pick(page, "france", "both chambers")
    chosen = page.get_by_role("list", name="Chosen chambers").get_by_role("listitem")
    expect(chosen).to_have_count(3)
    axe_check(page, "new activity form with the picker")
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Keyboard workshop")
    rows = page.get_by_role("table").filter(has_text="chambers took part").locator("tbody tr")
    expect(rows).to_have_count(3)
    axe_check(page, "activity page")
    page.get_by_role("link", name="Add chambers").click()
    axe_check(page, "add chambers form")


def test_import_a_file_read_the_preview_and_commit(page, live_db, sign_in, axe_check, tmp_path):
    factories.make_chamber_once("KE-LC")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("activity_ref,title,area,type,start_date,chamber,participants,women\n"
                     "E2E-1,Browser import,awareness,workshop,2015-02-03,KE-LC,3,1\n"
                     "E2E-1,Browser import,awareness,workshop,2015-02-03,Nowhere Assembly,1,0\n", encoding="utf-8")
    sign_in(page, "staff")
    page.goto("/activities/import")
    axe_check(page, "import page")
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(str(sheet))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import preview")
    expect(page.get_by_role("cell", name="will create")).to_be_visible()
    expect(page.get_by_role("cell", name="Unknown chamber 'Nowhere Assembly'", exact=False)).to_be_visible()
    axe_check(page, "import preview")
    page.get_by_label("Exclude row 3").check()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported: 1 activities created")).to_be_visible()
    page.goto("/activities/?q=Browser")
    expect(page.get_by_role("link", name="Browser import")).to_be_visible()


def test_bin_and_audit_pages_are_accessible(page, live_db, sign_in, axe_check):
    sign_in(page, "admin")
    page.goto("/activities/bin")
    axe_check(page, "bin")
    page.goto("/activities/audit")
    axe_check(page, "audit trail")


def test_enter_adds_the_exact_chamber_and_a_failed_save_focuses_the_error_summary(page, live_db, sign_in, axe_check):
    factories.make_chamber_once("FR-LC")
    factories.make_chamber_once("FR-UC", "upper")  # (the live database is shared: no new Kenyan chamber here)
    sign_in(page, "staff")
    page.goto("/activities/new")
    box = page.get_by_role("combobox", name=PICKER)
    box.focus()
    page.keyboard.type("France Senate")
    expect(page.get_by_role("listbox", name=PICKER).get_by_role("option").first).to_contain_text("FR-UC")
    page.keyboard.press("Enter")  # no arrow key: the first entry is the exact chamber, never "both chambers"
    chosen = page.get_by_role("list", name="Chosen chambers").get_by_role("listitem")
    expect(chosen).to_have_count(1)
    expect(chosen.first).to_contain_text("FR-UC")
    page.get_by_label("Start date").fill("2014-04-02")
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")  # no title: refused
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    axe_check(page, "activity form with its error summary")
    summary.get_by_role("link", name=re.compile("Title")).press("Enter")
    expect(page.get_by_label("Title")).to_be_focused()
