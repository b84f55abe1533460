"""The two small sets most coverage queries read for a filter set, instead of the participations themselves.

- chamber_area_pairs(f): the counted participations summed per chamber and area (a few hundred rows): every
  reach figure (chambers reached, per area, per group, per country, breadth, the matrix, first years, people).
- activity_counts(f): the counted activities per area and year (a few dozen rows): the activity figures.

How a filter set picks its source: the pairs are grouped from ONE slice of the stored coverage facts (facts.py):
the rows of f's activity type and donor, or the ANY_TYPE / ANY_DONOR rows when f has none; the period and area
narrow the slice by its key, a region, income group or period drops the chambers out of scope, and "confirmed
only" reads the confirmed_ columns. The activity counts come from the same slice of the stored activity counts,
except when a region, income group or "confirmed only" leaves chambers out: then only activities with a counted
participation count, and those are the sums of the facts' `<group>_first` column over the chambers in scope
(or, for an income group whose countries that fiscal year were not today's, of the stored income changes).

Outside `summarised(...)` both are inline subqueries; inside, the pairs are filled ONCE per filter set into a
TEMPORARY table (one INSERT ... SELECT, private to the request's connection) that every query of the block reads.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Column, Integer, MetaData, Table, case, cast, delete, func, insert, select
from sqlalchemy.schema import CreateTable

from parliament_tracker.chambers.models import Country
from parliament_tracker.dashboards import recount
from parliament_tracker.dashboards.facts import SUMMARY_COLUMNS
from parliament_tracker.dashboards.income_changes import ANY_REGION
from parliament_tracker.dashboards.models import (
    ANY_DONOR,
    ANY_TYPE,
    CoverageActivityCount,
    CoverageFact,
    CoverageIncomeChange,
)
from parliament_tracker.dashboards.scope import (
    ACTIVITY_TYPE,
    DONOR_ID,
    INCOME_GROUP,
    INCOME_YEAR,
    REGION,
    YEAR_FROM,
    YEAR_TO,
    CoverageFilters,
    area_id,
    chamber_in_group,
    chamber_in_scope,
    has_chamber_conditions,
    income_group_then,
    join_income_history,
    parameters,
    per_shape,
    recounting_now,
    rows,
)
from parliament_tracker.extensions import db

_tables: ContextVar[dict | None] = ContextVar("coverage_summaries", default=None)
PAIR_COLUMNS = ("chamber_id", "area_id", "first_year", *SUMMARY_COLUMNS)
COUNT_COLUMNS = ("area_id", "year", "activities")


def _slice(table, f: CoverageFilters) -> list:
    """WHERE conditions: f's slice of a stored table (its type and donor, or any), narrowed by period and area."""
    conditions = [table.c.activity_type == (ACTIVITY_TYPE if f.activity_type else ANY_TYPE),
                  table.c.donor_id == (DONOR_ID if f.donor_id else ANY_DONOR)]
    if f.year_from:
        conditions.append(table.c.year >= YEAR_FROM)
    if f.year_to:
        conditions.append(table.c.year <= YEAR_TO)
    if f.area:
        conditions.append(table.c.area_id == area_id())
    return conditions


def _prefix(f: CoverageFilters) -> str:
    return "confirmed_" if f.confirmed_only else ""


def fact_rows(f: CoverageFilters):
    """Subquery (chamber_id, area_id, year, *SUMMARY_COLUMNS): the chambers in scope reached under f, per area and
    year, read from f's slice of the facts."""
    table, prefix = CoverageFact.__table__, _prefix(f)
    conditions = [table.c[f"{prefix}activities"] > 0, *_slice(table, f)]
    if has_chamber_conditions(f):
        conditions.append(chamber_in_scope(table.c.chamber_id, f))
    return (select(table.c.chamber_id, table.c.area_id, table.c.year,
                   *(table.c[f"{prefix}{name}"].label(name) for name in SUMMARY_COLUMNS))
            .where(*conditions).subquery("summary"))


def expert_rows(f: CoverageFilters, group_only: bool = False):
    """Subquery (chamber_id, expert_activities, expert_first) of the chambers in scope that supplied experts under
    f, from the facts (group_only: the chambers of f's region and income group, whatever their dates); expert_first
    is the first among the experts of the chamber's region and/or income group when f names one, so that its sum
    counts each activity once."""
    table, prefix = CoverageFact.__table__, _prefix(f)
    conditions = [table.c[f"{prefix}expert_activities"] > 0, *_slice(table, f)]
    if group_only:
        conditions += chamber_in_group(table.c.chamber_id, f)
    elif has_chamber_conditions(f):
        conditions.append(chamber_in_scope(table.c.chamber_id, f))
    first = f"{prefix}expert_{_group(f)}_first".replace("_any_", "_")
    return (select(table.c.chamber_id, table.c[f"{prefix}expert_activities"].label("expert_activities"),
                   table.c[first].label("expert_first")).where(*conditions).subquery("experts"))


