"""An organisation's staff accounts as its own organisation admin (or the installation admin) manages them:
listing, enabling and disabling, and who else manages them. Invitations are in recovery.py."""

from __future__ import annotations

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from parliament_tracker.audit import record_change
from parliament_tracker.auth.models import User
from parliament_tracker.auth.permissions import can_manage_staff_of
from parliament_tracker.auth.services import AccountError, _user_snapshot, end_sessions
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.organisations.services import get_organisation


def get_managed_organisation_or_404(organisation_id: int, by):
    """The organisation whose staff `by` may manage (an admin: any; an organisation admin: their own); 404 for
    any other, so another organisation's id tells nothing."""
    organisation = get_organisation(organisation_id)
    if organisation is None or not can_manage_staff_of(by, organisation.id):
        abort(404)
    return organisation


def organisation_staff(organisation) -> list[User]:
    """The organisation's staff accounts, enabled or not, by e-mail."""
    return list(db.session.scalars(select(User).where(User.role == "staff", User.organisation_id == organisation.id)
                                   .order_by(User.email)))


def get_staff_or_404(user_id: int, by) -> User:
    """A staff account of an organisation `by` manages; 404 for any other account (another organisation's staff,
    an admin, a parliament's or a donor's)."""
    user = db.session.get(User, user_id)
    if user is None or user.role != "staff" or not can_manage_staff_of(by, user.organisation_id):
        abort(404)
    return user


def set_staff_enabled(user: User, enabled: bool, by) -> None:
    """Enable or disable a staff account (disabling ends its sessions); nobody disables their own account."""
    if user.id == by.id and not enabled:
        raise AccountError(_l("You cannot disable your own account."))
    _change(user, by, active=enabled)


def set_staff_org_admin(user: User, org_admin: bool, by) -> None:
    """Let a staff account manage its organisation's staff, or stop it; nobody removes their own right (another
    organisation admin or the installation admin does)."""
    if user.id == by.id and not org_admin:
        raise AccountError(_l("You cannot remove your own right to manage the staff; ask another of your "
                              "organisation's admins or the installation's admin."))
    _change(user, by, is_org_admin=org_admin)


def _change(user: User, by, **values) -> None:
    before = _user_snapshot(user)
    with unit_of_work():
        for name, value in values.items():
            setattr(user, name, bool(value))
        if before["active"] and not user.active:
            end_sessions(user)  # a disabled account's open sessions end with it
        record_change("update", user, before=before, after=_user_snapshot(user), by=by)
