"""JSON endpoints under /api/v1, one module per resource, plus /healthz; their OpenAPI document and reference
page (docs.py). Every route's parameters and answers are marshmallow schemas (schemas/), which flask-smorest
uses both to parse and write them and to describe them (spec.py)."""

from flask import request
from flask_login import current_user

from parliament_tracker.api.spec import ApiBlueprint
from parliament_tracker.auth.tokens import bearer_secret
from parliament_tracker.downloads import data_licence
from parliament_tracker.errors import json_error

bp = ApiBlueprint("api", __name__, description="parliament-tracker's data")


@bp.after_request
def state_licence(response):
    """Every API answer states the data licence in a Link header (rel="license", RFC 4946)."""
    if 'rel="license"' not in response.headers.get("Link", ""):
        response.headers.add("Link", data_licence().link_header)
    return response


@bp.before_request
def refuse_unusable_tokens():
    """A token that does not work is a 401, never a silent fall-back to anonymous access."""
    if bearer_secret(request) is not None and not current_user.is_authenticated:
        response = json_error(401, "The API token is unknown, revoked or expired, or its account is disabled.")
        response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response
    return None


from parliament_tracker.api import (  # noqa: E402,F401  (register their routes on bp)
    activities,
    chambers,
    coverage,
    health,
    profiles,
)
