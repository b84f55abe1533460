"""Coverage aggregates: every number the dashboards, their CSV files and /api/v1/coverage show.

Each function answers one question with one grouped select and returns plain rows. Definitions
(scope.py has the two sets every query starts from):
- a chamber is REACHED in a period when it took part, as beneficiary, in a non-deleted activity
  (deleted_at IS NULL) that started in the period and matches the filters;
- the DENOMINATOR is the chambers that existed in the period (established <= end of period or unknown,
  ended >= start of period or still sitting), in the chosen region and income group, counted from the registry;
- supplying experts is not being reached: expert supply is counted separately (expert_supply).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, case, cast, distinct, func, select

from parliament_tracker.activities.models import Activity, ActivityArea
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.dashboards import facts
from parliament_tracker.dashboards.scope import (
    CoverageFilters,
    counted_participations,
    existing_chambers,
    has_chamber_conditions,
    year_of,
)
from parliament_tracker.dashboards.summary import activity_counts, chamber_area_pairs
from parliament_tracker.extensions import db


@dataclass(frozen=True)
class Headline:
    chambers_total: int
    chambers_reached: int
    countries_total: int
    countries_reached: int
    activities: int
    participants: int
    women: int
    participants_with_sex: int

    @property
    def share(self) -> float | None:
        return self.chambers_reached / self.chambers_total if self.chambers_total else None

    @property
    def women_share(self) -> float | None:
        return self.women / self.participants_with_sex if self.participants_with_sex else None


def reached_chambers(f: CoverageFilters):
    """Subquery (chamber_id): each chamber reached under f, once."""
    pairs = chamber_area_pairs(f)
    return select(pairs.c.chamber_id).distinct().subquery("reached")


def chamber_counts(f: CoverageFilters) -> tuple[int, int, int, int]:
    """(chambers in scope, chambers reached, countries with a chamber in scope, countries with one reached).
    A chamber reached in several areas or activities counts once."""
    existing, reached = existing_chambers(f), reached_chambers(f)
    reached_country = case((reached.c.chamber_id.is_not(None), existing.c.country_id))
    stmt = select(func.count(existing.c.chamber_id), func.count(reached.c.chamber_id),
                  func.count(distinct(existing.c.country_id)), func.count(distinct(reached_country))
                  ).select_from(existing.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
    return tuple(int(x or 0) for x in db.session.execute(stmt).one())


def activity_totals(f: CoverageFilters) -> tuple[int, int, int, int]:
    """(activities, participants, women, participants of the rows where women were counted).
    Activities: non-deleted activities started in the period matching the filters; when a region, income
    group or "confirmed only" leaves chambers out, only activities with a counted participation.
    Participants and women: summed over counted beneficiary participations."""
    pairs, counts = chamber_area_pairs(f), activity_counts(f)
    activities = select(func.coalesce(func.sum(counts.c.activities), 0)).scalar_subquery()
    sums = (func.coalesce(func.sum(pairs.c.participants), 0), func.coalesce(func.sum(pairs.c.women), 0),
            func.coalesce(func.sum(pairs.c.participants_with_sex), 0))
    stmt = select(activities, *sums).select_from(pairs)
    return tuple(int(x or 0) for x in db.session.execute(stmt).one())


def headline(f: CoverageFilters) -> Headline:
    """The headline figures under f (two selects: chambers, then activities and people)."""
    return Headline(*chamber_counts(f), *activity_totals(f))


@dataclass(frozen=True)
class AreaRow:
    area: str
    label: str
    chambers_reached: int
    activities: int
    participants: int


def coverage_by_area(f: CoverageFilters) -> list[AreaRow]:
    """Per area of work (every area, zeros included): distinct chambers reached, activities, participants.
    With an area filter the other areas show zero."""
    pairs, counts = chamber_area_pairs(f), activity_counts(f)
    people = select(pairs.c.area_id, func.count().label("chambers"),
                    func.sum(pairs.c.participants).label("participants")).group_by(pairs.c.area_id).subquery()
    acts = select(counts.c.area_id, func.sum(counts.c.activities).label("n")).group_by(counts.c.area_id).subquery()
    stmt = (select(ActivityArea.code, ActivityArea.label, func.coalesce(people.c.chambers, 0),
                   func.coalesce(acts.c.n, 0), func.coalesce(people.c.participants, 0))
            .outerjoin(people, people.c.area_id == ActivityArea.id).outerjoin(acts, acts.c.area_id == ActivityArea.id)
            .order_by(ActivityArea.position, ActivityArea.code))
    return [AreaRow(*row) for row in db.session.execute(stmt)]


def breadth(f: CoverageFilters) -> dict[int, int]:
    """Chambers in scope by the number of areas they were reached in: {0: never reached, 1: ..., n: all}."""
    existing, pairs = existing_chambers(f), chamber_area_pairs(f)
    per_chamber = (select(existing.c.chamber_id, func.count(pairs.c.area_id).label("areas"))
                   .select_from(existing.outerjoin(pairs, pairs.c.chamber_id == existing.c.chamber_id))
                   .group_by(existing.c.chamber_id).subquery())
    stmt = select(per_chamber.c.areas, func.count()).group_by(per_chamber.c.areas)
    counts = dict(db.session.execute(stmt).all())
    area_count = db.session.scalar(select(func.count(ActivityArea.id)))
    return {n: int(counts.get(n, 0)) for n in range(area_count + 1)}


def area_codes() -> list[str]:
    return list(db.session.scalars(select(ActivityArea.code).order_by(ActivityArea.position, ActivityArea.code)))


def chamber_area_matrix(f: CoverageFilters) -> list[dict]:
    """One row per chamber in scope: its country and classifications, the number of counted activities in
    each area (zeros included), the total and its breadth (areas reached)."""
    existing, pairs = existing_chambers(f), chamber_area_pairs(f)
    areas = db.session.execute(select(ActivityArea.id, ActivityArea.code).order_by(ActivityArea.position)).all()
    per_area = [func.coalesce(func.sum(case((pairs.c.area_id == area_id, pairs.c.activities), else_=0)), 0)
                .label(code) for area_id, code in areas]
    stmt = (select(Chamber.code, Chamber.name, Chamber.chamber_type, Country.name.label("country"), Country.iso3,
                   Country.m49_region, Country.m49_subregion, Country.income_group, *per_area,
                   func.coalesce(func.sum(pairs.c.activities), 0).label("total"),
                   func.count(pairs.c.area_id).label("breadth"))
            .select_from(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                         .join(Country, Country.id == existing.c.country_id)
                         .outerjoin(pairs, pairs.c.chamber_id == existing.c.chamber_id))
            .group_by(Chamber.id, Chamber.code, Chamber.name, Chamber.chamber_type, Country.name, Country.iso3,
                      Country.m49_region, Country.m49_subregion, Country.income_group)
            .order_by(Country.name, Chamber.code))
    return [dict(row._mapping) for row in db.session.execute(stmt)]


def coverage_by_country(f: CoverageFilters) -> list[dict]:
    """One row per country with a chamber in scope: chambers in scope, chambers reached, and the number of
    counted activities its chambers took part in (an activity with both chambers counts once: the sum of
    `country_first`, or, when a single chamber of the country is in scope, of that chamber's activities)."""
    existing, summary = existing_chambers(f), chamber_area_pairs(f)
    per_chamber = (select(summary.c.chamber_id, cast(func.sum(summary.c.activities), Integer).label("activities"),
                          cast(func.sum(summary.c.country_first), Integer).label("first"))
                   .group_by(summary.c.chamber_id).subquery("per_chamber"))
    activities = case((func.count(existing.c.chamber_id) == 1, func.sum(per_chamber.c.activities)),
                      else_=func.sum(per_chamber.c.first))
    stmt = (select(Country.iso3, Country.name.label("country"), Country.m49_region.label("region"),
                   func.count(existing.c.chamber_id).label("chambers_total"),
                   func.count(per_chamber.c.chamber_id).label("chambers_reached"),
                   func.coalesce(activities, 0).label("activities"))
            .select_from(existing.join(Country, Country.id == existing.c.country_id)
                         .outerjoin(per_chamber, per_chamber.c.chamber_id == existing.c.chamber_id))
            .group_by(Country.id, Country.iso3, Country.name, Country.m49_region).order_by(Country.name))
    return [dict(row._mapping) for row in db.session.execute(stmt)]


def chambers_never_reached(f: CoverageFilters) -> list[dict]:
    """The chambers in scope that no counted participation reached (under f: in its period, area, type,
    donor), with their country, region, subregion and income group: the gap list."""
    existing, reached = existing_chambers(f), reached_chambers(f)
    stmt = (select(Chamber.code, Chamber.name, Chamber.chamber_type, Chamber.status, Country.name.label("country"),
                   Country.iso3, Country.m49_region, Country.m49_subregion, Country.income_group)
            .select_from(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                         .join(Country, Country.id == existing.c.country_id)
                         .outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
            .where(reached.c.chamber_id.is_(None)).order_by(Country.m49_region, Country.name, Chamber.code))
    return [dict(row._mapping) for row in db.session.execute(stmt)]


def expert_supply(f: CoverageFilters) -> tuple[int, int]:
    """(chambers in scope that supplied experts, activities they supplied experts to) under f. Shown apart:
    supplying experts does not make a chamber reached."""
    if facts.serves(f) and not has_chamber_conditions(f):
        experts = facts.expert_rows(f)
        stmt = select(func.count(distinct(experts.c.chamber_id)), func.coalesce(func.sum(experts.c.expert_first), 0))
    else:
        counted = counted_participations(f, role="expert")
        stmt = select(func.count(distinct(counted.c.chamber_id)), func.count(distinct(counted.c.activity_id)))
    chambers, activities = db.session.execute(stmt).one()
    return int(chambers), int(activities)


def activity_years() -> tuple[int | None, int | None]:
    """The first and last year a non-deleted activity started in (for the period's defaults)."""
    years = year_of(Activity.start_date)
    low, high = db.session.execute(select(func.min(years), func.max(years)).where(Activity.deleted_at.is_(None))).one()
    return low, high
