"""Coverage aggregates: every number the dashboards, their CSV files and /api/v1/coverage show.

Each function answers one question with one grouped select (built once per filter shape: scope.py) and returns
plain rows. Definitions (scope.py has the two sets every query starts from):
- a chamber is REACHED in a period when it took part, as beneficiary, in a non-deleted activity
  (deleted_at IS NULL) that started in the period and matches the filters;
- the DENOMINATOR is the chambers that existed in the period (established <= end of period or unknown,
  ended >= start of period or still sitting), in the chosen region and income group, counted from the registry;
- supplying experts is not being reached: expert supply is counted separately (expert_supply).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, and_, case, cast, distinct, func, select

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.dashboards.scope import (
    INCOME_THEN,
    INCOME_YEAR,
    CoverageFilters,
    counted_participations,
    existing_chambers,
    income_group_then,
    income_year,
    join_income_history,
    per_shape,
    records,
    recounting_now,
    rows,
)
from parliament_tracker.dashboards.summary import (
    activity_counts,
    chamber_area_pairs,
    expert_rows,
    groups_as_stored,
    income_changes,
)
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


def reached_chambers(pairs):
    """Subquery (chamber_id): each chamber with a row in pairs (chamber_area_pairs: the chambers reached), once."""
    return select(pairs.c.chamber_id).distinct().subquery("reached")


@per_shape
def _headline(f: CoverageFilters, pairs, counts):
    existing, reached = existing_chambers(f), reached_chambers(pairs)
    reached_country = case((reached.c.chamber_id.is_not(None), existing.c.country_id))

    def total(column):
        return select(func.coalesce(func.sum(column), 0)).scalar_subquery()

    return (select(func.count(existing.c.chamber_id), func.count(reached.c.chamber_id),
                   func.count(distinct(existing.c.country_id)), func.count(distinct(reached_country)),
                   total(counts.c.activities), total(pairs.c.participants), total(pairs.c.women),
                   total(pairs.c.participants_with_sex))
            .select_from(existing.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id)))


def headline(f: CoverageFilters) -> Headline:
    """The headline figures under f, in one select.
    Chambers in scope, chambers reached, countries with a chamber in scope, countries with one reached: a chamber
    reached in several areas or activities counts once.
    Activities: non-deleted activities started in the period matching the filters; when a region, income group or
    "confirmed only" leaves chambers out, only activities in which a chamber of the region and income group took
    part (confirmed, with "confirmed only"), whatever that chamber's recorded dates (scope.chamber_in_group).
    Participants and women (and the participants of the rows where women were counted): summed over counted
    beneficiary participations."""
    row = rows(_headline(f, chamber_area_pairs(f), activity_counts(f)), f)[0]
    return Headline(*(int(x or 0) for x in row))


@dataclass(frozen=True)
class AreaRow:
    area: str
    label: str
    chambers_reached: int
    activities: int
    participants: int


@per_shape
def _by_area(f: CoverageFilters, pairs, counts):
    people = select(pairs.c.area_id, func.count().label("chambers"),
                    func.sum(pairs.c.participants).label("participants")).group_by(pairs.c.area_id).subquery()
    acts = select(counts.c.area_id, func.sum(counts.c.activities).label("n")).group_by(counts.c.area_id).subquery()
    return (select(ActivityArea.code, ActivityArea.label, func.coalesce(people.c.chambers, 0),
                   func.coalesce(acts.c.n, 0), func.coalesce(people.c.participants, 0))
            .outerjoin(people, people.c.area_id == ActivityArea.id).outerjoin(acts, acts.c.area_id == ActivityArea.id)
            .order_by(ActivityArea.position, ActivityArea.code))


def coverage_by_area(f: CoverageFilters) -> list[AreaRow]:
    """Per area of work (every area, zeros included): distinct chambers reached, activities, participants.
    With an area filter the other areas show zero."""
    return [AreaRow(*row) for row in rows(_by_area(f, chamber_area_pairs(f), activity_counts(f)), f)]


@per_shape
def _breadth(f: CoverageFilters, pairs):
    existing = existing_chambers(f)
    per_chamber = (select(existing.c.chamber_id, func.count(pairs.c.area_id).label("areas"))
                   .select_from(existing.outerjoin(pairs, pairs.c.chamber_id == existing.c.chamber_id))
                   .group_by(existing.c.chamber_id).subquery())
    return select(per_chamber.c.areas, func.count()).group_by(per_chamber.c.areas)


def breadth(f: CoverageFilters, areas: list[tuple[int, str]] | None = None) -> dict[int, int]:
    """Chambers in scope by the number of areas they were reached in: {0: never reached, 1: ..., n: all}.
    areas: area_rows(), when the caller has them already."""
    counts = dict(rows(_breadth(f, chamber_area_pairs(f)), f))
    return {n: int(counts.get(n, 0)) for n in range(len(areas or area_rows()) + 1)}


_AREA_ROWS = select(ActivityArea.id, ActivityArea.code).order_by(ActivityArea.position, ActivityArea.code)


def area_rows() -> list[tuple[int, str]]:
    """(id, code) of every area of work, in display order."""
    return [tuple(row) for row in db.session.execute(_AREA_ROWS).all()]


@per_shape
def _matrix(f: CoverageFilters, pairs, areas: tuple[tuple[int, str], ...]):
    existing = existing_chambers(f)
    per_area = [func.coalesce(func.sum(case((pairs.c.area_id == area_id, pairs.c.activities), else_=0)), 0)
                .label(code) for area_id, code in areas]
    income = income_group_then()
    return (select(Chamber.code, Chamber.name, Chamber.official_names, Chamber.chamber_type, Chamber.status,
                   Country.name.label("country"), Country.iso2, Country.iso3, Country.m49_region, Country.m49_subregion,
                   income.label("income_group"), *per_area,
                   func.coalesce(func.sum(pairs.c.activities), 0).label("total"),
                   func.count(pairs.c.area_id).label("breadth"))
            .select_from(join_income_history(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                                             .join(Country, Country.id == existing.c.country_id))
                         .outerjoin(pairs, pairs.c.chamber_id == existing.c.chamber_id))
            .group_by(Chamber.id, Chamber.code, Chamber.name, Chamber.official_names, Chamber.chamber_type,
                      Chamber.status, Country.name, Country.iso2, Country.iso3, Country.m49_region,
                      Country.m49_subregion, income)
            .order_by(Country.name, Chamber.code))


def chamber_area_matrix(f: CoverageFilters, areas: list[tuple[int, str]] | None = None) -> list[dict]:
    """One row per chamber in scope: its status, country and classifications, the number of counted activities in
    each area (zeros included), the total and its breadth (areas reached). areas: area_rows(), when known."""
    stmt = _matrix(f, chamber_area_pairs(f), tuple(areas or area_rows()))
    return records(stmt, f)


@per_shape
def _by_country(f: CoverageFilters, pairs):
    existing = existing_chambers(f)
    per_chamber = (select(pairs.c.chamber_id, cast(func.sum(pairs.c.activities), Integer).label("activities"),
                          cast(func.sum(pairs.c.country_first), Integer).label("first"))
                   .group_by(pairs.c.chamber_id).subquery("per_chamber"))
    activities = case((func.count(existing.c.chamber_id) == 1, func.sum(per_chamber.c.activities)),
                      else_=func.sum(per_chamber.c.first))
    return (select(Country.iso3, Country.name.label("country"), Country.m49_region.label("region"),
                   func.count(existing.c.chamber_id).label("chambers_total"),
                   func.count(per_chamber.c.chamber_id).label("chambers_reached"),
                   func.coalesce(activities, 0).label("activities"))
            .select_from(existing.join(Country, Country.id == existing.c.country_id)
                         .outerjoin(per_chamber, per_chamber.c.chamber_id == existing.c.chamber_id))
            .group_by(Country.id, Country.iso3, Country.name, Country.m49_region).order_by(Country.name))


def coverage_by_country(f: CoverageFilters) -> list[dict]:
    """One row per country with a chamber in scope: chambers in scope, chambers reached, and the number of
    counted activities its chambers took part in (an activity with both chambers counts once: the sum of
    `country_first`, or, when a single chamber of the country is in scope, of that chamber's activities)."""
    return records(_by_country(f, chamber_area_pairs(f)), f)


@per_shape
def _never_reached(f: CoverageFilters, pairs):
    existing, reached = existing_chambers(f), reached_chambers(pairs)
    return (select(Chamber.code, Chamber.name, Chamber.official_names, Chamber.chamber_type, Chamber.status,
                   Country.name.label("country"), Country.iso2, Country.iso3, Country.m49_region,
                   Country.m49_subregion, income_group_then().label("income_group"))
            .select_from(join_income_history(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                                             .join(Country, Country.id == existing.c.country_id))
                         .outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
            .where(reached.c.chamber_id.is_(None)).order_by(Country.m49_region, Country.name, Chamber.code))


def chambers_never_reached(f: CoverageFilters) -> list[dict]:
    """The chambers in scope that no counted participation reached (under f: in its period, area, type,
    donor), with their country, region, subregion and income group: the gap list."""
    return records(_never_reached(f, chamber_area_pairs(f)), f)


@per_shape
def _expert_supply(f: CoverageFilters, source: str):
    if source == "recount":
        chambers = counted_participations(f, role="expert")
        activities = counted_participations(f, role="expert", group_only=True)
        return select(select(func.count(distinct(chambers.c.chamber_id))).scalar_subquery(),
                      select(func.count(distinct(activities.c.activity_id))).scalar_subquery())
    chambers = expert_rows(f)
    if source == "facts":
        activities = expert_rows(f, group_only=True)
        total = select(func.coalesce(func.sum(activities.c.expert_first), 0))
    else:  # an income group whose countries that fiscal year were not today's: see summary.groups_as_stored
        table, column, conditions = income_changes(f, role="expert")
        total = select(func.coalesce(func.sum(column), 0)).where(*conditions)
    return select(select(func.count(distinct(chambers.c.chamber_id))).scalar_subquery(), total.scalar_subquery())


def expert_supply(f: CoverageFilters) -> tuple[int, int]:
    """(chambers in scope that supplied experts, activities to which chambers of the region and income group
    supplied experts: scope.chamber_in_group) under f. Shown apart: supplying experts does not make a chamber
    reached."""
    source = "recount" if recounting_now() else "facts" if groups_as_stored(f) else "income_changes"
    chambers, activities = rows(_expert_supply(f, source), f)[0]
    return int(chambers), int(activities)


def activity_years() -> tuple[int | None, int | None]:
    """The first and last year a non-deleted activity started in (for the period's defaults)."""
    # min/max of the date itself (not of its year) are two probes of the (deleted_at, start_date) index
    low, high = db.session.execute(_ACTIVITY_DATES).one()
    return (low.year if low else None), (high.year if high else None)


# one scalar subquery each: SQLite answers a lone min() or max() from the index, but both in one select by a scan
# (35 ms at ten times today's data)
_ACTIVITY_DATES = select(*(select(bound(Activity.start_date)).where(Activity.deleted_at.is_(None)).scalar_subquery()
                           for bound in (func.min, func.max)))


def last_reached(codes: list[str]) -> dict[str, object]:
    """{chamber code: the start date of the latest non-deleted activity it took part in as a beneficiary, in any
    area, period, type or donor} for the chambers named; a chamber never reached at all is absent."""
    if not codes:
        return {}
    stmt = (select(Chamber.code, func.max(Activity.start_date))
            .join(Participation, Participation.chamber_id == Chamber.id)
            .join(Activity, Activity.id == Participation.activity_id)
            .where(Chamber.code.in_(codes), Participation.role == "beneficiary", Activity.deleted_at.is_(None))
            .group_by(Chamber.code))
    return {code: (day if not isinstance(day, str) else dt.date.fromisoformat(day))
            for code, day in db.session.execute(stmt)}


def areas_reached_by_chamber(f: CoverageFilters) -> dict[str, list[str]]:
    """{chamber code: codes of the areas it was reached in under f, in display order} (chambers reached only)."""
    pairs = chamber_area_pairs(f, shared=False)
    stmt = _areas_by_chamber(f, pairs)
    out: dict[str, list[str]] = {}
    for code, area in rows(stmt, f):
        out.setdefault(code, []).append(area)
    return out


@per_shape
def _areas_by_chamber(f: CoverageFilters, pairs):
    return (select(Chamber.code, ActivityArea.code).join(pairs, pairs.c.chamber_id == Chamber.id)
            .join(ActivityArea, ActivityArea.id == pairs.c.area_id)
            .order_by(Chamber.code, ActivityArea.position, ActivityArea.code))


@per_shape
def _income_history_used(f: CoverageFilters):
    existing = existing_chambers(f)
    countries = select(existing.c.country_id).distinct().subquery("countries")
    return (select(func.count(countries.c.country_id), func.count(INCOME_THEN.c.country_id))
            .select_from(countries.outerjoin(INCOME_THEN, and_(INCOME_THEN.c.country_id == countries.c.country_id,
                                                                INCOME_THEN.c.fiscal_year == INCOME_YEAR))))


def income_groups_used(f: CoverageFilters) -> dict:
    """Which income groups f's figures use: the fiscal year (the period's last), how many countries in scope have a
    recorded group that year (`known`) and how many fall back to today's (`fallback`)."""
    total, known = rows(_income_history_used(f), f)[0]
    return {"fiscal_year": income_year(f), "known": int(known), "fallback": int(total) - int(known)}
