"""The row-level rules of activities, for every view that opens one by id: staff read other organisations' public
activities, edit their own organisation's (and those whose lead lets its working partners edit), admins every one.
The rules themselves are in auth/permissions.py."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from parliament_tracker.activities import queries
from parliament_tracker.activities.models import Activity
from parliament_tracker.auth.permissions import can_edit_activity, can_lead_activity, can_see_activity


def activity_to_read(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity; 404 when it is missing, in (or out of) the bin, or another organisation's private one (a
    guessed id learns nothing)."""
    activity = queries.get_activity_or_404(activity_id, deleted=deleted)
    if not can_see_activity(current_user, activity):
        abort(404)
    return activity


def activity_to_edit(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity, when the reader may change its details and participations; 403 when they may only read it."""
    activity = activity_to_read(activity_id, deleted=deleted)
    if not can_edit_activity(current_user, activity):
        abort(403)
    return activity


def activity_to_lead(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity, when the reader decides what its lead alone decides (the bin, its partners); else 403."""
    activity = activity_to_read(activity_id, deleted=deleted)
    if not can_lead_activity(current_user, activity):
        abort(403)
    return activity
