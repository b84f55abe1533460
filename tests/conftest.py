"""Fixtures shared by every test: app, client, runner, login_as, count_statements; read_csrf_token."""

from __future__ import annotations

import re

import pytest

from parliament_tracker import create_app
from parliament_tracker.dashboards.facts import differences
from parliament_tracker.extensions import db
from tests import catalogues, factories
from tests.databases import config_for, make_template
from tests.statements import count_request


def pytest_collection_modifyitems(config, items):
    """Tests marked needs_full_catalogues are skipped, with the count of missing messages, while a fr/es/ar
    catalogue is incomplete (or run anyway with PT_REQUIRE_FULL_CATALOGUES=1)."""
    marked = [item for item in items if item.get_closest_marker("needs_full_catalogues")]
    reason = catalogues.skip_reason() if marked else None
    for item in marked if reason else ():
        item.add_marker(pytest.mark.skip(reason=reason))


def _compile_catalogues() -> None:
    """Compile a catalogue whose .mo is missing or older than its .po, so a bare `pytest` tests the current
    translations as `make test` (which compiles them) does."""
    from babel.messages.mofile import write_mo

    for po in catalogues.TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            catalogue = catalogues._read(po)
            with mo.open("wb") as handle:
                write_mo(handle, catalogue)


_compile_catalogues()

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(scope="session")
def db_template(tmp_path_factory):
    template = make_template(tmp_path_factory.mktemp("db"))
    yield template
    template.close()


@pytest.fixture
def make_app(db_template):
    """Build an app on a fresh database; keyword arguments override configuration values."""
    made = []

    def _make(**overrides):
        url = db_template.fresh_url()
        app = create_app(config_for(url, **overrides))
        made.append((app, url, "SQLALCHEMY_DATABASE_URI" not in overrides))
        return app

    yield _make
    for app, url, on_test_database in made:
        extra = missing = None
        with app.app_context():
            db.session.rollback()
            if on_test_database:  # every write path of every test keeps the coverage facts current
                extra, missing = differences()
            db.session.remove()
            db.engine.dispose()
        db_template.reset(url)
        assert not (extra or missing), f"coverage facts out of date after the test: {extra=} {missing=}"


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def read_csrf_token(client, path: str = "/login") -> str:
    """The CSRF token of client's session, read from a page's form as a browser would."""
    match = CSRF_RE.search(client.get(path).get_data(as_text=True))
    assert match, f"no csrf_token on {path}"
    return match.group(1)


@pytest.fixture
def login_as(client):
    """Create a user with the role (tied to chamber or donor where the role needs it) and sign in."""

    def _login(role: str, chamber=None, donor=None, email=None):
        user = factories.make_user(role, chambers=[chamber] if chamber else None, donor=donor, email=email)
        response = client.post("/login", data={"email": user.email, "password": factories.PASSWORD,
                                               "csrf_token": read_csrf_token(client)})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return user

    return _login


@pytest.fixture
def count_statements():
    """count_statements(client, path) -> (response, log): the SQL statements one GET request runs (len(log))."""
    return count_request
