"""Who does what where (OCHA 3W): the overlaps between organisations, which organisations worked in which areas of
each chamber, and the chambers no one reached, over public activities only.

An organisation "works" in an activity when it leads it or is an implementing or co-organising partner (a funder
does not work there). It works in a chamber and area when the activity has the chamber as a beneficiary and is of
that area. Only public activities count (their lead organisation's activities_public, scope.activity_conditions),
never deleted ones; the coverage filters (period on the start date, area, type, region, income group) apply as on
the dashboard.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

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
    or_,
    select,
    union,
)
from sqlalchemy.orm import aliased
from sqlalchemy.schema import CreateIndex, CreateTable

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards.filters import CoverageFilters
from parliament_tracker.dashboards.scope import (
    activity_conditions,
    chamber_in_scope,
    existing_chambers,
    has_chamber_conditions,
    parameters,
    year_of,
)
from parliament_tracker.extensions import db
from parliament_tracker.labels import label
from parliament_tracker.organisations.models import ORGANISATION_TYPES, WORKING_ROLES, Organisation, activity_partners

DEFAULT_WINDOW = 12
SHOWN = 100  # overlaps listed on the page; the downloads and the API (paged) have every one


@dataclass(frozen=True)
class CoordinationFilters:
    """The coverage filters (its donor filter unused), the window in months within which two start dates overlap,
    and optionally one organisation or one organisation type that must be among those shown."""

    coverage: CoverageFilters = field(default_factory=CoverageFilters)
    window_months: int = DEFAULT_WINDOW
    organisation_id: int | None = None
    org_type: str | None = None


@dataclass(frozen=True)
class OverlapActivity:
    id: int
    title: str
    start_date: object
    organisation: str


@dataclass
class Overlap:
    """Two organisations that worked in the same chamber and area with start dates within the window, and the
    activities of each that overlap another's."""

    chamber_code: str
    area_code: str
    organisations: tuple[str, str]
    activities: list[OverlapActivity]


def _coverage(f: CoordinationFilters) -> CoverageFilters:
    # public activities only: never an organisation's own (private) slice
    return replace(f.coverage, donor_id=None, confirmed_only=False)


def _label(org):
    return func.coalesce(func.nullif(org.short_name, ""), org.name)


def _work(f: CoordinationFilters):
    """Subquery, one row per organisation working in a public activity with a beneficiary chamber in scope:
    activity_id, organisation_id, chamber_id, area_id, start_date, month (year * 12 + month of the start)."""
    workers = union(
        select(Activity.id.label("activity_id"), Activity.lead_organisation_id.label("organisation_id")),
        select(activity_partners.c.activity_id, activity_partners.c.organisation_id)
        .where(activity_partners.c.role.in_(WORKING_ROLES)),
    ).subquery("workers")
    cf = _coverage(f)
    month = year_of(Activity.start_date) * 12 + cast(extract("month", Activity.start_date), Integer)
    stmt = (select(workers.c.activity_id, workers.c.organisation_id, Participation.chamber_id, Activity.area_id,
                   Activity.start_date, month.label("month"))
            .join(Activity, Activity.id == workers.c.activity_id)
            .join(Participation, and_(Participation.activity_id == Activity.id, Participation.role == "beneficiary"))
            .where(*activity_conditions(cf)))
    if has_chamber_conditions(cf):
        stmt = stmt.where(chamber_in_scope(Participation.chamber_id, cf))
    return stmt.subquery("work")


WORK_COLUMNS = ("activity_id", "organisation_id", "chamber_id", "area_id", "month")