def _stored_counts(f: CoverageFilters):
    table = CoverageActivityCount.__table__
    return select(table.c.area_id, table.c.year, _integer(table.c.activities).label("activities")).where(
        *_slice(table, f))


def _pairs_select(f: CoverageFilters):
    years = fact_rows(f) if not recounting_now() else recount.participation_years(f)
    return (select(years.c.chamber_id, years.c.area_id, func.min(years.c.year).label("first_year"),
                   *(_integer(func.sum(years.c[name])).label(name) for name in SUMMARY_COLUMNS))
            .group_by(years.c.chamber_id, years.c.area_id))


def _integer(total):
    # PostgreSQL sums integers into bigint, and bigints into numeric (Decimal in Python): keep every level integer.
    return cast(total, Integer)


def _first_column(f: CoverageFilters) -> str:
    """The facts' column whose sum over the chambers in scope counts the distinct activities that reached them,
    when f leaves chambers out: the first of the chamber's region and/or income group, or of any chamber."""
    return f"{_prefix(f)}{_group(f)}_first"


def _group(f: CoverageFilters) -> str:
    """The chamber group f narrows to: region, income, region_income, or any."""
    return "_".join(name for name, on in (("region", f.region), ("income", f.income_group)) if on) or "any"


def _reaching_counts(f: CoverageFilters):
    table, column = CoverageFact.__table__, _first_column(f)
    conditions = [table.c[column] > 0, *_slice(table, f), *chamber_in_group(table.c.chamber_id, f)]
    return (select(table.c.area_id, table.c.year, _integer(func.sum(table.c[column])).label("activities"))
            .where(*conditions).group_by(table.c.area_id, table.c.year))


def income_changes(f: CoverageFilters, role: str = "beneficiary") -> tuple:
    """(table, column, WHERE conditions): f's rows of the stored income changes (its slice, period and area, its
    income group in its region or any, fiscal years up to the period's last) and the column of f's role and
    records; summed, the activities that reached a chamber of the group as it was in that fiscal year."""
    table = CoverageIncomeChange.__table__
    column = table.c[f"{_prefix(f)}{'expert_' if role == 'expert' else ''}activities"]
    conditions = [*_slice(table, f), table.c.income_group == INCOME_GROUP,
                  table.c.region == (REGION if f.region else ANY_REGION), table.c.fiscal_year <= INCOME_YEAR]
    return table, column, conditions


def _counts_then(f: CoverageFilters):
    table, column, conditions = income_changes(f)
    total = _integer(func.sum(column))
    return (select(table.c.area_id, table.c.year, total.label("activities")).where(*conditions)
            .group_by(table.c.area_id, table.c.year).having(func.sum(column) > 0))


def _counts_select(f: CoverageFilters):
    if recounting_now():
        return recount.activity_counts(f)
    return _reaching_counts(f) if f.narrows_participations else _stored_counts(f)


_SOURCES = {"pairs": (PAIR_COLUMNS, _pairs_select), "counts": (COUNT_COLUMNS, _counts_select),
            "counts_then": (COUNT_COLUMNS, _counts_then)}


@per_shape
def _moved_countries(f: CoverageFilters):
    joined = join_income_history(select(func.count()).select_from(Country))
    in_group_then = case((income_group_then() == INCOME_GROUP, 1), else_=0)
    in_group_now = case((Country.income_group == INCOME_GROUP, 1), else_=0)
    return joined.where(in_group_then != in_group_now, *([Country.m49_region == REGION] if f.region else []))


def groups_as_stored(f: CoverageFilters) -> bool:
    """Whether the facts' `income_` first columns count f's activities exactly. They partition each activity's
    chambers by TODAY's income group (Country.income_group), so their sum over a group's chambers is the distinct
    activities that reached it only when f's income group (in its region), taken in the period's last fiscal year,
    has the same countries as today. When a country has moved into or out of it since, an activity reaching two of
    its chambers might be counted twice or not at all: those counts are read from the stored income changes
    instead (income_changes(f); one query over the countries decides)."""
    if not f.income_group or recounting_now():
        return True
    decided = _tables.get()
    if decided is not None and ("moved", f.key()) in decided:
        return decided["moved", f.key()]
    holds = rows(_moved_countries(f), f)[0][0] == 0
    if decided is not None:
        decided["moved", f.key()] = holds
    return holds


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
    return _read("counts" if groups_as_stored(f) else "counts_then", f, False)


@contextmanager
def summarised():
    """Within the block, chamber_area_pairs(f) and activity_counts(f) read temporary tables, each filled once per
    filter set on first use."""
    token = _tables.set({})
    try:
        yield
    finally:
        _tables.reset(token)
