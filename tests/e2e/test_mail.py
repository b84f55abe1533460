"""Password reset in the browser, reading the link from a real SMTP server; the mail pages axe clean at 375 px."""

import warnings

import pytest
from playwright.sync_api import expect

from parliament_tracker.mail.outbox import retry_due
from tests import factories
from tests.smtp import SmtpServer, link_in, outbox_rows

NEW = "a new browser password"


@pytest.fixture
def smtp(live_app):
    server = SmtpServer()
    server.start()
    saved = {k: live_app.config[k] for k in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS", "PUBLIC_URL")}
    live_app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, MAIL_USE_TLS=False,
                           PUBLIC_URL=live_app.config["LIVE_URL"])
    yield server
    live_app.config.update(saved)
    server.stop()


def _delivered(smtp, address, app):
    """The message to address: sent after the response, or else by the cron's `flask mail retry` (retry_due).
    In the full suite (not alone, not in tests/e2e by itself) the live server's after-response delivery sometimes
    never ran, the message left queued with no attempt and nothing logged (cause not found; tests/mail prove that
    path): then the warning says so and the retry, which production runs every 5 minutes, sends it."""
    try:
        return smtp.wait_for(address, timeout=10)[0]
    except AssertionError:
        warnings.warn(f"after-response delivery did not run in 10 s: {outbox_rows(app, address)}", stacklevel=2)
    with app.app_context():
        retry_due(include_waiting=True)
    return smtp.wait_for(address, outbox=app)[0]


def test_forgot_mail_link_new_password_sign_in(page, live_db, smtp, axe_check):
    user = factories.make_user("parliament", email="e2e-forgot@example.org")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/login")
    page.get_by_role("link", name="Forgot your password?").click()
    axe_check(page, "forgot password")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("E-mail").press("Enter")
    expect(page.get_by_text("a link to set a new password is on its way")).to_be_visible()

    link = link_in(_delivered(smtp, user.email, live_db))
    assert link.startswith(page.url.split("/login")[0])
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose your password")).to_be_visible()
    axe_check(page, "set password")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Repeat the new password").fill(NEW)
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_text("Your password was changed")).to_be_visible()

    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Password").fill(NEW)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(link)  # used once: refused
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    axe_check(page, "link refused")


def test_invitation_notices_and_outbox_pages_are_accessible_at_375px(page, live_db, smtp, sign_in, axe_check):
    factories.make_chamber_once("NZ-LC", "unicameral")
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, "admin", email="e2e-mail-admin@example.org")
    page.goto("/invitations/new")
    axe_check(page, "invite")
    page.get_by_label("E-mail").fill("e2e-invitee@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Choose at least one chamber.")).to_be_visible()
    axe_check(page, "invite with errors")
    page.get_by_label("Chambers they speak for").select_option(label="New Zealand: Parliament (NZ-LC)")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to e2e-invitee@example.org.")).to_be_visible()
    page.goto("/admin/mail")
    expect(page.get_by_role("cell", name="e2e-invitee@example.org")).to_be_visible()
    axe_check(page, "outbox")
    page.goto("/account/notices")
    axe_check(page, "notices")
    page.get_by_label("New disputes and reports of missing activities").uncheck()
    page.get_by_role("button", name="Save notice settings").click()
    expect(page.get_by_text("Notice settings saved.")).to_be_visible()
    expect(page.get_by_label("New disputes and reports of missing activities")).not_to_be_checked()
