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


def test_the_account_page_creates_and_revokes_a_token_with_the_keyboard_at_375_px(page, live_db, sign_in, axe_check):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, "parliament", email="e2e-clerk@example.org")
    page.get_by_role("link", name="e2e-clerk@example.org").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    axe_check(page, "account")
    page.get_by_label("Expires after (days; empty: never)").fill("99999")
    page.get_by_label("Name").fill("Nightly export")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_text("Give a whole number from 1 to 3650.")).to_be_visible()
    axe_check(page, "account with a form error")
    page.get_by_label("Expires after (days; empty: never)").fill("30")
    page.get_by_role("button", name="Create token").press("Enter")
    token = page.locator("#new-token")
    expect(token).to_be_visible()
    assert len(token.inner_text().strip()) >= 40
    axe_check(page, "account showing a new token")
    # nothing is wider than the phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the token table scrolls on its own
    page.get_by_role("button", name="Revoke Nightly export").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("The token Nightly export was revoked.")).to_be_visible()
    expect(page.get_by_role("cell", name="revoked")).to_be_visible()
    page.get_by_role("button", name="Sign out everywhere").press("Enter")
    expect(page.get_by_text("Every other session of your account was signed out.")).to_be_visible()
    axe_check(page, "account after signing out elsewhere")
