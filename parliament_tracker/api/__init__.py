"""JSON endpoints under /api/v1, one module per resource, plus /healthz."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from parliament_tracker.api import (  # noqa: E402,F401  (register their routes on bp)
    activities,
    chambers,
    coverage,
    health,
    profiles,
)
