"""Coverage by group (the digital-divide lens) and over time; same definitions as queries.py.

Every group row carries its own denominator: the chambers in scope (existing in the period, see scope.py)
whose country belongs to the group. Unreached groups appear with zero reached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import distinct, func, select

from parliament_tracker.activities.models import ActivityArea
from parliament_tracker.chambers.models import Chamber, Country, GeopoliticalGroup, country_groups
from parliament_tracker.dashboards.queries import reached_chambers
from parliament_tracker.dashboards.scope import CoverageFilters, existing_chambers
from parliament_tracker.dashboards.summary import activity_counts, chamber_area_pairs
from parliament_tracker.extensions import db


@dataclass(frozen=True)
class GroupRow:
    group: str
    parent: str
    chambers_total: int
    chambers_reached: int

    @property
    def share(self) -> float | None:
        return self.chambers_reached / self.chambers_total if self.chambers_total else None


def _coverage_grouped(f: CoverageFilters, label, parent=None, extra_join=None) -> list[GroupRow]:
    existing, reached = existing_chambers(f), reached_chambers(f)
    source = existing.join(Country, Country.id == existing.c.country_id)
    if extra_join is not None:
        source = extra_join(source)
    keys = (label,) if parent is None else (parent, label)
    stmt = (select(*keys, func.count(distinct(existing.c.chamber_id)), func.count(distinct(reached.c.chamber_id)))
            .select_from(source.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
            .group_by(*keys).order_by(*keys))
    rows = db.session.execute(stmt).all()
    if parent is None:
        return [GroupRow(name or "", "", int(total), int(hit)) for name, total, hit in rows]
    return [GroupRow(name or "", up or "", int(total), int(hit)) for up, name, total, hit in rows]


def coverage_by_region(f: CoverageFilters) -> list[GroupRow]:
    """Per UN M49 region: chambers in scope, chambers reached."""
    return _coverage_grouped(f, Country.m49_region)


def coverage_by_subregion(f: CoverageFilters) -> list[GroupRow]:
    """Per UN M49 subregion (parent: its region): chambers in scope, chambers reached."""
    return _coverage_grouped(f, Country.m49_subregion, Country.m49_region)


def coverage_by_income_group(f: CoverageFilters) -> list[GroupRow]:
    """Per World Bank income group (empty when unclassified): chambers in scope, chambers reached."""
    return _coverage_grouped(f, Country.income_group)


def coverage_by_geopolitical_group(f: CoverageFilters) -> list[GroupRow]:
    """Per IPU geopolitical group: chambers in scope, reached. A country in two groups counts in both;
    countries in no group are left out."""
    def join_groups(source):
        return source.join(country_groups, country_groups.c.country_id == Country.id).join(
            GeopoliticalGroup, GeopoliticalGroup.id == country_groups.c.group_id)
    return _coverage_grouped(f, GeopoliticalGroup.name, extra_join=join_groups)


def bicameral_one_chamber_reached(f: CoverageFilters) -> list[dict]:
    """The chambers of the countries where two or more chambers were in scope and exactly one was reached,
    each with `reached` true or false (one select; rows ordered by country)."""
    existing, reached = existing_chambers(f), reached_chambers(f)
    per_country = (select(existing.c.country_id)
                   .select_from(existing.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
                   .group_by(existing.c.country_id)
                   .having(func.count(existing.c.chamber_id) >= 2, func.count(reached.c.chamber_id) == 1))
    stmt = (select(Country.name.label("country"), Country.iso3, Chamber.code, Chamber.name, Chamber.chamber_type,
                   reached.c.chamber_id.is_not(None).label("reached"))
            .select_from(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                         .join(Country, Country.id == existing.c.country_id)
                         .outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
            .where(existing.c.country_id.in_(per_country)).order_by(Country.name, Chamber.code))
    return [dict(row._mapping) for row in db.session.execute(stmt)]


def activities_by_year_and_area(f: CoverageFilters) -> list[tuple[int, str, int]]:
    """(year, area code, activities started that year in that area) under f; years without any are absent.
    When a region, income group or "confirmed only" leaves chambers out, only activities that reached one."""
    counts = activity_counts(f)
    stmt = (select(counts.c.year, ActivityArea.code, counts.c.activities)
            .join(ActivityArea, ActivityArea.id == counts.c.area_id))
    return sorted((int(y), code, int(n)) for y, code, n in db.session.execute(stmt))


def _first_years(f: CoverageFilters) -> dict[int, int]:
    pairs = chamber_area_pairs(f)
    first = select(func.min(pairs.c.first_year).label("first")).group_by(pairs.c.chamber_id).subquery()
    stmt = select(first.c.first, func.count()).group_by(first.c.first)
    return {int(y): int(n) for y, n in db.session.execute(stmt)}


def first_reached_by_year(f: CoverageFilters) -> dict[int, int]:
    """{year: chambers reached for the first time ever that year} for the years of the period: "first" looks
    at all earlier years too, with the other filters unchanged."""
    counts = _first_years(replace(f, year_from=None))
    return {y: n for y, n in counts.items() if f.year_from is None or y >= f.year_from}


def newly_reached_in_period(f: CoverageFilters) -> dict[int, int]:
    """{year: chambers whose first counted participation within the period is that year}; their running
    total is the cumulative coverage, which ends at the headline's chambers_reached."""
    return _first_years(f)
