"""Message text in the recipient's language, and links that point at the configured public address."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit

from flask import current_app, g, render_template
from flask_babel import force_locale


@contextmanager
def recipient_locale(locale: str | None):
    """Translate in the recipient's locale (the default when they have none or it is not offered)."""
    offered = current_app.config["LANGUAGES"]
    chosen = locale if locale in offered else current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    # Templates translate through the catalogue cached on g (parliament_tracker.i18n): set it aside meanwhile.
    cached = g.pop("babel_catalogue", None)
    try:
        with force_locale(chosen):
            yield chosen
    finally:
        g.pop("babel_catalogue", None)
        if cached is not None:
            g.babel_catalogue = cached


def render_mail(name: str, locale: str | None = None, **context) -> tuple[str, str]:
    """(subject, body) of templates/mail/<name>.txt, whose first line is the subject."""
    with recipient_locale(locale):
        text = render_template(f"mail/{name}.txt", **context)
    subject, _, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def public_url(endpoint: str, **values) -> str:
    """An absolute URL on PUBLIC_URL: in a request too, because a Host header can be forged, and a reset link
    built on it would carry the token to whoever forged it."""
    parts = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
    return adapter.build(endpoint, values, force_external=True)
