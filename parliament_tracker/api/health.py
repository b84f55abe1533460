"""GET /healthz: whether the app and its database answer (200), or which part does not (503)."""

from flask import jsonify

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import public
from parliament_tracker.database import database_answers
from parliament_tracker.extensions import limiter


@bp.get("/healthz")
@limiter.exempt
@public
def healthz():
    """200 while the app and its database answer; 503 (for a load balancer) when the database does not, the body
    still naming the part that failed."""
    ok = database_answers()
    return jsonify(status="ok" if ok else "degraded", database=ok), 200 if ok else 503
