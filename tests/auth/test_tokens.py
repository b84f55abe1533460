"""Personal API tokens: shown once, stored hashed, Bearer on /api/v1 reads with the owner's role and chambers,
revocable, expiring, refused for a disabled account, and never a way into HTML pages or writes."""

import datetime as dt
import hashlib
import re

import pytest
from sqlalchemy import select

from parliament_tracker.auth import services
from parliament_tracker.auth.models import ApiToken, User
from parliament_tracker.extensions import db
from tests import factories
from tests.auth.conftest import make_account, sign_in
from tests.conftest import read_csrf_token

TOKEN_RE = re.compile(r'<code[^>]*id="new-token"[^>]*>([^<]+)</code>')


def _create(client, name="Nightly export", expires_days=""):
    response = client.post("/account/tokens", data={"name": name, "expires_days": expires_days,
                                                    "csrf_token": read_csrf_token(client, "/account")})
    match = TOKEN_RE.search(response.get_data(as_text=True))
    return response, match.group(1) if match else None


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def _token_for(app, role="staff", **kwargs):
    user = make_account(app, role, **kwargs)
    client = app.test_client()
    sign_in(client, user)
    response, token = _create(client)
    assert response.status_code == 201 and token
    return user, client, token


def test_a_token_is_shown_once_listed_by_name_and_stored_only_as_its_hash(bare_app):
    user, client, token = _token_for(bare_app)
    page = client.get("/account").get_data(as_text=True)
    assert "Nightly export" in page and token not in page
    with bare_app.app_context():
        stored = db.session.scalars(select(ApiToken)).one()
        assert stored.user_id == user.id and stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert stored.last_used_at is None and stored.expires_at is None
        row = db.session.execute(select(ApiToken.__table__)).one()
        assert token not in " ".join(str(value) for value in row)


def test_bearer_acts_on_the_api_with_the_owners_role_and_records_its_use(bare_app):
    _, _, token = _token_for(bare_app, "staff")
    api = bare_app.test_client()
    response = api.get("/api/v1/activities", headers=_bearer(token))
    assert response.status_code == 200 and "total" in response.get_json()
    assert response.headers.get("Set-Cookie") is None  # a token opens no session
    with bare_app.app_context():
        assert db.session.scalars(select(ApiToken)).one().last_used_at is not None
    assert api.get("/api/v1/activities").status_code == 401  # nothing carried over to the next request


def test_a_parliament_token_reaches_its_own_chambers_only(bare_app):
    own_code, other_code = "FR-LC", "KE-LC"
    with bare_app.app_context():
        factories.make_chamber(other_code, "lower")
    _, _, token = _token_for(bare_app, "parliament", chamber_codes=[own_code])
    api = bare_app.test_client()
    assert api.get(f"/api/v1/profiles/{own_code}/contacts", headers=_bearer(token)).status_code == 200
    assert api.get(f"/api/v1/profiles/{other_code}/contacts", headers=_bearer(token)).status_code == 403
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 403
    own_private = api.get(f"/api/v1/profiles/{own_code}", headers=_bearer(token)).get_json()
    assert "private" in own_private
    assert "private" not in api.get(f"/api/v1/profiles/{other_code}", headers=_bearer(token)).get_json()


def test_a_token_never_opens_an_html_page_nor_a_write(bare_app):
    _, _, token = _token_for(bare_app, "admin")
    browser = bare_app.test_client()
    page = browser.get("/admin/users", headers=_bearer(token))
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    assert browser.get("/account", headers=_bearer(token)).status_code == 302
    # a write: the token is not even looked at, and the CSRF check refuses the form
    write = browser.post("/account/tokens", data={"name": "sneaky"}, headers=_bearer(token))
    assert write.status_code == 400
    with bare_app.app_context():
        assert [t.name for t in db.session.scalars(select(ApiToken))] == ["Nightly export"]


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Bearer ", "Bearer " + "x" * 5000])
def test_an_unknown_token_is_a_401_even_where_anonymous_visitors_may_read(bare_app, header):
    response = bare_app.test_client().get("/api/v1/chambers", headers={"Authorization": header})
    assert response.status_code == 401 and response.get_json()["status"] == 401
    assert "invalid_token" in response.headers["WWW-Authenticate"]
    assert bare_app.test_client().get("/api/v1/chambers").status_code == 200


