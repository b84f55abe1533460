"""The whole coverage picture for one filter set, as plain JSON-ready data: what the pages, the CSV files and
/api/v1/coverage all show, so they cannot disagree. Every number comes from queries.py / breakdowns.py."""

from __future__ import annotations

from dataclasses import asdict, replace

from parliament_tracker.dashboards import breakdowns as b
from parliament_tracker.dashboards import queries as q
from parliament_tracker.dashboards.cache import cached
from parliament_tracker.dashboards.scope import CoverageFilters
from parliament_tracker.dashboards.summary import summarised


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _groups(rows, key: str, parent_key: str | None = None) -> list[dict]:
    out = []
    for r in rows:
        item = {key: r.group, "chambers_total": r.chambers_total, "chambers_reached": r.chambers_reached,
                "share": _share(r.chambers_reached, r.chambers_total)}
        if parent_key:
            item = {parent_key: r.parent, **item}
        out.append(item)
    return out


def _bicameral(rows: list[dict]) -> list[dict]:
    """Fold the per-chamber rows (one select, ordered by country) into one entry per country."""
    countries: dict[str, dict] = {}
    for r in rows:
        entry = countries.setdefault(r["iso3"], {"country": r["country"], "iso3": r["iso3"], "reached": [],
                                                 "not_reached": []})
        entry["reached" if r["reached"] else "not_reached"].append(r["code"])
    return list(countries.values())


def _trends(f: CoverageFilters, total: int) -> list[dict]:
    by_year_area = b.activities_by_year_and_area(f)
    first = b.first_reached_by_year(f)
    # without a start year, "first reached ever" and "first reached in the period" are the same count
    newly = first if f.year_from is None else b.newly_reached_in_period(f)
    years = sorted({y for y, _, _ in by_year_area} | set(first) | set(newly))
    if years:
        years = list(range(f.year_from or years[0], (f.year_to or years[-1]) + 1))
    out, running = [], 0
    for year in years:
        running += newly.get(year, 0)
        out.append({"year": year, "activities": {code: n for y, code, n in by_year_area if y == year},
                    "first_reached": first.get(year, 0), "newly_reached_in_period": newly.get(year, 0),
                    "cumulative_reached": running, "cumulative_share": _share(running, total)})
    return out


def _countries(f: CoverageFilters, matrix: list[dict], areas: list[str]) -> list[dict]:
    chambers: dict[str, list] = {}
    for row in matrix:
        chambers.setdefault(row["iso3"], []).append(
            {"code": row["code"], "name": row["name"], "areas": [a for a in areas if row[a]]})
    return [{**row, "share": _share(row["chambers_reached"], row["chambers_total"]),
             "chambers": chambers.get(row["iso3"], [])} for row in q.coverage_by_country(f)]


@cached
def coverage_report(f: CoverageFilters) -> dict:
    """Every figure of the coverage dashboards for f (see queries.py for what each number means). The counted
    participations are summed once, for the period and for all years before it (first reached), see summary.py."""
    with summarised():
        return _coverage_report(f)


def _coverage_report(f: CoverageFilters) -> dict:
    h = q.headline(f)
    areas = q.area_rows()
    matrix = q.chamber_area_matrix(f, areas)
    experts = q.expert_supply(f)
    groups = b.coverage_by_group(f)
    return {
        "filters": asdict(f),
        "chambers_total": h.chambers_total, "chambers_reached": h.chambers_reached,
        "share": _share(h.chambers_reached, h.chambers_total),
        "countries_total": h.countries_total, "countries_reached": h.countries_reached,
        "activities": h.activities, "participants": h.participants, "women": h.women,
        "women_share": _share(h.women, h.participants_with_sex),
        "expert_supply": {"chambers": experts[0], "activities": experts[1]},
        "by_area": [{**asdict(r), "chambers_total": h.chambers_total,
                     "share": _share(r.chambers_reached, h.chambers_total)} for r in q.coverage_by_area(f)],
        "breadth": [{"areas": n, "chambers": k} for n, k in q.breadth(f, areas).items()],
        "by_region": _groups(groups["region"], "region"),
        "by_subregion": _groups(groups["subregion"], "subregion", "region"),
        "by_income_group": _groups(groups["income_group"], "income_group"),
        "by_geopolitical_group": _groups(groups["geopolitical_group"], "group"),
        "bicameral_one_reached": _bicameral(b.bicameral_one_chamber_reached(f)),
        "trends": _trends(f, h.chambers_total),
        "countries": _countries(f, matrix, [code for _id, code in areas]),
        "recorded_years": list(q.activity_years()),
        "income_groups": q.income_groups_used(f),
    }


@cached
def matrix_report(f: CoverageFilters) -> dict:
    """The chamber-by-area matrix under f, with the area codes in display order."""
    areas = q.area_rows()
    return {"areas": [code for _id, code in areas], "rows": q.chamber_area_matrix(f, areas),
            "recorded_years": list(q.activity_years()), "income_groups": q.income_groups_used(f)}


@cached
def gaps_report(f: CoverageFilters) -> dict:
    """The chambers in scope not reached under f (the gap list), each with the date it was last reached at all
    (None: never) and, with an area chosen, the other areas it was reached in during the period; the chambers in
    scope (the denominator of "15 of 23 not reached")."""
    with summarised():
        gaps = q.chambers_never_reached(f)
        other = q.areas_reached_by_chamber(replace(f, area=None)) if f.area else {}
        last = q.last_reached([r["code"] for r in gaps])
        total = q.headline(f).chambers_total
    rows = [{**r, "last_reached": last.get(r["code"]), "other_areas": other.get(r["code"], [])} for r in gaps]
    return {"rows": rows, "chambers_total": total, "recorded_years": list(q.activity_years()),
            "income_groups": q.income_groups_used(f)}
