"""GET /api/v1/chambers: the registry as Popolo organizations, filtered like the registry page."""

from flask import jsonify, request

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import public
from parliament_tracker.chambers import services
from parliament_tracker.chambers.exports import popolo_organization
from parliament_tracker.chambers.models import CHAMBER_TYPES, INCOME_GROUPS, STATUSES
from parliament_tracker.errors import json_error

FILTERS = ("q", "region", "income_group", "chamber_type", "status", "group")


@bp.get("/api/v1/chambers")
@public
def chambers_index():
    args = {name: request.args.get(name, "").strip() for name in FILTERS}
    allowed = {"region": services.region_choices(), "income_group": INCOME_GROUPS, "chamber_type": CHAMBER_TYPES,
               "status": STATUSES, "group": [code for code, _ in services.group_choices()]}
    for name, values in allowed.items():
        if args[name] and args[name] not in values:
            return json_error(400, f"{name} must be one of: {', '.join(values)}")
    if len(args["q"]) > 100:
        return json_error(400, "q must be at most 100 characters")
    chambers = services.search_chambers(services.RegistryFilter(**args))
    return jsonify(count=len(chambers), organizations=[popolo_organization(c) for c in chambers])


@bp.get("/api/v1/chambers/<code>")
@public
def chambers_detail(code: str):
    chamber = services.get_chamber_by_code(code)
    if chamber is None:
        return json_error(404, f"no chamber with code {code!r}")
    return jsonify(popolo_organization(chamber))
