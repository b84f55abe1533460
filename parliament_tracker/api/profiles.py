"""GET /api/v1/profiles/<code>: a chamber's profile as JSON (private part only for those who may see it), and
GET /api/v1/profiles/<code>/contacts (private)."""

from flask import jsonify
from flask_login import current_user

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import (
    NO_ACCESS,
    can_view_chamber,
    is_staff,
    public_unless_disabled,
    role_required,
)
from parliament_tracker.chambers.services import get_chamber_by_code
from parliament_tracker.errors import json_error
from parliament_tracker.profiles import services, summary
from parliament_tracker.settings import dashboards_are_public


def _public(profile) -> dict:
    return {
        "code": profile.chamber.code, "name": profile.chamber.name, "country": profile.chamber.country.name,
        "other_chambers": [c.code for c in profile.others], "breadth": profile.breadth,
        "areas": [{"code": a.code, "activities": a.activities, "first": a.first and a.first.isoformat(),
                   "last": a.last and a.last.isoformat()} for a in profile.areas],
        "people_trained": profile.trained._asdict(), "people_trained_confirmed": profile.trained_confirmed._asdict(),
        "expert_activities": profile.expert_activities,
        "experts_supplied_to": [s._asdict() for s in profile.experts_to],
        "donors": [d._asdict() for d in profile.donors],
        "records": [{"activity_ref": r.ref, "title": r.title, "area": r.area, "start": r.start.isoformat(),
                     "role": r.role, "participants": r.participants, "women": r.women} for r in profile.records],
    }


def _private(profile) -> dict:
    return {
        "record_status": [{"participation_id": r.participation_id, "status": r.status, "note": r.status_note}
                          for r in profile.records],
        "open_reports": sum(1 for r in summary.chamber_reports(profile.chamber.id) if r.status == "open"),
    }


@bp.get("/api/v1/profiles/<code>")
@public_unless_disabled(dashboards_are_public)
def profile_detail(code: str):
    chamber = get_chamber_by_code(code)
    if chamber is None:
        return json_error(404, f"no chamber with code {code!r}")
    profile = summary.public_profile(chamber)
    body = _public(profile)
    if can_view_chamber(current_user, chamber):
        body["private"] = _private(profile)
    return jsonify(body)


@bp.get("/api/v1/profiles/<code>/contacts")
@role_required("admin", "staff", "parliament")
def profile_contacts(code: str):
    chamber = get_chamber_by_code(code)
    if chamber is None and is_staff(current_user):
        return json_error(404, f"no chamber with code {code!r}")
    if chamber is None or not can_view_chamber(current_user, chamber):
        # a parliament account gets the same answer for an unknown chamber and another chamber's
        return json_error(403, NO_ACCESS)
    return jsonify(contacts=[{"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
                             for c in services.list_contacts(chamber.id)])
