"""Signing in and out: passwords, disabled accounts, safe redirects, throttling, cookies and headers."""

import pytest

from parliament_tracker.auth.permissions import safe_next
from tests import factories
from tests.conftest import read_csrf_token


def _post_login(client, email, password, next_url=None):
    url = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password, "csrf_token": read_csrf_token(client)})


def test_sign_in_with_the_right_password_and_out_again(client):
    user = factories.make_user("staff")
    response = _post_login(client, user.email.upper(), factories.PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert user.email in client.get("/").get_data(as_text=True)
    response = client.post("/logout", data={"csrf_token": read_csrf_token(client, "/")})
    assert response.status_code == 302
    assert client.get("/admin/users").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_refusal(client):
    user = factories.make_user("staff")
    wrong = _post_login(client, user.email, "nope nope nope")
    unknown = _post_login(client, "nobody@example.org", factories.PASSWORD)
    assert wrong.status_code == unknown.status_code == 400
    assert "Unknown e-mail or wrong password" in wrong.get_data(as_text=True)
    assert "Unknown e-mail or wrong password" in unknown.get_data(as_text=True)


def test_a_disabled_account_cannot_sign_in(client):
    user = factories.make_user("staff", active=False)
    assert _post_login(client, user.email, factories.PASSWORD).status_code == 400
    assert client.get("/account/password").status_code == 302


def test_login_without_csrf_token_is_refused(client):
    user = factories.make_user("staff")
    response = client.post("/login", data={"email": user.email, "password": factories.PASSWORD})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)


@pytest.mark.parametrize("target,expected", [
    ("/chambers/", "/chambers/"),
    ("https://evil.example/", "/"),
    ("//evil.example/x", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
])
def test_next_is_followed_only_to_a_path_on_this_site(client, target, expected):
    user = factories.make_user("staff")
    response = _post_login(client, user.email, factories.PASSWORD, next_url=target)
    assert response.headers["Location"] == expected


def test_safe_next_rejects_control_characters():
    assert safe_next("/ok\r\nSet-Cookie: x") is None
    assert safe_next("/chambers/?q=a") == "/chambers/?q=a"


def test_an_anonymous_visitor_is_sent_to_login_with_next(client):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/admin/users")


def test_login_is_throttled(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    with app.app_context():
        user = factories.make_user("staff")
        email = user.email
    statuses = [_post_login(client, email, "wrong password!").status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_session_cookie_is_httponly_and_samesite_lax(client):
    user = factories.make_user("staff")
    response = _post_login(client, user.email, factories.PASSWORD)
    cookie = "; ".join(response.headers.getlist("Set-Cookie"))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_security_headers_allow_no_other_origin(client):
    response = client.get("/chambers/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "http" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_change_password(client, login_as):
    user = login_as("staff")
    token = read_csrf_token(client, "/account/password")
    refused = client.post("/account/password", data={"current_password": "wrong", "password": "a new long password",
                                                    "confirm": "a new long password", "csrf_token": token})
    assert refused.status_code == 400 and "not correct" in refused.get_data(as_text=True)
    mismatch = client.post("/account/password", data={"current_password": factories.PASSWORD,
                                                     "password": "a new long password", "confirm": "different one!",
                                                     "csrf_token": token})
    assert mismatch.status_code == 400
    ok = client.post("/account/password", data={"current_password": factories.PASSWORD,
                                               "password": "a new long password", "confirm": "a new long password",
                                               "csrf_token": token})
    assert ok.status_code == 302
    client.post("/logout", data={"csrf_token": read_csrf_token(client, "/")})
    assert _post_login(client, user.email, factories.PASSWORD).status_code == 400
    assert _post_login(client, user.email, "a new long password").status_code == 302
