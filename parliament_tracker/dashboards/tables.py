"""The matrix and gap tables, and the header and rows of every table's download."""

from __future__ import annotations

from flask import abort

from parliament_tracker.dashboards.panels import Panel, coverage_panels
from parliament_tracker.dashboards.report import coverage_report, gaps_report, matrix_report
from parliament_tracker.dashboards.scope import CoverageFilters
from parliament_tracker.labels import label

MATRIX_LEAD = ["code", "chamber", "chamber_type", "country", "region", "income_group"]
GAPS_HEADER = ["code", "chamber", "chamber_type", "status", "country", "region", "subregion", "income_group"]


def matrix_table(report: dict, areas: dict[str, str], sort: str | None = None, descending: bool = False) -> Panel:
    """One row per chamber: its activities in each area, the total and its breadth, sorted by any column."""
    codes = report["areas"]
    header = MATRIX_LEAD + codes + ["total", "breadth"]
    rows = [[r["code"], r["name"], label("chamber_type", r["chamber_type"]), r["country"], r["m49_region"],
             label("income_group", r["income_group"]), *[int(r[c] or 0) for c in codes], int(r["total"]),
             int(r["breadth"])] for r in report["rows"]]
    if sort in header:
        i = header.index(sort)
        rows.sort(key=lambda row: (row[i] is None, row[i]), reverse=descending)
    return Panel("matrix", "", header, rows)


def gaps_table(rows: list[dict]) -> Panel:
    """The chambers never reached under the filters, with their classifications."""
    return Panel("gaps", "", GAPS_HEADER, [
        [r["code"], r["name"], label("chamber_type", r["chamber_type"]), label("status", r["status"]), r["country"],
         r["m49_region"], r["m49_subregion"], label("income_group", r["income_group"])] for r in rows])


def csv_rows(name: str, filters: CoverageFilters, areas: dict[str, str]) -> tuple[list[str], list[list]]:
    """The header and rows of the named chart or table under filters; 404 for an unknown name."""
    if name == "matrix":
        table = matrix_table(matrix_report(filters), areas)
    elif name == "gaps":
        table = gaps_table(gaps_report(filters))
    else:
        table = coverage_panels(coverage_report(filters), areas).get(name) or abort(404)
    return table.header, table.rows

