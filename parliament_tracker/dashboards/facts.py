"""Coverage facts (models.CoverageFact): the beneficiary participations summed per chamber, area and year, kept in
the database and brought up to date IN THE SAME TRANSACTION as every write, so a report never reads a stale fact
and never has to scan the participations for the filter sets the facts can answer.

How they stay current (SQLAlchemy session events, like the data-version token of cache.py):
- after each flush, the (area, year) cells touched by the flushed activities and participations (old and new
  values both) are recomputed: deleted and summed again from their few hundred participations;
- after a bulk INSERT/UPDATE/DELETE statement on activities, participations or chambers (the import, `flask demo
  clear`), everything waits for the commit: just before it, the cells of the rows the statements name are
  recomputed (an executemany of participations names its activities or ids) or, when they name no rows, when a
  chamber moved to another country, or when more than CELL_LIMIT cells changed, the whole table is rebuilt once.
  Inside such a transaction, reports read the facts as they were before it.
Writes that bypass the ORM (raw SQL) are not seen; `flask coverage rebuild` repairs the table after them.

Which filter sets the facts answer (serves): everything but a donor or an activity type, which are not among
their dimensions; those reports sum the participations per request instead (summary.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, delete, event, exists, func, insert, inspect, or_, select, text
from sqlalchemy.orm import Session, aliased

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards.models import CoverageActivityCount, CoverageFact
from parliament_tracker.dashboards.scope import (
    ACTIVITY_TYPE,
    YEAR_FROM,
    YEAR_TO,
    CoverageFilters,
    area_id,
    chamber_in_scope,
    has_chamber_conditions,
    lower_sibling_participation,
    year_of,
)
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db

PENDING = "coverage_facts_pending"
CELL_LIMIT = 50  # (area, year) cells refreshed one by one; beyond, one rebuild is cheaper
ID_LIMIT = 2000  # activities or participations whose cells are looked up; beyond, a rebuild
BULK_TABLES = {Activity.__tablename__, Participation.__tablename__, Chamber.__tablename__}
SUMMARY_COLUMNS = ("activities", "participants", "women", "participants_with_sex", "country_first")
EXPERT_COLUMNS = ("expert_activities", "expert_first")
FACT_COLUMNS = ("chamber_id", "area_id", "year", *SUMMARY_COLUMNS, *(f"confirmed_{c}" for c in SUMMARY_COLUMNS),
                *EXPERT_COLUMNS, *(f"confirmed_{c}" for c in EXPERT_COLUMNS))
COUNT_COLUMNS = ("area_id", "year", "activity_type", "activities")


def _facts_select(*conditions):
    """One row per (chamber, area, year) with a participation in a live activity matching conditions."""
    p, other_expert = Participation, aliased(Participation)
    beneficiary, expert = p.role == "beneficiary", p.role == "expert"
    confirmed, with_sex = p.status == "confirmed", p.women.is_not(None)

    def earlier_expert(*extra):  # another chamber with a lower id supplied experts to the activity
        return exists().where(other_expert.activity_id == p.activity_id, other_expert.role == "expert",
                              other_expert.chamber_id < p.chamber_id, *extra)

    def total(condition, value=None):
        """The number of rows meeting condition, or the sum of value over them (NULL when none has one)."""
        return func.sum(case((condition, 1), else_=0) if value is None else case((condition, value)))

    year = year_of(Activity.start_date)
    sibling, sibling_joins = lower_sibling_participation(p.activity_id)
    first, first_confirmed = sibling.id.is_(None), or_(sibling.id.is_(None), sibling.status != "confirmed")
    stmt = (select(p.chamber_id, Activity.area_id, year, total(beneficiary), total(beneficiary, p.participants),
                   total(beneficiary, p.women), total(and_(beneficiary, with_sex), p.participants),
                   total(and_(beneficiary, first)),
                   total(and_(beneficiary, confirmed)), total(and_(beneficiary, confirmed), p.participants),
                   total(and_(beneficiary, confirmed), p.women),
                   total(and_(beneficiary, confirmed, with_sex), p.participants),
                   total(and_(beneficiary, confirmed, first_confirmed)),
                   total(expert), total(and_(expert, ~earlier_expert())),
                   total(and_(expert, confirmed)),
                   total(and_(expert, confirmed, ~earlier_expert(other_expert.status == "confirmed"))))
            .join(Activity, Activity.id == p.activity_id).join(Chamber, Chamber.id == p.chamber_id))
    for target, on in sibling_joins:
        stmt = stmt.outerjoin(target, on)
    return stmt.where(Activity.deleted_at.is_(None), *conditions).group_by(p.chamber_id, Activity.area_id, year)


def _counts_select(*conditions):
    """The live activities matching conditions per area, year and type."""
    year = year_of(Activity.start_date)
    return (select(Activity.area_id, year, Activity.activity_type, func.count())
            .where(Activity.deleted_at.is_(None), *conditions).group_by(Activity.area_id, year, Activity.activity_type))


def rebuild(connection) -> None:
    """Recompute both tables (a DELETE and an INSERT ... SELECT each)."""
    if connection.dialect.name == "postgresql":
        # For this transaction only: compiling the big aggregate with JIT took longer than running it (1.5 s of
        # 3 at 200,000 participations), and its sort spilled to disk within the default work_mem.
        connection.execute(text("SET LOCAL jit = off"))
        connection.execute(text("SET LOCAL work_mem = '64MB'"))
    for table, columns, source in _TABLES:
        connection.execute(delete(table))
        connection.execute(insert(table).from_select(columns, source()))


def refresh_cells(connection, cells: set[tuple[int, int]]) -> None:
    """Recompute the facts and activity counts of the given (area_id, year) cells."""
    if not cells:
        return
    activity_in_cells = or_(*(and_(Activity.area_id == area, Activity.start_date >= dt.date(year, 1, 1),
                                   Activity.start_date <= dt.date(year, 12, 31)) for area, year in cells))
    for table, columns, source in _TABLES:
        connection.execute(delete(table).where(or_(*(and_(table.c.area_id == area, table.c.year == year)
                                                     for area, year in cells))))
        connection.execute(insert(table).from_select(columns, source(activity_in_cells)))


_TABLES = ((CoverageFact.__table__, FACT_COLUMNS, _facts_select),
           (CoverageActivityCount.__table__, COUNT_COLUMNS, _counts_select))


def _values(obj, name: str) -> set:
    """Every value the attribute had in this flush (before and after), without loading anything."""
    state = inspect(obj)
    history = state.attrs[name].history
    values = {*history.added, *history.unchanged, *history.deleted}
    if name in state.dict:
        values.add(state.dict[name])
    return {v for v in values if v is not None}


def _cells_of_activity(activity: Activity) -> set[tuple[int, int]]:
    years = {d.year for d in _values(activity, "start_date")}
    return {(area, year) for area in _values(activity, "area_id") for year in years}


def _cells_of(connection, activity_ids: set[int], participation_ids: set[int]) -> set[tuple[int, int]]:
    year = year_of(Activity.start_date)
    cells = set()
    if activity_ids:
        cells |= set(connection.execute(select(Activity.area_id, year).where(Activity.id.in_(activity_ids))
                                        .distinct()).tuples())
    if participation_ids:
        cells |= set(connection.execute(select(Activity.area_id, year).join(Participation)
                                        .where(Participation.id.in_(participation_ids)).distinct()).tuples())
    return cells


def _pending(session) -> dict:
    return session.info.setdefault(PENDING, {"cells": set(), "activities": set(), "participations": set(),
                                             "rebuild": False, "bulk": False})


def _bring_up_to_date(session) -> None:
    """Refresh the cells touched since the last refresh, or rebuild the table when that is cheaper or needed."""
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    connection = session.connection()
    ids = len(pending["activities"]) + len(pending["participations"])
    if not pending["rebuild"] and ids <= ID_LIMIT:
        cells = pending["cells"] | _cells_of(connection, pending["activities"], pending["participations"])
        if len(cells) <= CELL_LIMIT:
            refresh_cells(connection, cells)
            return
    rebuild(connection)


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session, flush_context):
    # Within after_flush the session still lists the flushed objects and their attribute history.
    pending = _pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Activity):
            pending["cells"] |= _cells_of_activity(obj)
        elif isinstance(obj, Participation):
            pending["activities"] |= _values(obj, "activity_id")
        elif isinstance(obj, Chamber) and inspect(obj).attrs.country_id.history.has_changes():
            pending["rebuild"] = True
    if not pending["bulk"]:  # after a bulk statement everything waits for the commit: one rebuild, not several
        _bring_up_to_date(session)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_write(state):
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table not in BULK_TABLES:
        return
    pending = _pending(state.session)
    pending["bulk"] = True
    rows = state.parameters if isinstance(state.parameters, list) else []
    if table == Participation.__tablename__ and rows:
        # the import's executemany statements: their rows say which activities they touch
        if state.is_insert and all("activity_id" in row for row in rows):
            pending["activities"] |= {row["activity_id"] for row in rows}
            return
        if state.is_update and all("id" in row and "activity_id" not in row for row in rows):
            pending["participations"] |= {row["id"] for row in rows}
            return
    pending["rebuild"] = True


@event.listens_for(Session, "before_commit")
def _refresh_before_commit(session):
    # The commit's own last flush comes after this event; after_flush refreshes its cells as usual.
    _bring_up_to_date(session)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session):
    session.info.pop(PENDING, None)


def serves(f: CoverageFilters) -> bool:
    """Whether the facts can answer f: any filter set without a donor or an activity type (not among their
    dimensions)."""
    return f.donor_id is None and f.activity_type is None


def fact_rows(f: CoverageFilters):
    """Subquery with the columns of summary._participation_years(f), read from the facts."""
    table = CoverageFact.__table__
    prefix = "confirmed_" if f.confirmed_only else ""
    conditions = [table.c[f"{prefix}activities"] > 0, *_cell_conditions(table, f)]
    if has_chamber_conditions(f):
        conditions.append(chamber_in_scope(table.c.chamber_id, f))
    return (select(table.c.chamber_id, table.c.area_id, table.c.year,
                   *(table.c[f"{prefix}{name}"].label(name) for name in SUMMARY_COLUMNS))
            .where(*conditions).subquery("summary"))


def differences() -> tuple[set, set]:
    """(rows stored that a rebuild would not write, rows a rebuild would write that are not stored), over both
    tables: both empty when they are current."""
    stored, expected = set(), set()
    for table, columns, source in _TABLES:
        stored |= {(table.name, *row) for row in db.session.execute(select(*(table.c[c] for c in columns)))}
        expected |= {(table.name, *row) for row in db.session.execute(source())}
    return stored - expected, expected - stored


def rebuild_facts() -> int:
    """Rebuild the facts and commit; the number of fact rows written."""
    with unit_of_work():
        rebuild(db.session.connection())
    return db.session.scalar(select(func.count()).select_from(CoverageFact.__table__))


def expert_rows(f: CoverageFilters):
    """Subquery (chamber_id, expert_activities, expert_first) of the chambers that supplied experts under f, read
    from the facts (f must be served, and then also leave no chamber out: expert_first counts over them all)."""
    table = CoverageFact.__table__
    prefix = "confirmed_" if f.confirmed_only else ""
    return (select(table.c.chamber_id, *(table.c[f"{prefix}{name}"].label(name) for name in EXPERT_COLUMNS))
            .where(table.c[f"{prefix}expert_activities"] > 0, *_cell_conditions(table, f)).subquery("experts"))


def counts_serve(f: CoverageFilters) -> bool:
    """Whether the stored activity counts answer f: no donor, and no filter that leaves chambers out (then only
    activities with a counted participation count)."""
    return f.donor_id is None and not f.narrows_participations


def count_rows(f: CoverageFilters):
    """Subquery (area_id, year, activities) of the live activities matching f, from the stored counts."""
    table = CoverageActivityCount.__table__
    conditions = _cell_conditions(table, f)
    if f.activity_type:
        conditions.append(table.c.activity_type == ACTIVITY_TYPE)
    return (select(table.c.area_id, table.c.year, func.sum(table.c.activities).label("activities"))
            .where(*conditions).group_by(table.c.area_id, table.c.year).subquery("stored_counts"))


def _cell_conditions(table, f: CoverageFilters) -> list:
    conditions = []
    if f.year_from:
        conditions.append(table.c.year >= YEAR_FROM)
    if f.year_to:
        conditions.append(table.c.year <= YEAR_TO)
    if f.area:
        conditions.append(table.c.area_id == area_id())
    return conditions
