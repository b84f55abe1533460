"""The coverage sets summed from the participations themselves: the definition the stored facts must equal.

Reports read the stored aggregates (summary.py); these are read only inside scope.recounting(): the test that
every report equals its recount.
"""

from __future__ import annotations

from sqlalchemy import Integer, and_, case, cast, func, select

from parliament_tracker.activities.models import Activity
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards.scope import (
    CoverageFilters,
    activity_conditions,
    chamber_in_scope,
    counted_activities,
    counted_participations,
    has_chamber_conditions,
    lower_sibling_participation,
    year_of,
)
from parliament_tracker.extensions import db


def participation_years(f: CoverageFilters):
    """Per (chamber, area, year), like the facts, summed from the counted participations under f."""
    # PostgreSQL hashes the other chamber's participation rather than probing for it: looked for among the counted
    # ones (a common table expression, scanned once) it hashes thousands of rows instead of every participation,
    # which spilled to disk and grew faster than linearly. SQLite probes the unique (activity, chamber) index once
    # per row, which a subquery there defeats.
    postgresql = db.engine.dialect.name == "postgresql"
    counted = counted_participations(f, cte=postgresql)
    sibling, ((sibling_chamber, on_chamber), (_, on_part)) = lower_sibling_participation(
        counted.c.activity_id, counted.alias("sibling") if postgresql else None)
    if postgresql:
        no_sibling = sibling.c.chamber_id.is_(None)
    else:
        no_sibling = sibling.id.is_(None)
        # the sibling's participation is in the same activity, so it counts if its chamber and status do
        if f.confirmed_only:
            on_part = and_(on_part, sibling.status == "confirmed")
        if has_chamber_conditions(f):
            on_part = and_(on_part, chamber_in_scope(sibling.chamber_id, f))
    return (select(counted.c.chamber_id, counted.c.area_id, counted.c.year, func.count().label("activities"),
                   func.sum(counted.c.participants).label("participants"), func.sum(counted.c.women).label("women"),
                   func.sum(case((counted.c.women.is_not(None), counted.c.participants))).label("participants_with_sex"),
                   func.sum(case((no_sibling, 1), else_=0)).label("country_first"))
            .join(Chamber, Chamber.id == counted.c.chamber_id).outerjoin(sibling_chamber, on_chamber)
            .outerjoin(sibling, on_part)
            .group_by(counted.c.chamber_id, counted.c.area_id, counted.c.year).subquery("years"))


def activity_counts(f: CoverageFilters):
    """Select (area_id, year, activities): the live activities matching f per area and year; when f leaves
    chambers out, only those with a counted participation."""
    if f.narrows_participations:
        acts = counted_activities(f)
        year = year_of(acts.c.start_date)
        return (select(acts.c.area_id, year.label("year"), cast(func.count(), Integer).label("activities"))
                .group_by(acts.c.area_id, year))
    year = year_of(Activity.start_date)
    return (select(Activity.area_id, year.label("year"), cast(func.count(Activity.id), Integer).label("activities"))
            .where(*activity_conditions(f)).group_by(Activity.area_id, year))
