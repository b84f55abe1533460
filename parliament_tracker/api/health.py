"""GET /healthz: whether the app and its database answer (200), or which part does not (503)."""

import marshmallow as ma

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import public
from parliament_tracker.database import database_answers
from parliament_tracker.extensions import limiter


class Health(ma.Schema):
    status = ma.fields.String(required=True, validate=ma.validate.OneOf(("ok", "degraded")))
    database = ma.fields.Boolean(required=True)


@bp.get("/healthz", tags=["operations"])
@limiter.exempt
@public
@bp.doc(security=[{}])
@bp.response(200, Health)
@bp.alt_response(503, schema=Health, description="The database does not answer (take the instance out).")
def healthz():
    """200 while the app and its database answer; 503 (for a load balancer) when the database does not, the body
    still naming the part that failed."""
    ok = database_answers()
    return {"status": "ok" if ok else "degraded", "database": ok}, 200 if ok else 503
