"""Coverage by group (the digital-divide lens) and over time; same definitions as queries.py.

Every group row carries its own denominator: the chambers in scope (existing in the period, see scope.py)
whose country belongs to the group. Unreached groups appear with zero reached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Integer, distinct, func, literal, select, union_all

from parliament_tracker.activities.models import ActivityArea
from parliament_tracker.chambers.models import Chamber, Country, GeopoliticalGroup, country_groups
from parliament_tracker.dashboards.queries import reached_chambers
from parliament_tracker.dashboards.scope import (
    CoverageFilters,
    existing_chambers,
    income_group_then,
    join_income_history,
    per_shape,
    records,
    rows,
)
from parliament_tracker.dashboards.summary import activity_counts, chamber_area_pairs


@dataclass(frozen=True)
class GroupRow:
    group: str
    parent: str
    chambers_total: int
    chambers_reached: int

    @property
    def share(self) -> float | None:
        return self.chambers_reached / self.chambers_total if self.chambers_total else None


# the digital-divide lens: (name, grouping column, its parent column or None, whether it needs the IPU groups)
GROUPINGS = (("region", Country.m49_region, None, False),
             ("subregion", Country.m49_subregion, Country.m49_region, False),
             ("income_group", income_group_then(), None, False),
             ("geopolitical_group", GeopoliticalGroup.name, None, True))


@per_shape
def _by_group(f: CoverageFilters, pairs):
    existing, reached = existing_chambers(f), reached_chambers(pairs)
    in_scope = join_income_history(existing.join(Country, Country.id == existing.c.country_id))
    with_groups = in_scope.join(country_groups, country_groups.c.country_id == Country.id).join(
        GeopoliticalGroup, GeopoliticalGroup.id == country_groups.c.group_id)
    parts = []
    for position, (_name, column, parent, needs_groups) in enumerate(GROUPINGS):
        keys = (column,) if parent is None else (parent, column)
        source = with_groups if needs_groups else in_scope
        parts.append(select(literal(position, Integer).label("grouping"),
                            (literal("") if parent is None else func.coalesce(parent, "")).label("parent"),
                            func.coalesce(column, "").label("name"),
                            func.count(distinct(existing.c.chamber_id)).label("total"),
                            func.count(distinct(reached.c.chamber_id)).label("reached"))
                     .select_from(source.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
                     .group_by(*keys))
    groups = union_all(*parts).subquery("groups")
    return select(groups).order_by(groups.c.grouping, groups.c.parent, groups.c.name)


def coverage_by_group(f: CoverageFilters) -> dict[str, list[GroupRow]]:
    """{grouping: rows} for each of GROUPINGS (one select): per UN M49 region; per subregion (parent: its region);
    per World Bank income group in the period's last fiscal year (today's where the history has none; empty name
    when unclassified); per IPU geopolitical group (a country in two
    groups counts in both, countries in no group are left out). Each row: chambers in scope, chambers reached."""
    out: dict[str, list[GroupRow]] = {name: [] for name, *_ in GROUPINGS}
    for grouping, parent, name, total, hit in rows(_by_group(f, chamber_area_pairs(f)), f):
        out[GROUPINGS[grouping][0]].append(GroupRow(name, parent, int(total), int(hit)))
    return out


def coverage_by_region(f: CoverageFilters) -> list[GroupRow]:
    """Per UN M49 region: chambers in scope, chambers reached."""
    return coverage_by_group(f)["region"]


def coverage_by_subregion(f: CoverageFilters) -> list[GroupRow]:
    """Per UN M49 subregion (parent: its region): chambers in scope, chambers reached."""
    return coverage_by_group(f)["subregion"]


def coverage_by_income_group(f: CoverageFilters) -> list[GroupRow]:
    """Per World Bank income group (empty when unclassified): chambers in scope, chambers reached."""
    return coverage_by_group(f)["income_group"]


def coverage_by_geopolitical_group(f: CoverageFilters) -> list[GroupRow]:
    """Per IPU geopolitical group: chambers in scope, reached. A country in two groups counts in both;
    countries in no group are left out."""
    return coverage_by_group(f)["geopolitical_group"]


@per_shape
def _bicameral(f: CoverageFilters, pairs):
    existing, reached = existing_chambers(f), reached_chambers(pairs)
    per_country = (select(existing.c.country_id)
                   .select_from(existing.outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
                   .group_by(existing.c.country_id)
                   .having(func.count(existing.c.chamber_id) >= 2, func.count(reached.c.chamber_id) == 1))
    return (select(Country.name.label("country"), Country.iso3, Chamber.code, Chamber.name, Chamber.chamber_type,
                   reached.c.chamber_id.is_not(None).label("reached"))
            .select_from(existing.join(Chamber, Chamber.id == existing.c.chamber_id)
                         .join(Country, Country.id == existing.c.country_id)
                         .outerjoin(reached, reached.c.chamber_id == existing.c.chamber_id))
            .where(existing.c.country_id.in_(per_country)).order_by(Country.name, Chamber.code))


def bicameral_one_chamber_reached(f: CoverageFilters) -> list[dict]:
    """The chambers of the countries where two or more chambers were in scope and exactly one was reached,
    each with `reached` true or false (one select; rows ordered by country)."""
    return records(_bicameral(f, chamber_area_pairs(f)), f)


@per_shape
def _by_year_and_area(f: CoverageFilters, counts):
    return (select(counts.c.year, ActivityArea.code, counts.c.activities)
            .join(ActivityArea, ActivityArea.id == counts.c.area_id))


def activities_by_year_and_area(f: CoverageFilters) -> list[tuple[int, str, int]]:
    """(year, area code, activities started that year in that area) under f; years without any are absent.
    When a region, income group or "confirmed only" leaves chambers out, only activities that reached one."""
    return sorted((int(y), code, int(n)) for y, code, n in rows(_by_year_and_area(f, activity_counts(f)), f))


@per_shape
def _first_years_statement(f: CoverageFilters, pairs):
    first = select(func.min(pairs.c.first_year).label("first")).group_by(pairs.c.chamber_id).subquery()
    return select(first.c.first, func.count()).group_by(first.c.first)


def _first_years(f: CoverageFilters, shared: bool = True) -> dict[int, int]:
    return {int(y): int(n) for y, n in rows(_first_years_statement(f, chamber_area_pairs(f, shared)), f)}


def first_reached_by_year(f: CoverageFilters) -> dict[int, int]:
    """{year: chambers reached for the first time ever that year} for the years of the period: "first" looks
    at all earlier years too, with the other filters unchanged."""
    # with a start year, the pairs of all years before it too are read by this query alone
    counts = _first_years(replace(f, year_from=None), shared=f.year_from is None)
    return {y: n for y, n in counts.items() if f.year_from is None or y >= f.year_from}


def newly_reached_in_period(f: CoverageFilters) -> dict[int, int]:
    """{year: chambers whose first counted participation within the period is that year}; their running
    total is the cumulative coverage, which ends at the headline's chambers_reached."""
    return _first_years(f)
