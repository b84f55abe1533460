"""Locale selection for Flask-Babel, and translation through the request's catalogue where many strings are."""

from urllib.parse import urlencode, urlsplit

from flask import current_app, g, has_request_context, request
from flask_babel import get_locale, get_translations
from flask_login import current_user

# Each language named in itself, as the switcher shows it (a reader looks for their own language's name).
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def offered() -> list[str]:
    return current_app.config["LANGUAGES"]


def select_locale() -> str:
    """The language of this request, first found of: `?lang=` (a shared link), the signed-in user's choice
    (users.locale), the `lang` cookie (an anonymous visitor's choice), the browser's Accept-Language, English.
    The API answers in English whatever is asked: its words are codes. The default outside a request (CLI)."""
    default = current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    if not has_request_context() or request.path.startswith("/api/"):
        return default
    languages = offered()
    asked = request.args.get("lang")
    if asked in languages:
        return asked
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if request.cookies.get(COOKIE) in languages:
        return request.cookies[COOKIE]
    return request.accept_languages.best_match(languages) or default


def remember_language(response, code: str):
    """The language choice in a cookie for a year (read by select_locale on the next visit)."""
    response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


def remember_asked_language(response):
    """After a request with `?lang=`: that choice is remembered, and every answer says its language."""
    asked = request.args.get("lang")
    if asked in offered() and request.cookies.get(COOKIE) != asked:
        remember_language(response, asked)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Language", current_locale())
    return response


def current_locale() -> str:
    return str(get_locale() or "en")


def text_direction(locale: str | None = None) -> str:
    """"rtl" for a right-to-left language, else "ltr" (the `dir` of <html>)."""
    return "rtl" if (locale or current_locale()).split("_")[0] in RIGHT_TO_LEFT else "ltr"


def language_url(code: str) -> str:
    """This page in another language: its path and query with `lang` replaced (the anonymous switcher's link)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
    return request.path + "?" + urlencode(args)


def this_page() -> str:
    """This page's path and query without `lang`: where the signed-in switcher comes back to."""
    if request.method != "GET":  # a form's answer: back to the page the form was on, when it is this site's
        referrer = urlsplit(request.referrer or "")
        same_site = referrer.netloc == request.host and referrer.path.startswith("/")
        return (referrer.path + (f"?{referrer.query}" if referrer.query else "")) if same_site else "/"
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return request.path + ("?" + urlencode(args) if args else "")


def language_choices() -> list[tuple[str, str]]:
    """(code, name in itself) of every offered language, in the configured order."""
    return [(code, LANGUAGE_NAMES.get(code, code)) for code in offered()]


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