@functools.cache
def _work_table() -> tuple[Table, Index]:
    """A TEMPORARY table of the work rows, indexed by (chamber, area, month): the overlap self-join then finds
    each row's partners by an index range (at full size, 1.5 s instead of more than 300 s as a joined subquery,
    which the database recomputed per probe)."""
    table = Table("coordination_work", MetaData(), *(Column(c, Integer) for c in WORK_COLUMNS),
                  prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
    return table, Index("coordination_work_cell", table.c.chamber_id, table.c.area_id, table.c.month)


def _filled_work(f: CoordinationFilters) -> Table:
    table, index = _work_table()
    work = _work(f)
    connection = db.session.connection()
    connection.execute(CreateTable(table, if_not_exists=True))
    connection.execute(CreateIndex(index, if_not_exists=True))
    connection.execute(delete(table))
    connection.execute(insert(table).from_select(WORK_COLUMNS, select(*(work.c[c] for c in WORK_COLUMNS))),
                       parameters(_coverage(f)))
    return table


def _run(stmt, f: CoordinationFilters):
    return db.session.execute(stmt, parameters(_coverage(f))).all()


def _organisation_filter(f: CoordinationFilters, *orgs) -> list:
    conditions = []
    if f.organisation_id:
        conditions.append(or_(*(org.id == f.organisation_id for org in orgs)))
    if f.org_type:
        conditions.append(or_(*(org.org_type == f.org_type for org in orgs)))
    return conditions


def _pairs(work: Table, f: CoordinationFilters):
    """(a, b, condition): two work rows of different organisations (a's id the lower) and activities, in the same
    chamber and area, starting at most f.window_months apart (an index range on the temporary table)."""
    a, b = work.alias("a"), work.alias("b")
    return a, b, and_(b.c.chamber_id == a.c.chamber_id, b.c.area_id == a.c.area_id,
                      b.c.organisation_id > a.c.organisation_id, b.c.activity_id != a.c.activity_id,
                      b.c.month.between(a.c.month - f.window_months, a.c.month + f.window_months))


def _overlap_keys(work: Table, f: CoordinationFilters):
    """Select of the overlaps' keys (chamber_id, area_id, org_a, org_b), each once, with the columns that order
    them (chamber code, area code, the two labels) and `total`, the number of keys. The pairs are made distinct on
    their ids before the names are joined: a key has many pairs of activities."""
    a, b, paired = _pairs(work, f)
    ids = (select(a.c.chamber_id, a.c.area_id, a.c.organisation_id.label("org_a"),
                  b.c.organisation_id.label("org_b")).select_from(a).join(b, paired).distinct().subquery("ids"))
    oa, ob = aliased(Organisation), aliased(Organisation)
    return (select(ids, Chamber.code.label("chamber"), ActivityArea.code.label("area"), _label(oa).label("label_a"),
                   _label(ob).label("label_b"), func.count().over().label("total"))
            .join(Chamber, Chamber.id == ids.c.chamber_id).join(ActivityArea, ActivityArea.id == ids.c.area_id)
            .join(oa, oa.id == ids.c.org_a).join(ob, ob.id == ids.c.org_b)
            .where(*_organisation_filter(f, oa, ob)))


def overlap_page(f: CoordinationFilters, limit: int | None = None, offset: int = 0) -> tuple[int, list[Overlap]]:
    """(how many overlaps there are, the overlaps from offset, at most limit of them; all without a limit): each pair
    of different organisations that worked, in different activities, in the same chamber and area with start dates
    at most f.window_months calendar months apart, with the chamber's code, the area's code and the activities
    involved. Ordered by chamber, area and organisations. Over the work rows filled into a temporary table once:
    the overlaps are counted and chosen in SQL (one statement), and only the chosen ones' activity pairs are read."""
    work = _filled_work(f)
    keys = _overlap_keys(work, f).subquery("keys")
    chosen = (select(keys).order_by(keys.c.chamber, keys.c.area, keys.c.label_a, keys.c.label_b)
              .limit(limit).offset(offset or None).subquery("chosen"))
    a, b, paired = _pairs(work, f)
    aa, ab = aliased(Activity), aliased(Activity)
    stmt = (select(chosen.c.total, chosen.c.chamber, chosen.c.area, chosen.c.label_a, chosen.c.label_b, aa.id,
                   aa.title, aa.start_date, ab.id, ab.title, ab.start_date)
            .select_from(chosen)
            .join(a, and_(a.c.chamber_id == chosen.c.chamber_id, a.c.area_id == chosen.c.area_id,
                          a.c.organisation_id == chosen.c.org_a))
            .join(b, and_(paired, b.c.organisation_id == chosen.c.org_b))
            .join(aa, aa.id == a.c.activity_id).join(ab, ab.id == b.c.activity_id)
            .order_by(chosen.c.chamber, chosen.c.area, chosen.c.label_a, chosen.c.label_b))
    rows = _run(stmt, f)
    if rows:
        total = rows[0][0]
    else:  # nothing on this page: past the last one, or none at all
        total = _run(select(func.count()).select_from(keys), f)[0][0] if offset else 0
    found: dict[tuple, Overlap] = {}
    seen: dict[tuple, set] = {}
    for _total, chamber, area, org_a, org_b, *acts in rows:
        key = (chamber, area, org_a, org_b)
        if key not in found:
            found[key], seen[key] = Overlap(chamber, area, (org_a, org_b), []), set()
        for activity in (OverlapActivity(acts[0], acts[1], acts[2], org_a),
                         OverlapActivity(acts[3], acts[4], acts[5], org_b)):
            if (activity.id, activity.organisation) not in seen[key]:
                seen[key].add((activity.id, activity.organisation))
                found[key].activities.append(activity)
    for overlap in found.values():
        overlap.activities.sort(key=lambda act: (act.start_date, act.id))
    return total, list(found.values())


def overlaps(f: CoordinationFilters) -> list[Overlap]:
    """Every overlap (overlap_page without a limit): the downloads'."""
    return overlap_page(f)[1]


@dataclass(frozen=True)
class ChamberWork:
    chamber_code: str
    organisation: str
    area_code: str
    activities: int


def work_by_chamber(f: CoordinationFilters) -> list[ChamberWork]:
    """Per chamber in scope, each organisation that worked there and, per area, the number of public activities
    it worked in with the chamber as a beneficiary. Ordered by chamber, organisation, area. One grouped select."""
    work = _work(f)
    org_label = _label(Organisation)
    stmt = (select(Chamber.code, org_label, ActivityArea.code, func.count(func.distinct(work.c.activity_id)))
            .join(Chamber, Chamber.id == work.c.chamber_id).join(ActivityArea, ActivityArea.id == work.c.area_id)
            .join(Organisation, Organisation.id == work.c.organisation_id)
            .where(*_organisation_filter(f, Organisation))
            .group_by(Chamber.code, org_label, ActivityArea.code, ActivityArea.position)
            .order_by(Chamber.code, org_label, ActivityArea.position, ActivityArea.code))
    return [ChamberWork(*row) for row in _run(stmt, f)]


@dataclass(frozen=True)
class Unreached:
    chambers: int
    unreached: int


def chambers_reached_by_no_one(f: CoordinationFilters) -> Unreached:
    """The chambers in scope (existing in the period, of the region and income group) and how many of them no
    organisation worked in (as a beneficiary of a public activity matching the filters; the organisation filters
    do not apply: no one means no one). One select."""
    work = _work(f)
    existing = existing_chambers(_coverage(f))
    reached = existing.c.chamber_id.in_(select(work.c.chamber_id))
    stmt = select(func.count(), func.count().filter(~reached)).select_from(existing)
    return Unreached(*_run(stmt, f)[0])


def organisation_choices() -> list[tuple[str, str]]:
    """(id, label) of the organisations working in a live public activity, by label: the organisation filter's
    choices (a private organisation's name is never offered)."""
    public = select(Activity.id).where(*activity_conditions(CoverageFilters()))
    working = union(select(Activity.lead_organisation_id).where(Activity.id.in_(public)),
                    select(activity_partners.c.organisation_id)
                    .where(activity_partners.c.role.in_(WORKING_ROLES), activity_partners.c.activity_id.in_(public)))
    org_label = _label(Organisation)
    stmt = select(Organisation.id, org_label).where(Organisation.id.in_(working)).order_by(org_label)
    return [(str(i), name) for i, name in db.session.execute(stmt)]


def org_type_choices() -> list[tuple[str, str]]:
    """(code, label) of every organisation type."""
    return [(t, label("org_type", t)) for t in ORGANISATION_TYPES]


OVERLAP_HEADER = ["chamber", "area", "organisation_a", "organisation_b", "activity_id", "activity_title",
                  "activity_start", "activity_organisation"]


def overlap_rows(found: list[Overlap]) -> list[list]:
    """The overlaps as the download's rows: one per overlap and activity (OVERLAP_HEADER's columns)."""
    return [[o.chamber_code, o.area_code, *o.organisations, a.id, a.title, a.start_date.isoformat(), a.organisation]
            for o in found for a in o.activities]
