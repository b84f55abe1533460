"""Sessions that really end: a cookie copied before logout, a password change, disabling or re-roling the
account, or "Sign out everywhere" no longer signs anyone in (the login page, or a JSON 401 under /api/)."""

import pytest

from parliament_tracker.auth import services
from parliament_tracker.auth.models import User
from parliament_tracker.extensions import db
from tests import factories
from tests.auth.conftest import make_account as _user
from tests.auth.conftest import sign_in as _sign_in
from tests.conftest import read_csrf_token

PRIVATE_PAGE = "/account"


@pytest.fixture
def client(bare_app):
    return bare_app.test_client()


def _copy(bare_app, client, *names):
    """A second browser holding a copy of client's cookies, as a thief who copied them would."""
    other = bare_app.test_client()
    for name in names or ("session",):
        cookie = client.get_cookie(name)
        assert cookie is not None, f"no {name} cookie to copy"
        other.set_cookie(name, cookie.value)
    return other


def _signed_in(client) -> bool:
    response = client.get(PRIVATE_PAGE)
    assert response.status_code in (200, 302)
    return response.status_code == 200


def _assert_revoked(client):
    page = client.get(PRIVATE_PAGE)
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    api = client.get("/api/v1/activities")
    assert api.status_code == 401 and api.get_json()["status"] == 401


def test_a_cookie_copied_before_logout_does_not_work_after_it(bare_app, client):
    user = _user(bare_app)
    _sign_in(client, user)
    thief = _copy(bare_app, client)
    assert _signed_in(thief) and thief.get("/api/v1/activities").status_code == 200
    client.post("/logout", data={"csrf_token": read_csrf_token(client, PRIVATE_PAGE)})
    _assert_revoked(thief)
    assert not _signed_in(client)


def test_a_remember_me_cookie_copied_before_logout_does_not_work_after_it(bare_app, client):
    user = _user(bare_app)
    _sign_in(client, user, remember=True)
    thief = _copy(bare_app, client, "remember_token")  # no session cookie: Flask-Login restores one from this
    assert _signed_in(thief)
    client.post("/logout", data={"csrf_token": read_csrf_token(client, PRIVATE_PAGE)})
    fresh = _copy(bare_app, thief, "remember_token")
    _assert_revoked(fresh)


def test_a_password_change_ends_every_other_session_and_keeps_this_one(bare_app, client):
    user = _user(bare_app)
    _sign_in(client, user)
    other = _copy(bare_app, client)
    response = client.post("/account/password", data={
        "current_password": factories.PASSWORD, "password": "a brand new password", "confirm": "a brand new password",
        "csrf_token": read_csrf_token(client, "/account/password")})
    assert response.status_code == 302
    assert _signed_in(client)
    _assert_revoked(other)


def test_set_password_ends_sessions_whoever_sets_it(bare_app, client):
    """Every password-setting path (the reset link included) goes through set_password, and so ends sessions."""
    user = _user(bare_app)
    _sign_in(client, user)
    with bare_app.app_context():
        services.set_password(db.session.get(User, user.id), "another long password")
    _assert_revoked(client)


def test_disabling_the_account_ends_its_sessions(bare_app, client):
    user = _user(bare_app)
    _sign_in(client, user)
    admin = bare_app.test_client()
    _sign_in(admin, _user(bare_app, "admin"))
    path = f"/admin/users/{user.id}/edit"
    response = admin.post(path, data={"name": "x", "role": "staff", "donor": "",
                                      "csrf_token": read_csrf_token(admin, path)})  # "active" unticked
    assert response.status_code == 302
    _assert_revoked(client)


def test_re_roling_the_account_ends_its_sessions_but_renaming_does_not(bare_app, client):
    user = _user(bare_app)
    _sign_in(client, user)
    admin = bare_app.test_client()
    _sign_in(admin, _user(bare_app, "admin"))
    path = f"/admin/users/{user.id}/edit"
    renamed = admin.post(path, data={"name": "New name", "role": "staff", "donor": "", "active": "y",
                                     "csrf_token": read_csrf_token(admin, path)})
    assert renamed.status_code == 302 and _signed_in(client)
    with bare_app.app_context():
        donor_id = factories.make_donor("UNDP").id
    re_roled = admin.post(path, data={"name": "New name", "role": "donor", "donor": str(donor_id), "active": "y",
                                      "csrf_token": read_csrf_token(admin, path)})
    assert re_roled.status_code == 302
    _assert_revoked(client)
    _sign_in(client, user)  # the account itself still works, under its new role
    assert client.get("/admin/users").status_code == 403


def test_sign_out_everywhere_ends_the_other_sessions_only(bare_app, client):
    user = _user(bare_app, "parliament")
    _sign_in(client, user)
    other = _copy(bare_app, client)
    third = bare_app.test_client()
    _sign_in(third, user)
    response = client.post("/account/sessions/end", data={"csrf_token": read_csrf_token(client, PRIVATE_PAGE)})
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert "Every other session" in client.get(PRIVATE_PAGE).get_data(as_text=True)
    for ended in (other, third):
        page = ended.get(PRIVATE_PAGE)
        assert page.status_code == 302 and page.headers["Location"].startswith("/login")


def test_a_cookie_from_before_session_generations_or_a_forged_id_signs_nobody_in(bare_app):
    user = _user(bare_app)
    with bare_app.app_context():
        _check_loader(user)


def _check_loader(user):
    for session_id in (str(user.id), f"{user.id}:x", f"{'9' * 309}:0", f"{user.id}:{'1' * 309}", "²:0"):
        assert services.load_user(session_id) is None, session_id
    assert services.load_user(f"{user.id}:0").id == user.id
