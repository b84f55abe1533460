"""The hand-written SQL baseline: the headline of a coverage question (chambers in scope and reached, activities,
participants, women) written by hand over the base tables, the best single statement for it on both databases.
The benchmark times it beside the app's /api/v1/coverage on the same data and checks both give the same numbers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from parliament_tracker.extensions import db


def headline_sql(f: dict) -> tuple[str, dict]:
    """f: the API's query parameters (from, to, area, type, region, income_group, donor, confirmed)."""
    params, scope, group, acts, counted = {}, [], [], ["a.deleted_at IS NULL"], ["p.role = 'beneficiary'"]
    if f.get("from"):
        params["start"] = dt.date(int(f["from"]), 1, 1)
        scope.append("(c.ended IS NULL OR c.ended >= :start)")
        acts.append("a.start_date >= :start")
    if f.get("to"):
        params["end"] = dt.date(int(f["to"]), 12, 31)
        scope.append("(c.established IS NULL OR c.established <= :end)")
        acts.append("a.start_date <= :end")
    # the income group of the period's last fiscal year, today's where the history has none (as the app)
    params["income_year"] = int(f["to"]) if f.get("to") else dt.date.today().year
    income = ("coalesce((SELECT h.income_group FROM country_income_groups h WHERE h.country_id = k.id "
              "AND h.fiscal_year = :income_year), k.income_group)")
    for key, column in (("region", "k.m49_region"), ("income_group", income)):
        if f.get(key):
            params[key] = f[key]
            scope.append(f"{column} = :{key}")
            group.append(f"{column} = :{key}")
    if f.get("area"):
        params["area"] = f["area"]
        acts.append("a.area_id = (SELECT id FROM activity_areas WHERE code = :area)")
    if f.get("type"):
        params["type"] = f["type"]
        acts.append("a.activity_type = :type")
    if f.get("donor"):
        params["donor"] = int(f["donor"])
        acts.append("(a.lead_organisation_id = :donor OR a.id IN (SELECT activity_id FROM activity_partners "
                    "WHERE organisation_id = :donor))")
    if f.get("confirmed"):
        counted.append("p.status = 'confirmed'")
    narrowed = bool(f.get("region") or f.get("income_group") or f.get("confirmed"))
    where = lambda conditions: " AND ".join(conditions) or "1 = 1"  # noqa: E731
    counted_from = f"participations p JOIN activities a ON a.id = p.activity_id WHERE {where(acts + counted)}"
    in_scope = ("SELECT c.id FROM chambers c JOIN countries k ON k.id = c.country_id "
                f"WHERE {where(scope)}")
    in_group = f"SELECT c.id FROM chambers c JOIN countries k ON k.id = c.country_id WHERE {where(group)}"
    # activities reaching the region / income group count its chambers' participations whatever their dates;
    # "+p.chamber_id": tested on each activity's entries, not probed through the chamber index per chamber
    activities = (f"(SELECT count(DISTINCT p.activity_id) FROM {counted_from} AND +p.chamber_id IN ({in_group}))"
                  if narrowed else f"(SELECT count(*) FROM activities a WHERE {where(acts)})")
    sql = f"""
        SELECT (SELECT count(*) FROM ({in_scope}) s), reach.chambers, {activities}, reach.participants, reach.women
        FROM (SELECT count(DISTINCT p.chamber_id) AS chambers, coalesce(sum(p.participants), 0) AS participants,
                     coalesce(sum(p.women), 0) AS women
              FROM {counted_from} AND +p.chamber_id IN ({in_scope})) reach"""
    return sql, params


def headline(f: dict) -> tuple[int, ...]:
    sql, params = headline_sql(f)
    return tuple(int(v) for v in db.session.execute(text(sql), params).one())


def of_report(report: dict) -> tuple[int, ...]:
    return (report["chambers_total"], report["chambers_reached"], report["activities"], report["participants"],
            report["women"])
