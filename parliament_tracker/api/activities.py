"""GET /api/v1/activities and /api/v1/activities/<id>: activities with their participations, for staff and admin;
GET /api/v1/participations: the participations themselves, each with its activity (staff and admin);
GET /api/v1/areas: the four areas of work (public).

The list takes the same filters as the activities page (q, area, activity_type, year, donor, region, chamber,
sort) plus page and per_page (at most 200)."""

from parliament_tracker.activities import queries
from parliament_tracker.activities.access import activity_to_read
from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.activities.services import list_areas
from parliament_tracker.api import bp
from parliament_tracker.api.access import errors, public_api, staff_api
from parliament_tracker.api.schemas import activities as s
from parliament_tracker.api.schemas.common import page_of
from parliament_tracker.api.schemas.registry import TermSchema
from parliament_tracker.errors import json_error


@bp.get("/api/v1/activities", tags=["activities (staff)"])
@staff_api
@errors(400)
@bp.arguments(s.ActivityQuery, location="query", as_kwargs=True)
@bp.response(200, s.ActivityPage)
def activities_index(page: int, per_page: int, **_filters):
    """Activities (not in the bin) matching every filter, newest first unless sorted otherwise, a page at a time.
    The schema checks each parameter's form; the activity list's own form then checks that the area, year and
    donor exist."""
    form, filters = read_activity_filter()
    if filters is None:
        return json_error(400, "Invalid query parameters.", dict(form.errors))
    found = queries.list_activities(filters, page, per_page)
    return page_of("activities", found.items, page, per_page, total=found.total)


@bp.get("/api/v1/activities/<int:activity_id>", tags=["activities (staff)"])
@staff_api
@errors(404)
@bp.response(200, s.ActivitySchema)
def activities_detail(activity_id: int):
    """One activity (not in the bin) with its participations; another organisation's private one is a 404."""
    return activity_to_read(activity_id)


@bp.get("/api/v1/participations", tags=["activities (staff)"])
@staff_api
@errors(400)
@bp.arguments(s.ParticipationQuery, location="query", as_kwargs=True)
@bp.response(200, s.ParticipationPage)
def participations_index(page: int, per_page: int, role: str, status: str, **_filters):
    """Participations, each with its activity: those of the activities the list's filters choose (of one chamber
    with `chamber`), by role and confirmation status, newest activity first, a page at a time."""
    form, filters = read_activity_filter()
    if filters is None:
        return json_error(400, "Invalid query parameters.", dict(form.errors))
    found = queries.list_participations(filters, role, status, page, per_page)
    return page_of("participations", found.items, page, per_page, total=found.total)


@bp.get("/api/v1/areas", tags=["registry"])
@public_api
@bp.response(200, TermSchema(many=True))
def areas_index():
    """The areas of work, in display order: their codes are what `area` takes everywhere."""
    return [{"code": a.code, "label": a.label} for a in list_areas()]
