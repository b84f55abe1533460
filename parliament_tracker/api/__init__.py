"""JSON endpoints under /api/v1, one module per resource, plus /healthz; their OpenAPI document and reference
page (docs.py). Every route's parameters and answers are marshmallow schemas (schemas/), which flask-smorest
uses both to parse and write them and to describe them (spec.py)."""

from parliament_tracker.api.spec import ApiBlueprint

bp = ApiBlueprint("api", __name__, description="parliament-tracker's data")


from parliament_tracker.api import (  # noqa: E402,F401  (register their routes on bp)
    activities,
    chambers,
    coordination,
    coverage,
    health,
    profiles,
)
