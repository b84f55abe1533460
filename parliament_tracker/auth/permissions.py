"""Who may use which route: role_required, public, and the chamber-level checks."""

from __future__ import annotations

from functools import wraps

from flask import abort, redirect, request, url_for
from flask_login import current_user

from parliament_tracker.errors import json_error, wants_json

STAFF_ROLES = ("admin", "staff")
NO_ACCESS = "You do not have access to this resource."


def _refuse(status: int):
    if wants_json():
        abort(json_error(status, "Authentication required." if status == 401 else NO_ACCESS))
    if status == 401:
        return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))
    abort(status)


def role_required(*roles: str):
    """Allow signed-in users with one of roles; a browser is sent to login, JSON gets 401/403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return _refuse(401)
            if current_user.role not in roles:
                return _refuse(403)
            return view(*args, **kwargs)

        wrapped.access = tuple(roles)
        return wrapped

    return decorator


def login_required(view):
    """Any signed-in user, whatever the role."""
    return role_required("admin", "staff", "parliament", "donor")(view)


def org_admin_required(view):
    """Installation admins, and staff who manage their own organisation's accounts (is_org_admin); which
    organisation's rows they reach is can_manage_staff_of's question."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return _refuse(401)
        if not is_staff_manager(current_user):
            return _refuse(403)
        return view(*args, **kwargs)

    wrapped.access = ("admin", "org_admin")
    return wrapped


def is_staff_manager(user) -> bool:
    return user.is_authenticated and (user.role == "admin" or (user.role == "staff" and bool(user.is_org_admin)))


def can_manage_staff_of(user, organisation_id) -> bool:
    """An admin manages every organisation's staff; an organisation admin their own organisation's only."""
    return is_staff_manager(user) and (user.role == "admin" or (organisation_id is not None
                                                                and user.organisation_id == organisation_id))


def public(view):
    """Mark a view as deliberately open to anonymous visitors."""
    view.access = "public"
    return view


def public_unless_disabled(setting_reader):
    """Open to everyone while the admin setting allows it, otherwise to signed-in users only."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated and not setting_reader():
                return _refuse(401)
            return view(*args, **kwargs)

        wrapped.access = "public-setting"
        return wrapped

    return decorator


def is_staff(user) -> bool:
    return user.is_authenticated and user.role in STAFF_ROLES


def can_view_chamber(user, chamber) -> bool:
    """Private chamber data: staff and admin, and the chamber's own parliament accounts."""
    if not user.is_authenticated:
        return False
    if user.role in STAFF_ROLES:
        return True
    return user.role == "parliament" and chamber.id in user.chamber_ids


def can_edit_chamber_records(user, chamber) -> bool:
    """Parliament self-service writes: only the chamber's own parliament accounts."""
    return user.is_authenticated and user.role == "parliament" and chamber.id in user.chamber_ids


def can_see_activity(user, activity) -> bool:
    """Staff and admins see every public activity; a private one only its lead organisation's staff, admins, and
    the staff of a partner that may edit it."""
    if not is_staff(user):
        return False
    return (user.role == "admin" or activity.lead_organisation.activities_public
            or activity.lead_organisation_id == user.organisation_id or _editing_partner(user, activity))


def can_edit_activity(user, activity) -> bool:
    """Who changes an activity's details and its participations: admins, the lead organisation's staff, and, when
    the lead lets its partners edit (partners_may_edit), the staff of its implementing and co-organising partners
    (a funder's staff, like any other organisation's, read it)."""
    return can_lead_activity(user, activity) or (is_staff(user) and _editing_partner(user, activity))


def can_lead_activity(user, activity) -> bool:
    """What the lead alone decides (its partners and their roles, whether partners may edit, moving it to the bin
    and back): admins and the lead organisation's staff."""
    return is_staff(user) and (user.role == "admin" or activity.lead_organisation_id == user.organisation_id)


def can_choose_lead(user) -> bool:
    """Staff record activities led by their own organisation; only an installation admin names another lead (on a
    new activity or an existing one)."""
    return user.is_authenticated and user.role == "admin"


def _editing_partner(user, activity) -> bool:
    return (activity.partners_may_edit and user.organisation_id is not None
            and user.organisation_id in activity.working_partner_ids)


def safe_next(target: str | None) -> str | None:
    """Return target only when it is a path on this site (no scheme, no host, no backslash tricks)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(ch) < 32 for ch in target):
        return None
    return target


