"""Activities as download rows in the import's own columns (one row per chamber), so an export can be re-imported."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import selectinload

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.activities.queries import SORTS, ActivityFilter, filtered_activities
from parliament_tracker.extensions import db

# Activities loaded per round trip while streaming the export.
BATCH = 500


def export_rows(filters: ActivityFilter) -> Iterator[list[str]]:
    """One row per participation of the matching activities (an activity without chambers gets one
    row with an empty chamber), in COLUMNS order."""
    stmt = (filtered_activities(filters).order_by(*SORTS.get(filters.sort, SORTS["start_desc"]))
            .options(selectinload(Activity.participations).joinedload(Participation.chamber))
            .execution_options(yield_per=BATCH))
    for activity in db.session.scalars(stmt):
        ref = activity.ref or f"id-{activity.id}"
        common = [ref, activity.title, activity.area.code, activity.activity_type, activity.start_date.isoformat(),
                  activity.end_date.isoformat(), "online" if activity.online else activity.venue,
                  ";".join(d.name for d in activity.donors)]
        for p in activity.participations or [None]:
            chamber = [p.chamber.code, p.chamber.country.iso2, p.participants, p.women] if p else ["", "", "", ""]
            # Cells stay values (numbers as numbers, for the XLSX); table_response makes them formula-safe.
            yield common + chamber

