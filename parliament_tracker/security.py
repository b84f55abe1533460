"""Security headers on every response: a Content-Security-Policy that allows no other origin."""

from flask import Flask, Response, abort, request
from flask_babel import gettext as _

# Plotly writes inline style attributes, so styles allow 'unsafe-inline'; scripts never do.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _has_nul(values) -> bool:
    return any("\x00" in key or any("\x00" in v for v in vals) for key, vals in values.lists())


def register_security(app: Flask) -> None:
    @app.before_request
    def refuse_nul_characters():
        """A NUL character is never meaningful text, and PostgreSQL refuses it: answer 400 before any view."""
        if "\x00" in request.path or _has_nul(request.args) or (
                request.method in ("POST", "PUT", "PATCH") and _has_nul(request.form)):
            abort(400, _("The request contains a NUL character, which is not allowed."))

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
