"""Locale selection for Flask-Babel."""

from flask import current_app, has_request_context, request


def select_locale() -> str:
    """The best of the configured languages for the browser's Accept-Language header (the default in the CLI)."""
    if not has_request_context():
        return current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "en"
