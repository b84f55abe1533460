"""GET /healthz: whether the app and its database answer."""

from flask import jsonify

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import public
from parliament_tracker.database import database_answers
from parliament_tracker.extensions import limiter


@bp.get("/healthz")
@limiter.exempt
@public
def healthz():
    """Always 200 while the app runs; the body says whether the database answers."""
    ok = database_answers()
    return jsonify(status="ok" if ok else "degraded", database=ok)
