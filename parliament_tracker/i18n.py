"""Locale selection for Flask-Babel, and translation through the request's catalogue where many strings are."""

from flask import current_app, g, has_request_context, request
from flask_babel import get_translations


def select_locale() -> str:
    """The best of the configured languages for the browser's Accept-Language header (the default in the CLI)."""
    if not has_request_context():
        return current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "en"


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it, which pybabel extracts by default)
    """Marks a message for translation where it is shown, with request_translations().ugettext."""
    return message


def request_translations():
    """The catalogue of the request's locale, looked up once per app context (each request has its own) and kept
    on `g`, as Flask-Babel keeps the locale itself."""
    found = g.get("babel_catalogue")
    if found is None:
        found = g.babel_catalogue = get_translations()
    return found


def gettext(message: str, **variables) -> str:
    """Flask-Babel's gettext through request_translations(): for code that translates many strings per request."""
    translated = request_translations().ugettext(message)
    return translated % variables if variables else translated


def install_template_gettext(app) -> None:
    """Templates translate through request_translations(). Flask-Babel's own callables resolve the context, the
    domain and the locale again on every call: a third of the coverage dashboard's rendering time. The locale is
    chosen once per request (select_locale), so one lookup per request gives the same strings."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: request_translations().ugettext(s),
        ngettext=lambda s, p, n: request_translations().ungettext(s, p, n),
        pgettext=lambda c, s: request_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: request_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
