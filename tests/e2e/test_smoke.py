"""Browser smoke test: sign in, open the registry, search it, open a chamber; axe clean on each page."""

import re

from playwright.sync_api import expect

from tests import factories


def test_sign_in_browse_registry_and_open_a_chamber(page, live_db, sign_in, axe_check):
    factories.make_chamber_once("FR-LC", "lower")
    factories.make_chamber_once("KE-LC", "lower")
    page.goto("/login")
    axe_check(page, "login")
    sign_in(page, "staff")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.get_by_role("link", name="Chambers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("national parliamentary chambers")
    axe_check(page, "registry")

    page.get_by_label("Chamber or country").fill("kenya")
    page.get_by_label("Chamber or country").press("Enter")
    expect(page).to_have_url(re.compile(r"q=kenya"))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)

    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kenya")
    axe_check(page, "chamber page")


def test_keyboard_reaches_main_content_through_the_skip_link(page, live_db):
    page.goto("/chambers/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_wrong_password_is_refused_with_a_message(page, live_db, axe_check):
    user = factories.make_user("staff")
    page.goto("/login")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Unknown e-mail or wrong password")).to_be_visible()
    axe_check(page, "login with error")
