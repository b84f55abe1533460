"""Who does what where (OCHA 3W): the overlaps between organisations, which organisations worked in which areas of
each chamber, and the chambers no one reached, over public activities only.

An organisation "works" in an activity when it leads it or is an implementing or co-organising partner (a funder
does not work there). It works in a chamber and area when the activity has the chamber as a beneficiary and is of
that area. Only public activities count (their lead organisation's activities_public, scope.activity_conditions),
never deleted ones; the coverage filters (period on the start date, area, type, region, income group) apply as on
the dashboard.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import attrgetter

from sqlalchemy import exists, func, or_, select, tuple_
from sqlalchemy.orm import aliased

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards import coordination_store as store
from parliament_tracker.dashboards.filters import CoverageFilters
from parliament_tracker.dashboards.models import CoordinationFact, CoordinationOverlap
from parliament_tracker.dashboards.scope import (
    ACTIVITY_TYPE,
    YEAR_FROM,
    YEAR_TO,
    activity_conditions,
    area_id,
    chamber_in_scope,
    existing_chambers,
    has_chamber_conditions,
    parameters,
)
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation

DEFAULT_WINDOW = store.STORED_WINDOW
SHOWN = 50  # overlaps per page of /coordination; the downloads have every one, the API pages as asked
CHAMBERS_SHOWN = 25  # chambers per page of its "who worked where" table
ACTIVITIES_SHOWN = 6  # activities listed per overlap on the page (at 10x an overlap can have a hundred)


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


def label_of(org):
    """Column: an organisation's short name, else its name."""
    return func.coalesce(func.nullif(org.short_name, ""), org.name)


def _run(stmt, f: CoordinationFilters):
    return db.session.execute(stmt, parameters(_coverage(f))).all()


def _fact_conditions(f: CoordinationFilters) -> list:
    """WHERE conditions on CoordinationFact for f's period, area, type, region and income group."""
    cf, facts = _coverage(f), CoordinationFact
    conditions = []
    if cf.year_from:
        conditions.append(facts.year >= YEAR_FROM)
    if cf.year_to:
        conditions.append(facts.year <= YEAR_TO)
    if cf.area:
        conditions.append(facts.area_id == area_id())
    if cf.activity_type:
        conditions.append(facts.activity_type == ACTIVITY_TYPE)
    if has_chamber_conditions(cf):
        conditions.append(chamber_in_scope(facts.chamber_id, cf))
    return conditions


def _work_conditions(f: CoordinationFilters) -> list:
    """WHERE conditions of coordination_store.work_select for f (on the activity and the beneficiary chamber)."""
    cf = _coverage(f)
    conditions = activity_conditions(cf)
    if has_chamber_conditions(cf):
        conditions.append(chamber_in_scope(Participation.chamber_id, cf))
    return conditions


def _overlap_ids(f: CoordinationFilters):
    """(subquery of the overlaps' keys (chamber_id, area_id, org_a, org_b) under f, whether it is the stored table),
    from the cheapest source that answers f exactly: the stored overlaps at the stored window over every year and
    type (narrowed by chamber and area alone); else the stored facts summed per year into a temporary table and
    paired there, for a window of YEARS_SUFFICE months or more; else the work rows, paired month by month."""
    cf = _coverage(f)
    if f.window_months == store.STORED_WINDOW and not (cf.year_from or cf.year_to or cf.activity_type):
        stored = CoordinationOverlap
        stmt = select(stored.chamber_id, stored.area_id, stored.org_a, stored.org_b)
        if cf.area:
            stmt = stmt.where(stored.area_id == area_id())
        if has_chamber_conditions(cf):
            stmt = stmt.where(chamber_in_scope(stored.chamber_id, cf))
        return stmt.subquery("ids"), True
    connection = db.session.connection()
    if f.window_months >= store.YEARS_SUFFICE:
        table = store.filled_years(connection, *_fact_conditions(f), parameters=parameters(cf))
    else:
        table = store.filled_work(connection, *_work_conditions(f), parameters=parameters(cf))
    return store.keys_from(table, f.window_months).subquery("ids"), False


def _organisation_filter(f: CoordinationFilters, *organisation_ids) -> list:
    """Conditions: one of the organisation id columns is f's organisation, or of f's organisation type."""
    conditions = []
    if f.organisation_id:
        conditions.append(or_(*(column == f.organisation_id for column in organisation_ids)))
    if f.org_type:
        of_type = select(Organisation.id).where(Organisation.org_type == f.org_type)
        conditions.append(or_(*(column.in_(of_type) for column in organisation_ids)))
    return conditions


