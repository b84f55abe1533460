"""JSON endpoints under /api/v1, one module per resource, plus /healthz."""

from flask import Blueprint

from parliament_tracker.downloads import data_licence

bp = Blueprint("api", __name__)


@bp.after_request
def state_licence(response):
    """Every API answer states the data licence in a Link header (rel="license", RFC 4946)."""
    if 'rel="license"' not in response.headers.get("Link", ""):
        response.headers.add("Link", data_licence().link_header)
    return response


from parliament_tracker.api import (  # noqa: E402,F401  (register their routes on bp)
    activities,
    chambers,
    coverage,
    health,
    profiles,
)
