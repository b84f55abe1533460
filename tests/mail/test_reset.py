"""Password reset end to end through a real SMTP server: the link works once, expires, and tells nothing."""

import time

from itsdangerous import TimestampSigner

from parliament_tracker.auth.services import verify_password
from parliament_tracker.extensions import db
from tests import factories
from tests.conftest import CSRF_RE, read_csrf_token
from tests.smtp import body_of, link_in

NEW = "a-brand-new-password"


def _forgot(client, email, **kwargs):
    return client.post("/password/forgot", data={"email": email, "csrf_token": read_csrf_token(client)},
                       buffered=True, **kwargs)


def _path(link: str) -> str:
    assert link.startswith("https://tracker.example.org/"), link
    return link.removeprefix("https://tracker.example.org")


def _set(client, path, password=NEW, confirm=None):
    return client.post(path, data={"password": password, "confirm": confirm or password,
                                   "csrf_token": read_csrf_token(client, "/password/forgot")})


def _sign_in(client, email, password):
    return client.post("/login", data={"email": email, "password": password,
                                       "csrf_token": read_csrf_token(client)})


def test_the_sign_in_page_links_to_the_forgotten_password_page(client):
    assert 'href="/password/forgot"' in client.get("/login").get_data(as_text=True)
    assert client.get("/password/forgot").status_code == 200


def test_reset_by_mail_sets_the_password_once(app, client, smtp):
    user = factories.make_user("parliament")
    response = _forgot(client, user.email.upper())  # the address is matched whatever its case
    assert response.status_code == 302
    [message] = smtp.wait_for(user.email)
    assert "Reset your parliament-tracker password" == message["Subject"]
    path = _path(link_in(message))
    assert path.startswith("/password/reset/") and "60 minutes" in body_of(message)

    page = client.get(path)
    assert page.status_code == 200 and user.email in page.get_data(as_text=True)
    assert _set(client, path, "short").status_code == 400  # the rules of any password
    assert _set(client, path, NEW, "something-else").status_code == 400
    response = _set(client, path)
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    db.session.refresh(user)
    assert verify_password(user, NEW) and not verify_password(user, factories.PASSWORD)
    assert _sign_in(client, user.email, NEW).status_code == 302

    reused = client.get(path)
    assert reused.status_code == 400 and "already used" in reused.get_data(as_text=True)
    assert _set(client, path, "yet-another-password").status_code == 400
    db.session.refresh(user)
    assert verify_password(user, NEW)


def test_an_expired_link_is_refused(app, client, smtp, monkeypatch):
    user = factories.make_user("staff")
    real = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: real(self) - 3601)
    _forgot(client, user.email)
    monkeypatch.undo()
    path = _path(link_in(smtp.wait_for(user.email)[0]))
    response = client.get(path)
    assert response.status_code == 400 and "expired" in response.get_data(as_text=True)
    assert _set(client, path).status_code == 400
    db.session.refresh(user)
    assert verify_password(user, factories.PASSWORD)


def test_a_forged_or_mangled_link_is_refused(client):
    for token in ("nonsense", "eyJ1IjoxLCJmIjoieCJ9.AAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBB"):
        response = client.get(f"/password/reset/{token}")
        assert response.status_code == 400 and "not valid" in response.get_data(as_text=True)


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(app, client, smtp):
    user = factories.make_user("donor")
    disabled = factories.make_user("staff", active=False)
    answers = []
    for email in (user.email, "nobody@example.org", disabled.email):
        response = _forgot(client, email, follow_redirects=True)
        text = response.get_data(as_text=True).replace(email, "EMAIL")
        answers.append((response.status_code, text[text.index("<main"):text.index("</main>")]))
    assert answers[0] == answers[1] == answers[2]
    assert len(smtp.wait_for(user.email)) == 1
    assert smtp.to("nobody@example.org") == [] and smtp.to(disabled.email) == []


def test_reset_links_use_the_configured_address_not_the_host_header(client, smtp):
    user = factories.make_user("admin")
    forged = "http://evil.example.com"
    page = client.get("/password/forgot", base_url=forged).get_data(as_text=True)
    token = CSRF_RE.search(page).group(1)
    response = client.post("/password/forgot", data={"email": user.email, "csrf_token": token}, base_url=forged,
                           buffered=True)
    assert response.status_code == 302
    assert link_in(smtp.wait_for(user.email)[0]).startswith("https://tracker.example.org/password/reset/")


def test_a_bad_address_is_a_400_with_a_message(client, smtp):
    response = _forgot(client, "not an address")
    assert response.status_code == 400 and "is-invalid" in response.get_data(as_text=True)
    assert smtp.inbox == []


def _client_at(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_asking_is_throttled_per_client_and_per_address(make_app, smtp):
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_USE_TLS=False, RATELIMIT_ENABLED=True,
                   PASSWORD_RESET_RATE_LIMIT="2 per minute")
    with app.app_context():  # the requests below each get an app context (and a g) of their own
        email = factories.make_user("staff").email
    first = _client_at(app, "192.0.2.1")
    assert [_forgot(first, f"x{i}@example.org").status_code for i in range(3)] == [302, 302, 429]
    assert _forgot(_client_at(app, "192.0.2.2"), email).status_code == 302
    assert _forgot(_client_at(app, "192.0.2.3"), email).status_code == 302
    # the fourth address is refused too: one mailbox is not flooded from many places
    assert _forgot(_client_at(app, "192.0.2.4"), email).status_code == 429
    assert len(smtp.wait_for(email, 2)) == 2
    time.sleep(0.2)
    assert len(smtp.to(email)) == 2
