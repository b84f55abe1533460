"""A client whose every request has its own app context, as in production: the locale, the catalogue and the
number symbols are kept on `g` per request, and the shared `app` fixture's context would keep the first ones."""

import pytest

from tests import factories
from tests.conftest import read_csrf_token


@pytest.fixture
def own_app(make_app):
    return make_app()


@pytest.fixture
def client(own_app):
    return own_app.test_client()


@pytest.fixture
def login_as(own_app, client):
    def _login(role: str, **kwargs):
        with own_app.app_context():
            user = factories.make_user(role, **kwargs)
            user_id, email = user.id, user.email
        client.post("/login", data={"email": email, "password": factories.PASSWORD,
                                    "csrf_token": read_csrf_token(client)})
        return user_id

    return _login
