"""The two small sets most coverage queries read for a filter set, instead of the participations themselves.

- chamber_area_pairs(f): the counted participations summed per chamber and area (a few hundred rows): every
  reach figure (chambers reached, per area, per group, per country, breadth, the matrix, first years, people).
- activity_counts(f): the counted activities per area and year (a few dozen rows): the activity figures.

The pairs are grouped from the coverage facts (per chamber, area and year, kept current on every write: facts.py)
for the filter sets the facts answer; the others (a donor or an activity type) are summed from the participations.
Outside `summarised(...)` both are inline subqueries; inside, each is filled ONCE per filter set into a TEMPORARY
table (one INSERT ... SELECT, private to the request's connection) that every query of the block reads.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Column, Integer, MetaData, Table, and_, case, cast, delete, func, insert, select
from sqlalchemy.schema import CreateTable

from parliament_tracker.activities.models import Activity
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards import facts
from parliament_tracker.dashboards.scope import (
    CoverageFilters,
    activity_conditions,
    chamber_in_scope,
    counted_activities,
    counted_participations,
    has_chamber_conditions,
    lower_sibling_participation,
    parameters,
    per_shape,
    year_of,
)
from parliament_tracker.extensions import db

_tables: ContextVar[dict | None] = ContextVar("coverage_summaries", default=None)
PAIR_COLUMNS = ("chamber_id", "area_id", "first_year", *facts.SUMMARY_COLUMNS)
COUNT_COLUMNS = ("area_id", "year", "activities")


def _participation_years(f: CoverageFilters):
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


def _pairs_select(f: CoverageFilters):
    years = facts.fact_rows(f) if facts.serves(f) else _participation_years(f)
    return (select(years.c.chamber_id, years.c.area_id, func.min(years.c.year).label("first_year"),
                   *(_integer(func.sum(years.c[name])).label(name) for name in facts.SUMMARY_COLUMNS))
            .group_by(years.c.chamber_id, years.c.area_id))


def _integer(total):
    # PostgreSQL sums integers into bigint, and bigints into numeric (Decimal in Python): keep every level integer.
    return cast(total, Integer)


def _counts_select(f: CoverageFilters):
    if facts.counts_serve(f):
        stored = facts.count_rows(f)
        return select(stored.c.area_id, stored.c.year, _integer(stored.c.activities).label("activities"))
    if f.narrows_participations:  # only the activities with a counted participation
        acts = counted_activities(f)
        year = year_of(acts.c.start_date)
        return (select(acts.c.area_id, year.label("year"), _integer(func.count()).label("activities"))
                .group_by(acts.c.area_id, year))
    year = year_of(Activity.start_date)
    return (select(Activity.area_id, year.label("year"), _integer(func.count(Activity.id)).label("activities"))
            .where(*activity_conditions(f)).group_by(Activity.area_id, year))


_SOURCES = {"pairs": (PAIR_COLUMNS, _pairs_select), "counts": (COUNT_COLUMNS, _counts_select)}


@per_shape
def _inline(f: CoverageFilters, kind: str):
    return _SOURCES[kind][1](f).subquery(kind)


@per_shape
def _fill(f: CoverageFilters, kind: str, table: Table):
    columns, source = _SOURCES[kind]
    return insert(table).from_select(columns, source(f))


def _read(kind: str, f: CoverageFilters, shared: bool):
    """Inside summarised() and when shared: the block's temporary table for (kind, f), filled on first use; else a
    subquery. A table costs three statements, so only a set several queries read is worth one."""
    tables = _tables.get()
    if tables is None or not shared:
        return _inline(f, kind)
    if (kind, f.key()) not in tables:
        connection = db.session.connection()
        table = _temporary_table(f"coverage_{kind}_{sum(k == kind for k, _ in tables)}", _SOURCES[kind][0])
        create, empty = _preparation(table)
        connection.execute(create)
        connection.execute(empty)
        connection.execute(_fill(f, kind, table), parameters(f))
        tables[kind, f.key()] = table
    return tables[kind, f.key()]


@functools.cache
def _preparation(table: Table) -> tuple:
    return CreateTable(table, if_not_exists=True), delete(table)


@functools.cache
def _temporary_table(name: str, columns: tuple[str, ...]) -> Table:
    """A TEMPORARY table: private to its connection, dropped at the end of the transaction on PostgreSQL and
    emptied before each use. The same names and Table objects every time, so that SQLAlchemy finds the
    statements that read them in its compiled cache."""
    return Table(name, MetaData(), *(Column(c, Integer) for c in columns), prefixes=["TEMPORARY"],
                 postgresql_on_commit="DROP")


def chamber_area_pairs(f: CoverageFilters, shared: bool = True):
    """Selectable, one row per (chamber in scope, area) with a counted participation under f: `first_year` of
    them; `activities`, the counted activities the chamber took part in (once per activity); `participants`,
    `women` and `participants_with_sex` (participants of the rows where women were counted) summed over those
    participations; `country_first`, the activities in which no chamber of the same country with a lower id took
    part. Unreached chambers have no row. shared=False: a subquery even inside summarised(), for a set that only
    one query reads."""
    return _read("pairs", f, shared)


def activity_counts(f: CoverageFilters):
    """Selectable (area_id, year, activities): live activities started in the period matching f, per area and
    year; when a region, income group or "confirmed only" leaves chambers out, only those with a counted
    participation. Areas and years without one are absent. Read from the stored counts, it stays a subquery:
    grouping them again is cheaper than filling a table."""
    return _read("counts", f, not facts.counts_serve(f))


@contextmanager
def summarised():
    """Within the block, chamber_area_pairs(f) and activity_counts(f) read temporary tables, each filled once per
    filter set on first use."""
    token = _tables.set({})
    try:
        yield
    finally:
        _tables.reset(token)
