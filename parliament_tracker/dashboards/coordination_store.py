"""The coordination view's stored data (models.CoordinationFact, models.CoordinationOverlap): what it holds, how it
is computed from the activities, and how it is kept current, in the same transaction as every write, by the
coverage upkeep (upkeep.py calls facts.refresh_cells / facts.rebuild, which call refresh_cells / rebuild here).

The work rows (work_select): one per organisation working in a public live activity (its lead, or an
implementing or co-organising partner: a funder does not work there) and a beneficiary chamber of it. The facts
sum them per (chamber, area, year, organisation, type); the stored overlaps are the pairs of organisations whose
facts meet year_pairs at the default window.

Why years are enough. Two start months in the same year are at most 11 apart; d >= 1 years apart, the nearest
are 12d + (the later year's first month) - (the earlier year's last month) apart. So for any window of 11 months
or more, whether two organisations' work in a chamber and area overlaps follows from each one's first and last
month per year, and from the activity ids: in the same year the two differ unless both did exactly one activity
there and it is the same one (a lead and its partner). Narrower windows need the months themselves: they are
paired from the work rows (month_pairs), as `differences` does to check the stored overlaps.
"""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    Table,
    and_,
    cast,
    delete,
    extract,
    func,
    insert,
    not_,
    or_,
    select,
    text,
    tuple_,
    union_all,
)
from sqlalchemy.schema import CreateIndex, CreateTable

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.dashboards.models import CoordinationFact, CoordinationOverlap
from parliament_tracker.dashboards.scope import year_of
from parliament_tracker.organisations.models import WORKING_ROLES, activity_partners
from parliament_tracker.organisations.services import public_organisations

STORED_WINDOW = 12  # the window of the stored overlaps: coordination.DEFAULT_WINDOW
YEARS_SUFFICE = 11  # the narrowest window that year_pairs answers exactly (see the module's docstring)
FACT_KEYS = ("chamber_id", "area_id", "year", "organisation_id", "activity_type")
FACT_VALUES = ("activities", "first_activity", "last_activity", "first_month", "last_month")
YEAR_COLUMNS = ("chamber_id", "area_id", "year", "organisation_id", *FACT_VALUES)
WORK_COLUMNS = ("activity_id", "organisation_id", "chamber_id", "area_id", "month")
OVERLAP_KEYS = ("chamber_id", "area_id", "org_a", "org_b")


def work_select(*conditions):
    """Select of the work rows of live public activities meeting conditions (on Activity, or on
    Participation.chamber_id): activity_id, organisation_id, chamber_id, area_id, activity_type, year, month of
    year (1-12), start_date, title, and month (year * 12 + month of the start, for month_pairs). The lead's rows and
    the working partners' rows, each read from the participations (so that a condition on the chamber is an
    index range); no row is in both, since the lead is never its own partner (organisations.services)."""
    month_of_year = cast(extract("month", Activity.start_date), Integer)
    year = year_of(Activity.start_date)

    def rows(organisation_id):
        return (select(Activity.id.label("activity_id"), organisation_id.label("organisation_id"),
                       Participation.chamber_id, Activity.area_id, Activity.activity_type, year.label("year"),
                       month_of_year.label("month_of_year"), Activity.start_date, Activity.title,
                       (year * 12 + month_of_year).label("month"))
                .select_from(Participation).join(Activity, Activity.id == Participation.activity_id)
                .where(Participation.role == "beneficiary", Activity.deleted_at.is_(None),
                       Activity.lead_organisation_id.in_(public_organisations()), *conditions))

    partners = activity_partners
    return union_all(rows(Activity.lead_organisation_id),
                     rows(partners.c.organisation_id)
                     .join(partners, partners.c.activity_id == Activity.id)
                     .where(partners.c.role.in_(WORKING_ROLES)))


def facts_select(*conditions):
    """The fact rows of the work rows meeting conditions (FACT_KEYS then FACT_VALUES)."""
    w = work_select(*conditions).subquery("work")
    return (select(*(w.c[k] for k in FACT_KEYS), func.count(func.distinct(w.c.activity_id)).label("activities"),
                   func.min(w.c.activity_id).label("first_activity"), func.max(w.c.activity_id).label("last_activity"),
                   func.min(w.c.month_of_year).label("first_month"), func.max(w.c.month_of_year).label("last_month"))
            .group_by(*(w.c[k] for k in FACT_KEYS)))


