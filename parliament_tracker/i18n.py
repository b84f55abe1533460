"""Locale selection for Flask-Babel."""

from flask import current_app, request


def select_locale() -> str:
    """The best of the configured languages for the browser's Accept-Language header."""
    return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "en"
