"""Friendly error pages, and the one JSON error body (under /api/ and for clients asking for JSON); a 500 rolls
the session back and shows no details."""

from __future__ import annotations

from dataclasses import dataclass, field

import marshmallow as ma
from flask import Flask, Response, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

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


def wants_json() -> bool:
    """Whether this request gets JSON rather than a page: the API, the open data files (/data/, read by
    machines and described in the OpenAPI document), the health check, or a client that asks for JSON above
    anything else."""
    return (request.path.startswith(("/api/", "/data/")) or request.path == "/healthz"
            or request.accept_mimetypes.best == "application/json")


@dataclass(frozen=True)
class ErrorBody:
    """Every JSON error: {"status": 400, "code": "bad_request", "error": "a sentence for people",
    "fields": {"per_page": ["1 to 200"]}}. code is the HTTP reason in snake_case; fields names the query or
    form fields at fault (empty when the error is not about one)."""

    status: int
    error: str
    code: str = ""
    fields: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        if not self.code:
            reason = HTTP_STATUS_CODES.get(self.status, "error")
            object.__setattr__(self, "code", reason.lower().replace(" ", "_").replace("-", "_").replace("'", ""))


class ErrorSchema(ma.Schema):
    """ErrorBody as the API's OpenAPI document describes it (every 4xx and 5xx JSON answer), and the one way an
    error body is written (json_error dumps through it)."""

    status = ma.fields.Integer(required=True, metadata={"description": "the HTTP status", "example": 400})
    code = ma.fields.String(required=True, metadata={"description": "the status's reason in snake_case",
                                                     "example": "bad_request"})
    error = ma.fields.String(required=True, metadata={"description": "a sentence for people",
                                                      "example": "Invalid query parameters."})
    fields = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()), required=True,
                            metadata={"description": "each query or form field at fault, with its messages "
                                                     "(empty when the error is about no field)",
                                      "example": {"per_page": ["Must be greater than or equal to 1 and less "
                                                               "than or equal to 200."]}})


ERROR_SCHEMA = ErrorSchema()


def _messages(value) -> list[str]:
    """A validator's messages (a list, a string, or a dict per list index) as flat strings."""
    if isinstance(value, dict):
        return [m for v in value.values() for m in _messages(v)]
    if isinstance(value, (list, tuple)):
        return [m for v in value for m in _messages(v)]
    return [str(value)]


def validation_fields(messages: dict) -> dict[str, list[str]]:
    """webargs' messages ({"query": {"per_page": [...]}}) as ErrorBody fields ({"per_page": [...]})."""
    out: dict[str, list[str]] = {}
    for location in messages.values():
        items = location.items() if isinstance(location, dict) else [("_schema", location)]
        for name, value in items:
            out.setdefault(str(name), []).extend(_messages(value))
    return out


def json_error(status: int, message: str, fields: dict | None = None) -> Response:
    """The JSON error response (ErrorBody, written through ErrorSchema) with its status."""
    body = ErrorBody(status, str(message), fields={k: [str(m) for m in v] for k, v in (fields or {}).items()})
    response = jsonify(ERROR_SCHEMA.dump(body))
    response.status_code = status
    return response


def _render(status: int, message: str, fields: dict | None = None):
    if wants_json():
        return json_error(status, message, fields)
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
        messages = (getattr(error, "data", None) or {}).get("messages")
        if messages is not None:  # the API's parameter schemas refused the request (webargs, api/spec.py)
            return _render(error.code, _("Invalid query parameters."), validation_fields(messages))
        description = error.description if error.description and error.code == 400 else ""
        return _render(error.code, description or str(TITLES.get(error.code, _("Error"))))

    @app.errorhandler(Exception)
    def unhandled(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return _render(500, _("The error was logged. Please try again later."))
