"""The stored coverage aggregates (models.py): what they hold, and how they are computed from the participations.

Three tables, one key shape: a slice (activity_type, donor_id), where ANY_TYPE / ANY_DONOR rows hold every type /
every donor, then (area_id, year[, chamber_id]).
- coverage_facts: the beneficiary and expert participations summed per chamber, area and year;
- coverage_activity_counts: the live activities counted per area and year;
- coverage_income_changes: per income group and region (or any), area, year and fiscal year, the change in the
  activities that reached the group as it was that fiscal year (income_changes.py).
The typed rows are computed from the participations (once without a donor, once per funding donor); the ANY_TYPE
rows are then summed from the typed rows (each activity has one type, so the sums are exact).

They are brought up to date IN THE SAME TRANSACTION as every write by upkeep.py, which calls refresh_cells (the
(area, year, type) cells a write touched) or rebuild (everything). `flask coverage check` (differences) compares
them with a recount; the test suite's teardown does the same after every test.
"""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.schema import CreateTable

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.dashboards import coordination_store, income_changes
from parliament_tracker.dashboards.models import (
    ANY_TYPE,
    CoverageActivityCount,
    CoverageFact,
    CoverageIncomeChange,
)
from parliament_tracker.dashboards.scope import year_of
from parliament_tracker.dashboards.slices import public_flag, sliced
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db

SUMMARY_COLUMNS = ("activities", "participants", "women", "participants_with_sex", "country_first")
EXPERT_COLUMNS = ("expert_activities", "expert_first", "expert_region_first", "expert_income_first",
                  "expert_region_income_first")
# A chamber's "<group>_first": the activities in which it was the lowest-id beneficiary of its group (any chamber,
# its region, income group, or both): summed over the chambers of a group, the distinct activities that reached it;
# "expert_<group>_first" the same among the chambers that supplied experts.
GROUPS = {"any": (), "region": (Country.m49_region,), "income": (Country.income_group,),
          "region_income": (Country.m49_region, Country.income_group)}
FIRST_COLUMNS = tuple(f"{group}_first" for group in GROUPS)
SLICE = ("activity_type", "donor_id")
FACT_KEYS = (*SLICE, "area_id", "year", "chamber_id")
FACT_VALUES = tuple(f"{prefix}{c}" for c in (*SUMMARY_COLUMNS, *EXPERT_COLUMNS, *FIRST_COLUMNS)
                    for prefix in ("", "confirmed_"))
COUNT_KEYS, COUNT_VALUES = (*SLICE, "area_id", "year"), ("activities",)


def _participations(*conditions):
    """Subquery, one row per participation in a live activity matching conditions, with the lowest chamber id among
    the same activity's participations of the same role (and of the chamber's country, region, income group, or
    both; and among the confirmed ones): window functions, one pass over the participations."""
    p = Participation
    windows = {**{g: by for g, by in GROUPS.items()}, "country": (Chamber.country_id,)}
    lowest = []
    for group, by in windows.items():
        partition = (p.activity_id, p.role, *by)
        lowest += [func.min(p.chamber_id).over(partition_by=partition).label(f"{group}_min"),
                   func.min(case((p.status == "confirmed", p.chamber_id))).over(partition_by=partition)
                   .label(f"{group}_confirmed_min")]
    return (select(p.chamber_id, p.activity_id, p.role, p.status, p.participants, p.women, Activity.area_id,
                   Activity.activity_type, year_of(Activity.start_date).label("year"),
                   Activity.lead_organisation_id.label("lead_id"), public_flag(Activity), *lowest)
            .join(Activity, Activity.id == p.activity_id).join(Chamber, Chamber.id == p.chamber_id)
            .join(Country, Country.id == Chamber.country_id)
            .where(Activity.deleted_at.is_(None), *conditions).subquery("flagged"))


_STAGE_COLUMNS = ("chamber_id", "activity_id", "role", "status", "participants", "women", "area_id", "activity_type",
                  "year", "lead_id", "public", *(f"{g}{c}_min" for g in (*GROUPS, "country") for c in ("", "_confirmed")))


@functools.cache
def _stage_table(name: str, columns: tuple[str, ...]) -> Table:
    """A TEMPORARY table for the per-participation (or per-activity) rows an aggregate's typed passes read: filled
    once per refresh, read by both typed passes (the window functions are the expensive part). Private to the
    connection, emptied before each use."""
    return Table(name, MetaData(),
                 *(Column(c, String(40) if c in ("role", "status", "activity_type", "income_group", "region")
                          else Integer) for c in columns), prefixes=["TEMPORARY"])


def _staged(connection, stage, conditions):
    name, columns, rows = stage
    table = _stage_table(name, columns)
    connection.execute(CreateTable(table, if_not_exists=True))
    connection.execute(delete(table))
    source = rows(*conditions)
    connection.execute(insert(table).from_select(columns, select(*(source.c[c] for c in columns))))
    return table


