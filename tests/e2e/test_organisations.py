"""The organisation screens in the browser at 375 px: the admin's list and form, an organisation admin's staff
page; axe clean, used from the keyboard, errors next to their field, nothing wider than the phone."""

from playwright.sync_api import expect

from parliament_tracker.extensions import db
from parliament_tracker.organisations.services import create_organisation
from tests import factories


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # tables scroll on their own


def test_the_admin_adds_an_organisation_at_375_px(page, live_db, sign_in, axe_check):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, "admin", email="e2e-org-admin@example.org")
    page.goto("/admin/organisations")
    expect(page.get_by_role("heading", name="Organisations")).to_be_visible()
    axe_check(page, "organisations")
    _fits(page)
    page.get_by_role("link", name="New organisation").click()
    axe_check(page, "new organisation form")
    _fits(page)

    page.get_by_label("Name", exact=True).fill("E2E Democracy Fund")
    page.get_by_label("Type").select_option(label="Donor agency")
    page.get_by_label("IATI organisation identifier").fill("not an identifier")
    page.get_by_label("Website").fill("e2e.example.org")
    page.get_by_label("Website").press("Enter")
    expect(page.locator("#iati_id-error")).to_contain_text("An IATI organisation identifier is the registration")
    expect(page.get_by_role("link", name="IATI organisation identifier")).to_be_visible()  # in the summary
    axe_check(page, "organisation form with an error")
    _fits(page)

    page.get_by_label("IATI organisation identifier").fill("XM-DAC-99123")
    page.get_by_label("Website").fill("https://e2e.example.org")
    page.get_by_label("Name in Français", exact=True).fill("Fonds E2E pour la démocratie")
    page.get_by_role("button", name="Save organisation").press("Enter")
    expect(page.get_by_text("Organisation E2E Democracy Fund saved.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="E2E Democracy Fund")).to_be_visible()


def test_an_organisation_admin_manages_its_staff_with_the_keyboard_at_375_px(page, live_db, axe_check):
    page.set_viewport_size({"width": 375, "height": 800})
    fund = create_organisation("E2E Parliamentary Partners", org_type="ngo", short_name="EPP")
    factories.make_user("staff", donor=fund, email="e2e-colleague@epp.example")
    boss = factories.make_user("staff", donor=fund, email="e2e-boss@epp.example")
    boss.is_org_admin = True
    db.session.commit()
    page.goto("/login")
    page.get_by_label("E-mail").fill(boss.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Our staff").click()
    expect(page.get_by_role("heading", name="Staff of E2E Parliamentary Partners")).to_be_visible()
    axe_check(page, "staff page")
    _fits(page)

    page.get_by_role("button", name="Disable e2e-colleague@epp.example").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Account e2e-colleague@epp.example saved.")).to_be_visible()
    expect(page.get_by_role("button", name="Enable e2e-colleague@epp.example")).to_be_visible()

    page.get_by_role("link", name="Invite a staff member").click()
    axe_check(page, "staff invitation form")
    page.get_by_label("E-mail").fill("e2e-new@epp.example")
    page.get_by_label("Also manages the organisation's staff accounts").check()
    page.get_by_label("E-mail").press("Enter")
    expect(page.get_by_text("Invitation sent to e2e-new@epp.example.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="e2e-new@epp.example")).to_be_visible()
    axe_check(page, "staff page with an invitation")
