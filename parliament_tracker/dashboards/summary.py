"""The counted participations of a filter set, summed per chamber, area and year: what most coverage queries read.

Every reach figure (chambers reached, per area, per group, breadth, the matrix, first years, people) can be
grouped from this summary of a few thousand rows instead of from the participations themselves. Outside
`summarised(...)` it is an inline subquery (one scan per query that reads it); inside, the coverage report's
filter sets are summed ONCE into a TEMPORARY table (one INSERT ... SELECT, private to the request's connection)
that every query of the block reads, and that is dropped when the block ends.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Column, Integer, MetaData, Table, case, func, insert, select

from parliament_tracker.dashboards.scope import CoverageFilters, counted_participations
from parliament_tracker.extensions import db

_tables: ContextVar[dict | None] = ContextVar("coverage_summaries", default=None)
COLUMNS = ("chamber_id", "area_id", "year", "activities", "participants", "women", "participants_with_sex")


def _summary_select(f: CoverageFilters):
    counted = counted_participations(f)
    return (select(counted.c.chamber_id, counted.c.area_id, counted.c.year, func.count().label("activities"),
                   func.sum(counted.c.participants).label("participants"), func.sum(counted.c.women).label("women"),
                   func.sum(case((counted.c.women.is_not(None), counted.c.participants))).label("participants_with_sex"))
            .group_by(counted.c.chamber_id, counted.c.area_id, counted.c.year))


def chamber_area_years(f: CoverageFilters):
    """Selectable, one row per (chamber in scope, area, year) with a counted participation under f: `activities`
    is the number of counted activities the chamber took part in that year in that area (a chamber appears once
    per activity); `participants`, `women` and `participants_with_sex` (participants of the rows where women
    were counted) are summed over those participations. Unreached chambers have no row."""
    tables = _tables.get()
    if tables and f.key() in tables:
        return tables[f.key()]
    return _summary_select(f).subquery("summary")


@contextmanager
def summarised(*filter_sets: CoverageFilters):
    """Within the block, chamber_area_years(f) for each of filter_sets reads a temporary table filled once."""
    connection, tables, failed = db.session.connection(), {}, False
    token = _tables.set(tables)
    try:
        for f in filter_sets:
            if f.key() not in tables:
                table = Table(f"coverage_summary_{uuid.uuid4().hex[:12]}", MetaData(),
                              *(Column(name, Integer) for name in COLUMNS), prefixes=["TEMPORARY"])
                table.create(connection)
                tables[f.key()] = table
                connection.execute(insert(table).from_select(COLUMNS, _summary_select(f)))
        yield
    except BaseException:
        failed = True
        raise
    finally:
        _tables.reset(token)
        if not (failed and connection.dialect.name == "postgresql"):  # there, the failed transaction's rollback drops them
            for table in tables.values():
                table.drop(connection)
