"""GET /api/v1/profiles/<code>: a chamber's profile with its time series (private part only for those who may
see it); /api/v1/profiles/<code>/contacts (private); /api/v1/capacity: the ICT capacity aggregates."""

from flask_login import current_user

from parliament_tracker.api import bp
from parliament_tracker.api.access import errors, open_data, roles_api
from parliament_tracker.api.schemas import profiles as s
from parliament_tracker.auth.permissions import NO_ACCESS, can_view_chamber, is_staff
from parliament_tracker.chambers.services import get_chamber_by_code
from parliament_tracker.errors import json_error
from parliament_tracker.profiles import queries, services, summary


def _body(profile) -> dict:
    body = {"code": profile.chamber.code, "name": profile.chamber.name, "country": profile.chamber.country.name,
            "other_chambers": [c.code for c in profile.others], "breadth": profile.breadth, "areas": profile.areas,
            "people_trained": profile.trained, "people_trained_confirmed": profile.trained_confirmed,
            "expert_activities": profile.expert_activities, "experts_supplied_to": profile.experts_to,
            "donors": profile.donors, "supporters": profile.supporters, "records": profile.records,
            "timeline": [{"year": y, "area": a, "activities": n} for (y, a), n in sorted(profile.timeline.counts.items())]}
    if can_view_chamber(current_user, profile.chamber):
        open_reports = sum(1 for r in summary.chamber_reports(profile.chamber.id) if r.status == "open")
        body["private"] = {"record_status": profile.records, "open_reports": open_reports}
    return body


@bp.get("/api/v1/profiles/<code>", tags=["profiles"])
@open_data
@errors(404)
@bp.response(200, s.ProfileSchema)
def profile_detail(code: str):
    """A chamber's profile: areas reached, people trained, experts supplied, donors, every participation record
    and the time series of its activities; `private` (confirmation status, open reports) for staff and the
    chamber's own parliament accounts."""
    chamber = get_chamber_by_code(code)
    if chamber is None:
        return json_error(404, f"no chamber with code {code!r}")
    return _body(summary.public_profile(chamber))


@bp.get("/api/v1/profiles/<code>/contacts", tags=["profiles"])
@roles_api("admin", "staff", "parliament")
@errors(404)
@bp.response(200, s.ContactList)
def profile_contacts(code: str):
    """The chamber's contacts: staff, and the chamber's own parliament accounts (another chamber's is a 403, and
    so is an unknown code for a parliament account)."""
    chamber = get_chamber_by_code(code)
    if chamber is None and is_staff(current_user):
        return json_error(404, f"no chamber with code {code!r}")
    if chamber is None or not can_view_chamber(current_user, chamber):
        return json_error(403, NO_ACCESS)
    return {"contacts": services.list_contacts(chamber.id)}


@bp.get("/api/v1/capacity", tags=["profiles"])
@open_data
@bp.response(200, s.CapacitySchema)
def capacity():
    """Median self-assessment scores per survey round and category, by region and by income group, and before
    and after chambers were first reached in each area (the capacity page's numbers)."""
    return {"minimum_chambers": queries.MIN_GROUP, "by_region": queries.category_medians("region"),
            "by_income_group": queries.category_medians("income_group"),
            "before_after": queries.scores_before_after()}
