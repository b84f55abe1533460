"""GET /api/v1/activities and /api/v1/activities/<id>: activities with their participations, for staff and admin.

The list takes the same filters as the activities page (q, area, activity_type, year, donor, region, chamber,
sort) plus page and per_page (at most 200)."""

from flask import jsonify, request

from parliament_tracker.activities import queries
from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.errors import json_error
from parliament_tracker.numbers import parse_id

MAX_PER_PAGE = 200


def activity_json(activity) -> dict:
    """An activity's fields, its donors' names and its participations with chamber codes."""
    return {
        "id": activity.id, "ref": activity.ref, "title": activity.title, "area": activity.area.code,
        "activity_type": activity.activity_type, "start_date": activity.start_date.isoformat(),
        "end_date": activity.end_date.isoformat(), "venue": activity.venue, "online": activity.online,
        "description": activity.description, "outcomes": activity.outcomes, "partners": activity.partners,
        "donors": [d.name for d in activity.donors], "preceding_id": activity.preceding_id,
        "version": activity.version, "updated_at": activity.updated_at.isoformat(),
        "participations": [{
            "id": p.id, "chamber": p.chamber.code, "country": p.chamber.country.iso3, "role": p.role,
            "participants": p.participants, "women": p.women, "members": p.members,
            "secretariat_staff": p.secretariat_staff, "ict_staff": p.ict_staff, "status": p.status,
        } for p in activity.participations],
    }


@bp.get("/api/v1/activities")
@role_required("admin", "staff")
def activities_index():
    form, filters = read_activity_filter()
    per_page = parse_id(request.args.get("per_page", "50"))
    if filters is None or per_page is None or not 1 <= per_page <= MAX_PER_PAGE:
        errors = dict(form.errors) if filters is None else {"per_page": [f"1 to {MAX_PER_PAGE}"]}
        return json_error(400, "invalid filter values", errors)
    page = queries.list_activities(filters, form.page.data or 1, per_page)
    return jsonify(page=page.page, per_page=page.per_page, total=page.total, pages=page.pages,
                   activities=[activity_json(a) for a in page.items])


@bp.get("/api/v1/activities/<int:activity_id>")
@role_required("admin", "staff")
def activities_detail(activity_id: int):
    return jsonify(activity_json(queries.get_activity_or_404(activity_id)))
