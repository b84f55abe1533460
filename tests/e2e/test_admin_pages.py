"""Admin and account pages in the browser: axe clean, usable with the keyboard, errors next to fields."""

from playwright.sync_api import expect

from tests import factories


def test_admin_creates_an_account_with_the_keyboard(page, live_db, sign_in, axe_check):
    factories.make_chamber_once("NZ-LC", "unicameral")
    sign_in(page, "admin", email="e2e-admin@example.org")
    page.goto("/admin/users")
    axe_check(page, "users")
    page.get_by_role("link", name="New account").click()
    axe_check(page, "new user form")

    page.get_by_label("E-mail").fill("clerk-nz@example.org")
    page.get_by_label("Role").select_option("parliament")
    page.get_by_label("Initial password").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("A parliament account needs at least one chamber.")).to_be_visible()
    axe_check(page, "new user form with errors")

    page.get_by_label("Chambers (parliament accounts)").select_option(label="New Zealand: Parliament (NZ-LC)")
    page.get_by_label("Initial password").fill("a long enough password")
    page.get_by_label("Initial password").press("Enter")
    expect(page.get_by_text("Account clerk-nz@example.org created.")).to_be_visible()
    expect(page.get_by_role("cell", name="clerk-nz@example.org")).to_be_visible()


def test_settings_and_password_pages_are_accessible(page, live_db, sign_in, axe_check):
    sign_in(page, "admin", email="e2e-admin2@example.org")
    page.goto("/admin/settings")
    axe_check(page, "settings")
    page.goto("/account/password")
    axe_check(page, "change password")
    page.get_by_label("Current password").fill("wrong")
    page.get_by_label("New password", exact=True).fill("another long password")
    page.get_by_label("Repeat the new password").fill("another long password")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("The current password is not correct.")).to_be_visible()
    axe_check(page, "change password with error")


def test_error_pages_are_accessible(page, live_db, axe_check):
    page.goto("/chambers/ZZ-LC")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    axe_check(page, "404")
