"""The mail tests' app sends to a real SMTP server running in the test process."""

import pytest

from tests.smtp import SmtpServer


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(make_app, smtp):
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_USE_TLS=False,
                   PUBLIC_URL="https://tracker.example.org")
    with app.app_context():
        yield app
