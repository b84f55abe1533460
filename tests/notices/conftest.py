"""The notice tests use the mail tests' real SMTP server and app."""

from tests.mail.conftest import app, smtp  # noqa: F401
