"""Who does what where (OCHA 3W): the overlaps between organisations, which organisations worked in which areas of
each chamber, and the chambers no one reached, over public activities only.

An organisation "works" in an activity when it leads it or is an implementing or co-organising partner (a funder
does not work there). It works in a chamber and area when the activity has the chamber as a beneficiary and is of
that area. Only public activities count (their lead organisation's activities_public, scope.activity_conditions),
never deleted ones; the coverage filters (period on the start date, area, type, region, income group) apply as on
the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import Integer, and_, cast, extract, func, or_, select, union
from sqlalchemy.orm import aliased

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


def _run(stmt, f: CoordinationFilters):
    return db.session.execute(stmt, parameters(_coverage(f))).all()


def _organisation_filter(f: CoordinationFilters, *orgs) -> list:
    conditions = []
    if f.organisation_id:
        conditions.append(or_(*(org.id == f.organisation_id for org in orgs)))
    if f.org_type:
        conditions.append(or_(*(org.org_type == f.org_type for org in orgs)))
    return conditions


def overlaps(f: CoordinationFilters) -> list[Overlap]:
    """Each pair of different organisations that worked, in different activities, in the same chamber and area
    with start dates at most f.window_months calendar months apart; with the chamber's code, the area's code and
    the activities involved. Ordered by chamber, area and organisations. One select of the activity pairs."""
    work = _work(f)
    a, b = work.alias("a"), work.alias("b")
    oa, ob = aliased(Organisation), aliased(Organisation)
    aa, ab = aliased(Activity), aliased(Activity)
    stmt = (select(Chamber.code, ActivityArea.code, _label(oa), _label(ob), aa.id, aa.title, aa.start_date,
                   ab.id, ab.title, ab.start_date)
            .select_from(a)
            .join(b, and_(b.c.chamber_id == a.c.chamber_id, b.c.area_id == a.c.area_id,
                          b.c.organisation_id > a.c.organisation_id, b.c.activity_id != a.c.activity_id,
                          func.abs(b.c.month - a.c.month) <= f.window_months))
            .join(Chamber, Chamber.id == a.c.chamber_id).join(ActivityArea, ActivityArea.id == a.c.area_id)
            .join(oa, oa.id == a.c.organisation_id).join(ob, ob.id == b.c.organisation_id)
            .join(aa, aa.id == a.c.activity_id).join(ab, ab.id == b.c.activity_id)
            .where(*_organisation_filter(f, oa, ob))
            .order_by(Chamber.code, ActivityArea.code, _label(oa), _label(ob), aa.start_date, ab.start_date))
    found: dict[tuple, Overlap] = {}
    for chamber, area, org_a, org_b, *acts in _run(stmt, f):
        overlap = found.setdefault((chamber, area, org_a, org_b), Overlap(chamber, area, (org_a, org_b), []))
        for activity in (OverlapActivity(acts[0], acts[1], acts[2], org_a), OverlapActivity(acts[3], acts[4],
                                                                                            acts[5], org_b)):
            if activity not in overlap.activities:
                overlap.activities.append(activity)
    for overlap in found.values():
        overlap.activities.sort(key=lambda act: (act.start_date, act.id))
    return list(found.values())


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