def _labelled(ids, *conditions):
    """Select of the keys in ids meeting conditions, with the columns that order them (chamber code, area code,
    the two organisations' labels)."""
    oa, ob = aliased(Organisation), aliased(Organisation)
    return (select(ids, Chamber.code.label("chamber"), ActivityArea.code.label("area"), label_of(oa).label("label_a"),
                   label_of(ob).label("label_b"))
            .join(Chamber, Chamber.id == ids.c.chamber_id).join(ActivityArea, ActivityArea.id == ids.c.area_id)
            .join(oa, oa.id == ids.c.org_a).join(ob, ob.id == ids.c.org_b).where(*conditions))


def _chosen_keys(f: CoordinationFilters, limit: int | None, offset: int) -> tuple[int, list]:
    """(the number of overlaps, the keys of those from offset, at most limit, in order). Over the stored keys, the
    overlaps are counted per chamber first (an index scan), and only the chambers that hold the page are sorted
    (sorting every key by chamber code was most of the time); keys paired on the fly are counted and chosen in one
    statement, so that they are paired once."""
    ids, stored = _overlap_ids(f)
    by_organisation = _organisation_filter(f, ids.c.org_a, ids.c.org_b)
    if not stored:
        keys = _labelled(ids, *by_organisation).subquery("keys")
        chosen = _run(select(keys, func.count().over().label("total"))
                      .order_by(keys.c.chamber, keys.c.area, keys.c.label_a, keys.c.label_b)
                      .limit(limit).offset(offset or None), f)
        if chosen or not offset:
            return (chosen[0].total if chosen else 0), chosen
        return _run(select(func.count()).select_from(ids).where(*by_organisation), f)[0][0], []
    per_chamber = _run(select(ids.c.chamber_id, func.count()).join(Chamber, Chamber.id == ids.c.chamber_id)
                       .where(*by_organisation).group_by(ids.c.chamber_id, Chamber.code).order_by(Chamber.code), f)
    total = sum(n for _, n in per_chamber)
    skip, wanted = offset, (limit if limit is not None else total)
    chambers, held = [], 0
    for chamber_id, n in per_chamber:
        if not chambers and skip >= n:  # the page starts after this chamber's overlaps
            skip -= n
            continue
        chambers.append(chamber_id)
        held += n
        if held - skip >= wanted:
            break
    if not chambers:
        return total, []
    keys = _labelled(ids, *by_organisation, ids.c.chamber_id.in_(chambers)).subquery("keys")
    chosen = _run(select(keys).order_by(keys.c.chamber, keys.c.area, keys.c.label_a, keys.c.label_b)
                  .limit(wanted).offset(skip or None), f)
    return total, chosen


def _overlapping(mine: list, theirs: list, window: int) -> list:
    """The rows (month, activity_id, ...) of mine that start at most window months from a different activity of
    theirs (both sorted by month)."""
    months = [row[0] for row in theirs]
    found = []
    for row in mine:
        low, high = bisect_left(months, row[0] - window), bisect_right(months, row[0] + window)
        if any(other[1] != row[1] for other in theirs[low:high]):
            found.append(row)
    return found