def _temporary(name: str, columns, index_columns) -> tuple[Table, Index]:
    table = Table(name, MetaData(), *(Column(c, Integer) for c in columns), prefixes=["TEMPORARY"],
                  postgresql_on_commit="DROP")
    return table, Index(f"{name}_cell", *(table.c[c] for c in index_columns))


@functools.cache
def _years_table() -> tuple[Table, Index]:
    """A TEMPORARY table of fact rows summed over the activity types, indexed by (chamber, area, organisation,
    year): keys_from reads one organisation's rows in a cell, and the other's near them, each by one index range
    (as a joined subquery it was recomputed per probe)."""
    return _temporary("coordination_years", YEAR_COLUMNS, ("chamber_id", "area_id", "organisation_id", "year"))


@functools.cache
def _work_table() -> tuple[Table, Index]:
    """A TEMPORARY table of work rows, indexed by (chamber, area, organisation, month), for month_pairs."""
    return _temporary("coordination_work", WORK_COLUMNS, ("chamber_id", "area_id", "organisation_id", "month"))


def _filled(connection, table_and_index, source, parameters=None) -> Table:
    table, index = table_and_index
    connection.execute(CreateTable(table, if_not_exists=True))
    connection.execute(CreateIndex(index, if_not_exists=True))
    connection.execute(delete(table))
    connection.execute(insert(table).from_select([c.name for c in table.c], source), parameters or {})
    if connection.dialect.name == "postgresql":  # no autovacuum for temporary tables: without it the plan guesses
        connection.execute(text(f"ANALYZE {table.name}"))
    return table


def filled_years(connection, *conditions, parameters=None) -> Table:
    """The temporary years table filled from the stored facts meeting conditions (on CoordinationFact)."""
    f = CoordinationFact
    source = (select(f.chamber_id, f.area_id, f.year, f.organisation_id, func.sum(f.activities),
                     func.min(f.first_activity), func.max(f.last_activity), func.min(f.first_month),
                     func.max(f.last_month))
              .where(*conditions).group_by(f.chamber_id, f.area_id, f.year, f.organisation_id))
    return _filled(connection, _years_table(), source, parameters)


def filled_work(connection, *conditions, parameters=None) -> Table:
    """The temporary work table filled with the work rows meeting conditions."""
    w = work_select(*conditions).subquery("work")
    return _filled(connection, _work_table(), select(*(w.c[c] for c in WORK_COLUMNS)), parameters)


def year_pairs(a, b, window: int):
    """Condition on two rows a, b of a years table: different organisations (b's id the higher) that worked, in
    different activities, in the same chamber and area with start dates at most `window` (>= YEARS_SUFFICE) months
    apart."""
    reach = (window + 11) // 12  # the most years apart two such start dates can be
    same_one = and_(a.c.activities == 1, b.c.activities == 1, a.c.first_activity == b.c.first_activity)
    return and_(b.c.chamber_id == a.c.chamber_id, b.c.area_id == a.c.area_id,
                b.c.year.between(a.c.year - reach, a.c.year + reach), b.c.organisation_id > a.c.organisation_id,
                or_(and_(b.c.year == a.c.year, not_(same_one)),
                    and_(b.c.year > a.c.year, 12 * (b.c.year - a.c.year) + b.c.first_month - a.c.last_month <= window),
                    and_(b.c.year < a.c.year, 12 * (a.c.year - b.c.year) + a.c.first_month - b.c.last_month <= window)))


def month_pairs(a, b, window: int):
    """Condition on two rows a, b of a work table: different organisations (b's id the higher) and activities in
    the same chamber and area, starting at most `window` months apart (an index range)."""
    return and_(b.c.chamber_id == a.c.chamber_id, b.c.area_id == a.c.area_id,
                b.c.organisation_id > a.c.organisation_id, b.c.activity_id != a.c.activity_id,
                b.c.month.between(a.c.month - window, a.c.month + window))


