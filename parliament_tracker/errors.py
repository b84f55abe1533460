"""Friendly error pages (JSON under /api/); a 500 rolls the session back and shows no details."""

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from parliament_tracker.extensions import db

TITLES = {
    400: _l("The request could not be understood"),
    401: _l("Please sign in"),
    403: _l("You do not have access to this page"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    413: _l("The file is too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong on our side"),
}


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _render(status: int, message: str):
    if _wants_json():
        return jsonify(error=message, status=status), status
    return render_template("errors/error.html", status=status, title=str(TITLES.get(status, _("Error"))),
                           message=message), status


def register_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _render(400, _("Your form expired or was sent from elsewhere. Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if error.code >= 500:
            db.session.rollback()
            return _render(error.code, _("The error was logged. Please try again later."))
        description = error.description if error.description and error.code == 400 else ""
        return _render(error.code, description or str(TITLES.get(error.code, _("Error"))))

    @app.errorhandler(Exception)
    def unhandled(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return _render(500, _("The error was logged. Please try again later."))