def overlap_page(f: CoordinationFilters, limit: int | None = None, offset: int = 0) -> tuple[int, list[Overlap]]:
    """(how many overlaps there are, the overlaps from offset, at most limit of them; all without a limit): each pair
    of different organisations that worked, in different activities, in the same chamber and area with start dates
    at most f.window_months calendar months apart, with the chamber's code, the area's code and the activities
    involved. Ordered by chamber, area and organisations. The overlaps are counted and chosen in SQL (one
    statement); the chosen ones' work rows are then read (one statement) and their activities within the window
    of the other organisation's found here."""
    total, chosen = _chosen_keys(f, limit, offset)
    if not chosen:  # nothing on this page: past the last one, or none at all
        return total, []
    cells = {(row.chamber_id, row.area_id) for row in chosen}
    organisations = {row.org_a for row in chosen} | {row.org_b for row in chosen}
    # the chambers alone as well: an IN on the leading column of the participations' index is what makes both
    # halves of the union start from the chambers' participations
    work = store.work_select(*_work_conditions(f), Participation.chamber_id.in_(sorted({c for c, _ in cells})),
                             tuple_(Participation.chamber_id, Activity.area_id).in_(sorted(cells)))
    w = work.subquery("work")
    rows: dict[tuple, list] = {}
    for chamber_id, area_id_, organisation_id, month, activity_id, title, start in _run(
            select(w.c.chamber_id, w.c.area_id, w.c.organisation_id, w.c.month, w.c.activity_id, w.c.title,
                   w.c.start_date).where(w.c.organisation_id.in_(organisations)), f):
        rows.setdefault((chamber_id, area_id_, organisation_id), []).append((month, activity_id, title, start))
    for side in rows.values():  # sorted here: an ORDER BY over the union made SQLite scan every activity
        side.sort(key=lambda row: row[:2])
    found = []
    for key in chosen:
        mine, theirs = (rows.get((key.chamber_id, key.area_id, org), []) for org in (key.org_a, key.org_b))
        activities = [OverlapActivity(act[1], act[2], act[3], label_)
                      for side, other, label_ in ((mine, theirs, key.label_a), (theirs, mine, key.label_b))
                      for act in _overlapping(side, other, f.window_months)]
        activities.sort(key=lambda act: (act.start_date, act.id))
        found.append(Overlap(key.chamber, key.area, (key.label_a, key.label_b), activities))
    return total, found


def overlaps(f: CoordinationFilters) -> list[Overlap]:
    """Every overlap (overlap_page without a limit): the downloads'."""
    return overlap_page(f)[1]


@dataclass(frozen=True)
class ChamberWork:
    chamber_code: str
    organisation: str
    area_code: str
    activities: int


def work_by_chamber(f: CoordinationFilters, limit: int | None = None, offset: int = 0) -> tuple[int, list[ChamberWork]]:
    """(how many chambers in scope some organisation worked in, and per chamber from offset, at most limit of
    them, each organisation that worked there and, per area, the number of public activities it worked in with the
    chamber as a beneficiary). Summed from the stored facts (an activity has one year and type); ordered by
    chamber, organisation, area. Two grouped selects: the chambers, then the page's rows."""
    facts, org_label = CoordinationFact, label_of(Organisation)
    conditions = (*_fact_conditions(f), *_organisation_filter(f, facts.organisation_id))
    # per chamber a probe of the facts' key (the chamber leads it), rather than grouping every fact row
    worked = exists().where(facts.chamber_id == Chamber.id, *conditions)
    chambers = [chamber_id for (chamber_id,) in _run(select(Chamber.id).where(worked).order_by(Chamber.code), f)]
    shown = chambers[offset:] if limit is None else chambers[offset:offset + limit]
    if not shown:
        return len(chambers), []
    stmt = (select(Chamber.code, org_label, ActivityArea.code, func.sum(facts.activities))
            .join(Chamber, Chamber.id == facts.chamber_id).join(ActivityArea, ActivityArea.id == facts.area_id)
            .join(Organisation, Organisation.id == facts.organisation_id)
            .where(*conditions, facts.chamber_id.in_(shown))
            .group_by(Chamber.code, org_label, ActivityArea.code, ActivityArea.position)
            .order_by(Chamber.code, org_label, ActivityArea.position, ActivityArea.code))
    return len(chambers), [ChamberWork(code, org, area, int(count)) for code, org, area, count in _run(stmt, f)]


def by_chamber(rows: list[ChamberWork]) -> list[tuple[str, list[tuple[str, list[ChamberWork]]]]]:
    """work_by_chamber's rows nested for the page: per chamber, per organisation, its areas (grouped here once,
    not by the template's groupby filter twice per row)."""
    return [(chamber, [(org, list(areas)) for org, areas in groupby(chamber_rows, key=attrgetter("organisation"))])
            for chamber, chamber_rows in groupby(rows, key=attrgetter("chamber_code"))]


@dataclass(frozen=True)
class Unreached:
    chambers: int
    unreached: int


def chambers_reached_by_no_one(f: CoordinationFilters) -> Unreached:
    """The chambers in scope (existing in the period, of the region and income group) and how many of them no
    organisation worked in (as a beneficiary of a public activity matching the filters; the organisation filters
    do not apply: no one means no one). One select."""
    existing = existing_chambers(_coverage(f))
    reached = exists().where(CoordinationFact.chamber_id == existing.c.chamber_id, *_fact_conditions(f))
    stmt = select(func.count(), func.count().filter(~reached)).select_from(existing)
    return Unreached(*_run(stmt, f)[0])