def keys_from(table: Table, window: int):
    """Select of the overlap keys (OVERLAP_KEYS) among the rows of a years table or, for a window narrower than
    YEARS_SUFFICE, of a work table. Each pair of organisations present in the same chamber and area is a candidate,
    kept when some row of the one pairs with a row of the other: a semi-join that stops at the first such pair
    (joining every row to every neighbour and then taking the distinct keys made millions of rows at ten times
    today's data, where nearly every pair overlaps many times over)."""
    a, b = table.alias("a"), table.alias("b")
    paired = year_pairs(a, b, window) if "year" in table.c else month_pairs(a, b, window)
    present = select(table.c.chamber_id, table.c.area_id, table.c.organisation_id).distinct().cte("present")
    pa, pb = present.alias("pa"), present.alias("pb")
    met = (select(a.c.organisation_id).select_from(a).join(b, paired)
           .where(a.c.chamber_id == pa.c.chamber_id, a.c.area_id == pa.c.area_id,
                  a.c.organisation_id == pa.c.organisation_id, b.c.organisation_id == pb.c.organisation_id)
           .exists())
    return (select(pa.c.chamber_id, pa.c.area_id, pa.c.organisation_id.label("org_a"),
                   pb.c.organisation_id.label("org_b"))
            .select_from(pa)
            .join(pb, and_(pb.c.chamber_id == pa.c.chamber_id, pb.c.area_id == pa.c.area_id,
                           pb.c.organisation_id > pa.c.organisation_id))
            .where(met))


def _cell_rows(connection, area: int, year: int, kind: str) -> set[tuple]:
    f = CoordinationFact
    return set(connection.execute(
        select(f.chamber_id, f.organisation_id, *(f.__table__.c[v] for v in FACT_VALUES))
        .where(f.area_id == area, f.year == year, f.activity_type == kind)).tuples())


def refresh_cells(connection, cells: set[tuple[int, int, str]]) -> None:
    """Recompute the facts of the given (area_id, year, activity_type) cells, then the stored overlaps of the
    (chamber, area) pairs whose facts changed (a chamber's overlaps depend on its facts alone)."""
    f = CoordinationFact
    changed: set[tuple[int, int]] = set()
    for area, year, kind in cells:
        before = _cell_rows(connection, area, year, kind)
        connection.execute(delete(f).where(f.area_id == area, f.year == year, f.activity_type == kind))
        # the year as a range of start dates: an index range (ix_activities_live_start), where the year of each
        # start date was computed for every activity of the area and type
        stmt = facts_select(Activity.area_id == area, Activity.activity_type == kind,
                            Activity.start_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        connection.execute(insert(f).from_select([*FACT_KEYS, *FACT_VALUES], stmt))
        changed |= {(row[0], area) for row in before ^ _cell_rows(connection, area, year, kind)}
    if changed:
        _refresh_overlaps(connection, changed)


def _refresh_overlaps(connection, pairs: set[tuple[int, int]] | None) -> None:
    """Recompute the stored overlaps of the given (chamber_id, area_id) pairs, or of all (None)."""
    o, f = CoordinationOverlap, CoordinationFact
    if pairs is None:
        connection.execute(delete(o))
        years = filled_years(connection)
    else:
        pairs_in = tuple_(o.chamber_id, o.area_id).in_(sorted(pairs))
        connection.execute(delete(o).where(pairs_in))
        years = filled_years(connection, tuple_(f.chamber_id, f.area_id).in_(sorted(pairs)))
    connection.execute(insert(o).from_select(OVERLAP_KEYS, keys_from(years, STORED_WINDOW)))


def rebuild(connection) -> None:
    """Recompute the facts and the stored overlaps."""
    f = CoordinationFact
    connection.execute(delete(f))
    stmt = facts_select()
    if connection.dialect.name == "postgresql":  # in key order: PostgreSQL keeps no table clustered
        stmt = stmt.order_by(*(stmt.selected_columns[k] for k in FACT_KEYS))
    connection.execute(insert(f).from_select([*FACT_KEYS, *FACT_VALUES], stmt))
    _refresh_overlaps(connection, None)


def stored_and_recounted(connection) -> tuple[set, set]:
    """(the rows stored, the rows a recount would write), tagged with their table's name, for facts.differences:
    the facts from facts_select, the stored overlaps from the work rows paired month by month (month_pairs, an
    independent definition)."""
    facts = CoordinationFact.__table__
    stored = {("coordination_facts", *row) for row in connection.execute(
        select(*(facts.c[c] for c in (*FACT_KEYS, *FACT_VALUES)))).tuples()}
    expected = {("coordination_facts", *row) for row in connection.execute(facts_select()).tuples()}
    overlaps = CoordinationOverlap.__table__
    stored |= {("coordination_overlaps", *row) for row in connection.execute(
        select(*(overlaps.c[c] for c in OVERLAP_KEYS))).tuples()}
    work = filled_work(connection)
    expected |= {("coordination_overlaps", *row) for row in connection.execute(
        keys_from(work, STORED_WINDOW)).tuples()}
    return stored, expected
