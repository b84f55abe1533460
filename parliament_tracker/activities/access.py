"""The row-level rules of activities, for every view that opens one by id: staff read other organisations' public
activities and edit only their own organisation's (admins every one)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from parliament_tracker.activities import queries
from parliament_tracker.activities.models import Activity
from parliament_tracker.auth.permissions import can_edit_activity, can_see_activity


def activity_to_read(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity; 404 when it is missing, in (or out of) the bin, or another organisation's private one (a
    guessed id learns nothing)."""
    activity = queries.get_activity_or_404(activity_id, deleted=deleted)
    if not can_see_activity(current_user, activity):
        abort(404)
    return activity


def activity_to_edit(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity, when the reader may change it; 403 when it is another organisation's."""
    activity = activity_to_read(activity_id, deleted=deleted)
    if not can_edit_activity(current_user, activity):
        abort(403)
    return activity