def test_a_revoked_token_stops_working_and_only_its_owner_may_revoke_it(bare_app):
    _, client, token = _token_for(bare_app)
    with bare_app.app_context():
        token_id = db.session.scalars(select(ApiToken.id)).one()
    stranger = bare_app.test_client()
    sign_in(stranger, make_account(bare_app, "admin"))
    refused = stranger.post(f"/account/tokens/{token_id}/revoke",
                            data={"csrf_token": read_csrf_token(stranger, "/account")})
    assert refused.status_code == 404
    api = bare_app.test_client()
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 200
    revoked = client.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": read_csrf_token(client, "/account")})
    assert revoked.status_code == 302
    assert "revoked" in client.get("/account").get_data(as_text=True)
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 401


def test_an_expired_token_stops_working(bare_app):
    _, client, _ = _token_for(bare_app)
    response, token = _create(client, "Short-lived", expires_days="1")
    api = bare_app.test_client()
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 200
    with bare_app.app_context():
        stored = db.session.scalars(select(ApiToken).where(ApiToken.name == "Short-lived")).one()
        assert dt.timedelta(hours=23) < stored.expires_at - stored.created_at <= dt.timedelta(days=1)
        stored.expires_at = stored.created_at - dt.timedelta(seconds=1)
        db.session.commit()
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 401
    assert "expired" in client.get("/account").get_data(as_text=True)


def test_ending_sessions_keeps_tokens_but_disabling_the_account_refuses_them(bare_app):
    user, client, token = _token_for(bare_app)
    api = bare_app.test_client()
    client.post("/account/sessions/end", data={"csrf_token": read_csrf_token(client, "/account")})
    client.post("/logout", data={"csrf_token": read_csrf_token(client, "/account")})
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 200
    with bare_app.app_context():
        account = db.session.get(User, user.id)
        services.update_user(account, role="staff", name="", active=False)
    assert api.get("/api/v1/activities", headers=_bearer(token)).status_code == 401


@pytest.mark.parametrize("name, days, message", [
    ("", "", "This field is required."), ("x" * 101, "", "Field cannot be longer than 100 characters."),
    ("ok", "0", "from 1 to 3650"), ("ok", "1" * 309, "from 1 to 3650"), ("ok", "soon", "Not a valid integer"),
])
def test_a_bad_token_form_is_a_400_next_to_the_field_and_creates_nothing(bare_app, name, days, message):
    client = bare_app.test_client()
    sign_in(client, make_account(bare_app))
    response, token = _create(client, name, days)
    assert response.status_code == 400 and token is None
    assert message in response.get_data(as_text=True)
    with bare_app.app_context():
        assert db.session.scalars(select(ApiToken)).all() == []


def test_flask_tokens_create_prints_a_working_token_alone_on_its_last_line(bare_app):
    user = make_account(bare_app, "staff")
    result = bare_app.test_cli_runner().invoke(args=["tokens", "create", user.email.upper(), "--name", "cron",
                                                     "--expires-days", "30"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert " " not in token and len(token) >= 40
    assert bare_app.test_client().get("/api/v1/activities", headers=_bearer(token)).status_code == 200
    with bare_app.app_context():
        stored = db.session.scalars(select(ApiToken)).one()
        assert stored.name == "cron" and stored.expires_at is not None


@pytest.mark.parametrize("args, code, message", [
    (["nobody@example.org", "--name", "x"], 1, "No account"),
    (["{email}", "--name", "x", "--expires-days", "0"], 2, "expires-days"),
    (["{email}", "--name", "x", "--expires-days", "1" * 309], 2, "expires-days"),
    (["{email}", "--name", ""], 1, "name"),
    (["{disabled}", "--name", "x"], 1, "disabled"),
])
def test_flask_tokens_create_refuses_bad_arguments_and_writes_nothing(bare_app, args, code, message):
    email = make_account(bare_app).email
    disabled = make_account(bare_app, active=False).email
    result = bare_app.test_cli_runner().invoke(args=["tokens", "create",
                                                     *[a.format(email=email, disabled=disabled) for a in args]])
    assert result.exit_code == code and message in result.output, result.output
    with bare_app.app_context():
        assert db.session.scalars(select(ApiToken)).all() == []
