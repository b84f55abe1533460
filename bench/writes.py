"""What keeping the coverage facts current costs a write: an activity saved through its service (moved to another
year, then back), and the share of it spent refreshing the facts. (A full rebuild is timed by data.generate.)"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import select

from parliament_tracker.activities.models import Activity
from parliament_tracker.activities.services import ActivityValues, update_activity
from parliament_tracker.dashboards import facts
from parliament_tracker.extensions import db


class _Timed:
    """Wraps facts.refresh_cells to add up the time spent in it."""

    def __init__(self):
        self.total, self.original = 0.0, facts.refresh_cells

    def __call__(self, connection, cells):
        start = time.perf_counter()
        try:
            return self.original(connection, cells)
        finally:
            self.total += time.perf_counter() - start


def measure(repeats: int) -> dict:
    activity = db.session.scalar(select(Activity).where(Activity.deleted_at.is_(None)).order_by(Activity.id))
    timed, saves, refreshes = _Timed(), [], []
    facts.refresh_cells = timed
    try:
        for n in range(repeats):
            start_date = activity.start_date.replace(year=activity.start_date.year + (1 if n % 2 == 0 else -1))
            values = ActivityValues(activity.title, activity.area.code, activity.activity_type, start_date,
                                    start_date, donor_ids=[d.id for d in activity.donors], ref=activity.ref)
            timed.total = 0.0
            started = time.perf_counter()
            update_activity(activity, values, expected_version=activity.version)
            saves.append(time.perf_counter() - started)
            refreshes.append(timed.total)
    finally:
        facts.refresh_cells = timed.original
    return {"save": statistics.median(saves), "facts": statistics.median(refreshes)}