def _facts_select(by_donor: bool, *conditions, source=None):
    """Typed fact rows: one per (type, organisation, area, year, chamber) with a participation in a live activity
    (from source, a filled stage table, when given); the ANY_DONOR rows count public activities alone."""
    p = _participations(*conditions) if source is None else source
    p, donor = sliced(p, by_donor)
    beneficiary, expert = p.c.role == "beneficiary", p.c.role == "expert"
    confirmed, with_sex = p.c.status == "confirmed", p.c.women.is_not(None)

    def total(condition, value=None):
        """The number of rows meeting condition, or the sum of value over them (NULL when none has one)."""
        return func.sum(case((condition, 1), else_=0) if value is None else case((condition, value)))

    def first(group, confirmed_only=False):
        return p.c[f"{group}_confirmed_min" if confirmed_only else f"{group}_min"] == p.c.chamber_id

    def both(role, group):  # (all rows, confirmed rows) of the role where the chamber was the first of group
        return total(and_(role, first(group))), total(and_(role, confirmed, first(group, True)))

    sums = {"activities": (total(beneficiary), total(and_(beneficiary, confirmed))),
            "participants": (total(beneficiary, p.c.participants), total(and_(beneficiary, confirmed), p.c.participants)),
            "women": (total(beneficiary, p.c.women), total(and_(beneficiary, confirmed), p.c.women)),
            "participants_with_sex": (total(and_(beneficiary, with_sex), p.c.participants),
                                      total(and_(beneficiary, confirmed, with_sex), p.c.participants)),
            "country_first": both(beneficiary, "country"),
            "expert_activities": (total(expert), total(and_(expert, confirmed))),
            "expert_first": both(expert, "any"),
            **{f"expert_{group}_first": both(expert, group) for group in ("region", "income", "region_income")},
            **{f"{group}_first": both(beneficiary, group) for group in GROUPS}}
    values = [sums[name.removeprefix("confirmed_")][name.startswith("confirmed_")].label(name) for name in FACT_VALUES]
    stmt = select(p.c.activity_type, donor, p.c.area_id, p.c.year, p.c.chamber_id, *values)
    return stmt.group_by(p.c.activity_type, donor, p.c.area_id, p.c.year, p.c.chamber_id)


def _counts_select(by_donor: bool, *conditions):
    """Typed activity counts: the live activities per (type, organisation, area, year), as _facts_select counts
    them (public ones in the ANY_DONOR rows; an organisation's led ones and the public ones it partners in)."""
    a = (select(Activity.id.label("activity_id"), Activity.activity_type, Activity.area_id,
                year_of(Activity.start_date).label("year"), Activity.lead_organisation_id.label("lead_id"),
                public_flag(Activity)).where(Activity.deleted_at.is_(None), *conditions).subquery("live"))
    a, donor = sliced(a, by_donor)
    return (select(a.c.activity_type, donor, a.c.area_id, a.c.year, func.count().label("activities"))
            .group_by(a.c.activity_type, donor, a.c.area_id, a.c.year))


class _Aggregate:
    """One stored table: its keys and values, the select of its typed rows, and the sums that make the others."""

    def __init__(self, model, keys, values, typed, stage=None, nonzero=False):
        """stage: (temporary table name, its columns, select of its rows from activity conditions), when the typed
        passes share one; nonzero: the table holds no row whose values are all zero."""
        self.table, self.keys, self.values, self.typed, self.stage = model.__table__, keys, values, typed, stage
        self.columns, self.nonzero = (*keys, *values), nonzero

    def typed_rows(self, *conditions, **source):
        return [self.typed(by_donor, *conditions, **source) for by_donor in (False, True)]

    def any_type_rows(self, source, *conditions):
        """The ANY_TYPE rows summed from the typed rows in source (the stored table or a recount)."""
        kept = self.keys[1:]
        stmt = (select(literal(ANY_TYPE, String).label("activity_type"), *(source.c[k] for k in kept),
                       *(func.sum(source.c[v]).label(v) for v in self.values))
                .where(source.c.activity_type != ANY_TYPE, *conditions).group_by(*(source.c[k] for k in kept)))
        return stmt.having(or_(*(func.sum(source.c[v]) != 0 for v in self.values))) if self.nonzero else stmt

    def recount(self, connection):
        """Every row the table should hold, computed from the participations alone (through its stage table, which
        the caller empties with `done(connection)` once it has read them)."""
        source = {"source": _staged(connection, self.stage, ())} if self.stage else {}
        typed = union_all(*self.typed_rows(**source)).subquery("typed")
        return union_all(select(typed), self.any_type_rows(typed))

    def done(self, connection) -> None:
        if self.stage:
            connection.execute(delete(_stage_table(*self.stage[:2])))

    def fill(self, connection, activity_conditions=(), table_conditions=(), ordered=False) -> None:
        """Insert the rows matching the conditions; ordered: in key order, so that PostgreSQL's heap holds each
        slice in a few contiguous pages (it has no clustered tables; SQLite's WITHOUT ROWID table is one)."""
        if self.stage:
            stage = _staged(connection, self.stage, activity_conditions)
            typed = self.typed_rows(source=stage)
        else:
            typed = self.typed_rows(*activity_conditions)
        for stmt in (*typed, self.any_type_rows(self.table, *table_conditions)):
            if ordered:
                stmt = stmt.order_by(*(stmt.selected_columns[k] for k in self.keys))
            connection.execute(insert(self.table).from_select(self.columns, stmt))
        self.done(connection)


