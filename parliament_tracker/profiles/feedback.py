"""Feedback aggregates for staff: one grouped select each. Usefulness is the 1-5 rating chambers gave."""

from __future__ import annotations

from typing import NamedTuple

from flask import abort
from sqlalchemy import case, func, select

from parliament_tracker.activities.models import Activity, ActivityArea
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import Feedback


class FeedbackSummary(NamedTuple):
    key: str
    label: str
    responses: int
    mean_usefulness: float | None
    follow_up_requests: int


def _summary(key_column, label_column, order_column):
    follow_up = func.sum(case((Feedback.follow_up != "", 1), else_=0))
    stmt = (select(key_column, label_column, func.count(Feedback.id), func.avg(Feedback.usefulness), follow_up)
            .select_from(Feedback).join(Activity, Activity.id == Feedback.activity_id).join(Activity.area)
            .where(Activity.deleted_at.is_(None))
            .group_by(key_column, label_column, order_column).order_by(order_column))
    return [FeedbackSummary(str(k), str(label), n, round(float(mean), 2) if mean is not None else None,
                            int(f or 0)) for k, label, n, mean, f in db.session.execute(stmt)]


def feedback_by_area() -> list[FeedbackSummary]:
    """Per area: feedback responses on live activities, their mean usefulness, and how many ask for follow-up."""
    return _summary(ActivityArea.code, ActivityArea.label, ActivityArea.position)


def feedback_by_type() -> list[FeedbackSummary]:
    """Per activity type: feedback responses on live activities, mean usefulness, follow-up requests."""
    return _summary(Activity.activity_type, Activity.activity_type, Activity.activity_type)


def feedback_by_activity() -> list[FeedbackSummary]:
    """Per live activity with feedback, newest first: responses, mean usefulness, follow-up requests."""
    rows = _summary(Activity.id, Activity.title, Activity.start_date)
    return list(reversed(rows))


def feedback_for_activity(activity_id: int) -> list[Feedback]:
    """Every chamber's feedback on one activity."""
    stmt = select(Feedback).where(Feedback.activity_id == activity_id).order_by(Feedback.created_at)
    return list(db.session.scalars(stmt))


def get_live_activity_or_404(activity_id: int) -> Activity:
    activity = db.get_or_404(Activity, activity_id)
    if activity.is_deleted:
        abort(404)
    return activity
