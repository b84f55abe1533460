"""The API's OpenAPI 3.1 document, built by flask-smorest from the marshmallow schemas that parse each request's
parameters and write each answer, and the blueprint class every API module registers its routes on.

Differences from flask-smorest's defaults, each for one reason:
- a refused parameter is a 400 (webargs says 422) in the one JSON error body (errors.ErrorSchema), written by the
  app's own error handler (errors.py), so a page and the API fail the same way; flask-smorest's handler is not used;
- the document and its reference page are served by our own routes (docs.py), which say who may read them like
  every other route, rather than by flask-smorest's documentation blueprint;
- query strings ignore unknown parameters (as the pages do), never a 400 for a browser's cache-buster.
"""

from __future__ import annotations

import marshmallow as ma
from flask import request
from flask_login import current_user
from flask_smorest import Api, Blueprint
from webargs.flaskparser import FlaskParser

from parliament_tracker.auth.tokens import bearer_secret
from parliament_tracker.downloads import data_licence
from parliament_tracker.errors import ErrorSchema, json_error

SECURITY_SCHEMES = {
    "session": {"type": "apiKey", "in": "cookie", "name": "session",
                "description": "The signed-in browser's session cookie (sign in at /login)."},
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "A personal API token (created on /account or with `flask tokens create`): "
                              "`Authorization: Bearer <token>`, for GET requests under /api/v1 and /data only. An unknown, "
                              "revoked or expired token is a 401, even on a public endpoint."},
}
# who may call: anyone (no credentials, or either kind), or only with credentials
ANYONE = [{}, {"session": []}, {"bearer": []}]
SIGNED_IN = [{"session": []}, {"bearer": []}]

DESCRIPTION = """The public data of parliament-tracker, and its staff's records, as JSON.

Every identifier is a stable code: chambers `<ISO 3166-1 alpha-2>-LC` (lower or unicameral) and `-UC` (upper),
countries ISO 3166-1 alpha-3, areas and activity types their codes. Every answer carries the data licence in a
`Link: <...>; rel="license"` header. Every error, whatever the status, is one JSON shape (`Error`: status, code, error, fields).
Lists that are paged say `total`, `pages` and `links` (first, prev, next, last)."""


TAGS = {
    "registry": "The chamber registry (Popolo organizations), countries and the vocabularies",
    "coverage": "The coverage dashboard's figures, matrix and gaps, for the dashboard's filters",
    "coordination": "Who does what where: overlaps between organisations working with the same chamber and area",
    "profiles": "A chamber's public profile and time series; the ICT capacity aggregates",
    "activities (staff)": "Activities and participations, for centre staff",
    "open data": "Standard formats: IATI 2.03, the Frictionless data package of the public data (CSV, XLSX, HXL)",
    "operations": "Health check for load balancers",
}


class ApiParser(FlaskParser):
    """webargs' parser, answering a refused parameter with 400 (as every other bad request in the app)."""

    DEFAULT_VALIDATION_STATUS = 400
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": ma.EXCLUDE}


def state_licence(response):
    """Every API answer states the data licence in a Link header (rel="license", RFC 4946)."""
    if 'rel="license"' not in response.headers.get("Link", ""):
        response.headers.add("Link", data_licence().link_header)
    return response


def refuse_unusable_tokens():
    """A token that does not work is a 401, never a silent fall-back to anonymous access."""
    if bearer_secret(request) is not None and not current_user.is_authenticated:
        response = json_error(401, "The API token is unknown, revoked or expired, or its account is disabled.")
        response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response
    return None


class ApiBlueprint(Blueprint):
    """flask-smorest's Blueprint with the 400 parser; every route on one refuses an unusable token and states the
    data licence."""

    ARGUMENTS_PARSER = ApiParser()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.before_request(refuse_unusable_tokens)
        self.after_request(state_licence)


class OpenApi(Api):
    """flask-smorest's Api without its error handler (errors.py writes every error body) and with our
    security schemes and error body registered as components."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        pass

    def init_app(self, app, *, spec_kwargs=None):
        app.config.setdefault("API_TITLE", "parliament-tracker API")
        app.config.setdefault("API_VERSION", "1")
        app.config.setdefault("OPENAPI_VERSION", "3.1.0")
        app.config.setdefault("API_SPEC_OPTIONS", {
            "info": {"description": DESCRIPTION,
                     "license": {"name": "Data: " + app.config.get("DATA_LICENCE", "CC-BY-4.0"),
                                 "identifier": app.config.get("DATA_LICENCE", "CC-BY-4.0")}},
        })
        super().init_app(app, spec_kwargs=spec_kwargs)
        for name, scheme in SECURITY_SCHEMES.items():
            self.spec.components.security_scheme(name, scheme)
        for name, description in TAGS.items():
            self.spec.tag({"name": name, "description": description})

    def register_blueprint(self, blp, *, parameters=None, **options):
        """flask-smorest's, without the tag it makes of each blueprint: operations are tagged by resource (TAGS),
        not by the blueprint that happens to hold them."""
        self._app.extensions["flask-smorest"]["blp_name_to_api"][blp.name] = self
        self._app.register_blueprint(blp, **options)
        blp.register_views_in_doc(self, self._app, self.spec, name=blp.name, parameters=parameters)


openapi = OpenApi()
