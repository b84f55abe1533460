"""What keeps the stored coverage aggregates true: SQLAlchemy session events that, IN THE SAME TRANSACTION as
every write to the data the numbers come from, bring them up to date (facts.py), so that no report ever reads a
stale aggregate. (The same writes replace the data-version token: parliament_tracker/data_version.py.)

- After each flush, the (area, year, type) cells touched by the flushed activities, participations and partner
  links (old and new values both) are recomputed: deleted and summed again from their participations.
- A country's new (today's) income group or region rebuilds the tables (the `<group>_first` columns partition each
  activity's chambers by them), and so does any change to the income history (`coverage_income_changes` counts
  the activities of each fiscal year's groups).
- After a bulk INSERT/UPDATE/DELETE statement on activities, their partner organisations, participations, chambers
  or countries (the import, `flask demo clear`), everything waits for the commit: just before it, the cells of the rows the
  statements name are recomputed (an executemany names its activities or ids) or, when they name no rows, when a
  chamber moved to another country, or when more than CELL_LIMIT cells changed, both tables are rebuilt once.
  Inside such a transaction, reports read the aggregates as they were before it.
Writes that bypass the ORM session (raw SQL on a connection) are not seen; `flask coverage rebuild` repairs the
tables after them.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.chambers.models import Chamber, Country, CountryIncomeGroup
from parliament_tracker.dashboards import facts
from parliament_tracker.organisations.models import ActivityPartner, Organisation, activity_partners

PENDING = "coverage_facts_pending"
CELL_LIMIT = 60  # (area, year, type) cells refreshed one by one; beyond, one rebuild is cheaper
ID_LIMIT = 2000  # activities or participations whose cells are looked up; beyond, a rebuild
BULK_TABLES = {Activity.__tablename__, Participation.__tablename__, Chamber.__tablename__, activity_partners.name,
               Country.__tablename__, CountryIncomeGroup.__tablename__}


def _values(obj, name: str) -> set:
    """Every value the attribute had in this flush (before and after), without loading anything."""
    state = inspect(obj)
    history = state.attrs[name].history
    values = {*history.added, *history.unchanged, *history.deleted}
    if name in state.dict:
        values.add(state.dict[name])
    return {v for v in values if v is not None}


def _cells_of_activity(activity: Activity) -> set[tuple[int, int, str]]:
    years = {d.year for d in _values(activity, "start_date")}
    return {(area, year, kind) for area in _values(activity, "area_id") for year in years
            for kind in _values(activity, "activity_type")}


def _pending(session) -> dict:
    return session.info.setdefault(PENDING, {"cells": set(), "activities": set(), "participations": set(),
                                             "rebuild": False, "bulk": False})


def _bring_up_to_date(session) -> None:
    """Refresh the cells touched since the last refresh, or rebuild the tables when that is cheaper or needed."""
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    connection = session.connection()
    ids = len(pending["activities"]) + len(pending["participations"])
    if not pending["rebuild"] and ids <= ID_LIMIT:
        cells = pending["cells"] | facts.cells_of(connection, pending["activities"], pending["participations"])
        if len(cells) <= CELL_LIMIT:
            facts.refresh_cells(connection, cells)
            return
    facts.rebuild(connection)


def _regrouped(country: Country) -> bool:
    """Whether a country's change moves its chambers to another region or (today's) income group: the facts'
    `<group>_first` columns partition each activity's chambers by them. A new country has no chambers yet."""
    state = inspect(country)
    return state.attrs.income_group.history.has_changes() or state.attrs.m49_region.history.has_changes()


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session, flush_context):
    # Within after_flush the session still lists the flushed objects and their attribute history.
    pending = None
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Activity):
            pending = pending or _pending(session)
            pending["cells"] |= _cells_of_activity(obj)
        elif isinstance(obj, (Participation, ActivityPartner)):
            # a partner counts the activity in its own slice: its cells change with the partners too
            pending = pending or _pending(session)
            pending["activities"] |= _values(obj, "activity_id")
        elif isinstance(obj, Organisation) and inspect(obj).attrs.activities_public.history.has_changes():
            # every slice holding its activities changes: the ANY rows, its partners'
            pending = pending or _pending(session)
            pending["rebuild"] = True
        elif ((isinstance(obj, Chamber) and inspect(obj).attrs.country_id.history.has_changes())
              or (isinstance(obj, Country) and obj not in session.new and _regrouped(obj))
              or isinstance(obj, CountryIncomeGroup)):
            pending = pending or _pending(session)
            pending["rebuild"] = True
    pending = session.info.get(PENDING)
    if pending and not pending["bulk"]:  # after a bulk statement everything waits for the commit: one rebuild
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
    if table in (Participation.__tablename__, activity_partners.name) and rows:
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
