"""Fixtures for tests that follow one account across requests and browsers."""

from types import SimpleNamespace

import pytest

from tests import factories
from tests.conftest import read_csrf_token


@pytest.fixture
def bare_app(make_app):
    """An app without an application context around the test: each request gets its own, as in production
    (a shared one would keep Flask-Login's user in g from one request to the next)."""
    return make_app()


def make_account(app, role="staff", chamber_codes=(), **kwargs) -> SimpleNamespace:
    """A user made in its own application context (speaking for the chambers with those codes, made if new);
    only its id and e-mail outlive it."""
    with app.app_context():
        if chamber_codes:
            kwargs["chambers"] = [factories.make_chamber_once(code) for code in chamber_codes]
        user = factories.make_user(role, **kwargs)
        return SimpleNamespace(id=user.id, email=user.email)


def sign_in(client, user, remember=False):
    data = {"email": user.email, "password": factories.PASSWORD, "csrf_token": read_csrf_token(client)}
    if remember:
        data["remember"] = "y"
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