INCOME_KEYS = (*SLICE, "income_group", "region", "area_id", "year", "fiscal_year")
_AGGREGATES = (_Aggregate(CoverageFact, FACT_KEYS, FACT_VALUES, _facts_select,
                          stage=("coverage_stage", _STAGE_COLUMNS, _participations)),
               _Aggregate(CoverageActivityCount, COUNT_KEYS, COUNT_VALUES, _counts_select),
               _Aggregate(CoverageIncomeChange, INCOME_KEYS, income_changes.CHANGE_COLUMNS, income_changes.typed_select,
                          stage=("coverage_income_stage", income_changes.STAGE_COLUMNS,
                                 lambda *c: income_changes.changes_select(*c).subquery("changes")),
                          nonzero=True))


def rebuild(connection) -> None:
    """Recompute the three tables (a DELETE and three INSERT ... SELECT each), and the coordination view's."""
    if connection.dialect.name == "postgresql":
        # For this transaction only: compiling the big aggregate with JIT took longer than running it, and its
        # sort spilled to disk within the default work_mem.
        connection.execute(text("SET LOCAL jit = off"))
        connection.execute(text("SET LOCAL work_mem = '64MB'"))
    postgresql = connection.dialect.name == "postgresql"
    for aggregate in _AGGREGATES:
        connection.execute(delete(aggregate.table))
        aggregate.fill(connection, ordered=postgresql)
    coordination_store.rebuild(connection)


def refresh_cells(connection, cells: set[tuple[int, int, str]]) -> None:
    """Recompute the rows of the given (area_id, year, activity_type) cells, and the ANY_TYPE rows of their
    (area_id, year)."""
    if not cells:
        return
    activity_in_cells = or_(*(and_(Activity.area_id == area, Activity.activity_type == kind,
                                   Activity.start_date >= dt.date(year, 1, 1), Activity.start_date <= dt.date(year, 12, 31))
                              for area, year, kind in cells))
    for aggregate in _AGGREGATES:
        t = aggregate.table
        typed = or_(*(and_(t.c.area_id == area, t.c.year == year, t.c.activity_type == kind)
                      for area, year, kind in cells))
        area_years = or_(*(and_(t.c.area_id == area, t.c.year == year) for area, year in {c[:2] for c in cells}))
        connection.execute(delete(t).where(or_(typed, and_(area_years, t.c.activity_type == ANY_TYPE))))
        aggregate.fill(connection, (activity_in_cells,), (area_years,))
    coordination_store.refresh_cells(connection, cells)


def cells_of(connection, activity_ids: set[int], participation_ids: set[int]) -> set[tuple[int, int, str]]:
    """The (area_id, year, activity_type) cells of the given activities and of the given participations'."""
    cell = (Activity.area_id, year_of(Activity.start_date), Activity.activity_type)
    cells = set()
    if activity_ids:
        cells |= set(connection.execute(select(*cell).where(Activity.id.in_(activity_ids)).distinct()).tuples())
    if participation_ids:
        cells |= set(connection.execute(select(*cell).join(Participation)
                                        .where(Participation.id.in_(participation_ids)).distinct()).tuples())
    return cells


def differences() -> tuple[set, set]:
    """(rows stored that a recount would not write, rows a recount would write that are not stored), over every
    stored table: both empty when they are current."""
    stored, expected = set(), set()
    for aggregate in _AGGREGATES:
        name, columns = aggregate.table.name, [aggregate.table.c[c] for c in aggregate.columns]
        stored |= {(name, *_plain(row)) for row in db.session.execute(select(*columns))}
        connection = db.session.connection()
        expected |= {(name, *_plain(row)) for row in connection.execute(aggregate.recount(connection))}
        aggregate.done(connection)
    coordination_stored, coordination_recounted = coordination_store.stored_and_recounted(db.session.connection())
    stored |= {_plain(row) for row in coordination_stored}
    expected |= {_plain(row) for row in coordination_recounted}
    return stored - expected, expected - stored


def _plain(row) -> tuple:
    # PostgreSQL sums integers into bigint and bigints into numeric: compare the values, not their types
    return tuple(int(v) if v is not None and not isinstance(v, str) else v for v in row)


def rebuild_facts() -> int:
    """Rebuild the stored aggregates and commit; the number of fact rows written."""
    with unit_of_work():
        rebuild(db.session.connection())
    return db.session.scalar(select(func.count()).select_from(CoverageFact.__table__))
