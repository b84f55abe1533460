"""GET /api/v1/coverage (the whole report), /api/v1/coverage/matrix and /api/v1/coverage/gaps (paged): the
coverage figures for a filter set, from the same reports as the dashboard, its matrix and its gap list."""

from __future__ import annotations

from parliament_tracker.api import bp
from parliament_tracker.api.access import errors, open_data, revalidated
from parliament_tracker.api.schemas import coverage as s
from parliament_tracker.api.schemas.common import page_of
from parliament_tracker.dashboards.choices import filter_choices
from parliament_tracker.dashboards.forms import CoverageFilterForm
from parliament_tracker.dashboards.report import coverage_report, gaps_report, matrix_report
from parliament_tracker.errors import json_error

IN_SCOPE = tuple(s.ChamberInScope().fields)


def read_filters():
    """The filter set of the query string, checked against what exists (areas, donors, the period's order) by
    the dashboard's own form; (None, the 400 answer) when a value is not allowed."""
    form = CoverageFilterForm()
    form.set_choices(filter_choices())
    if not form.validate():
        return None, json_error(400, "Invalid query parameters.",
                                {getattr(form, name).name: errors for name, errors in form.errors.items()})
    return form.filters(), None


@bp.get("/api/v1/coverage", tags=["coverage"])
@open_data
@revalidated
@errors(400)
@bp.arguments(s.CoverageQuery, location="query", as_kwargs=True)
@bp.response(200, s.CoverageReport)
def coverage(**_query):
    """Every coverage figure for the filters: headline, areas, breadth, regions, subregions, income groups, IPU
    groups, bicameral parliaments with one chamber reached, trends by year and countries."""
    filters, refused = read_filters()
    return refused or coverage_report(filters)


@bp.get("/api/v1/coverage/matrix", tags=["coverage"])
@open_data
@revalidated
@errors(400)
@bp.arguments(s.CoveragePageQuery, location="query", as_kwargs=True)
@bp.response(200, s.MatrixPage)
def coverage_matrix(page: int, per_page: int, **_query):
    """One row per chamber in scope: its counted activities in each area, their total and its breadth."""
    filters, refused = read_filters()
    if refused:
        return refused
    report = matrix_report(filters)
    rows = [{**{k: r[k] for k in IN_SCOPE}, "areas": {a: r[a] for a in report["areas"]}, "total": r["total"],
             "breadth": r["breadth"]} for r in report["rows"]]
    return {**page_of("rows", rows, page, per_page), "areas": report["areas"],
            "recorded_years": report["recorded_years"], "income_groups": report["income_groups"]}


@bp.get("/api/v1/coverage/gaps", tags=["coverage"])
@open_data
@revalidated
@errors(400)
@bp.arguments(s.CoveragePageQuery, location="query", as_kwargs=True)
@bp.response(200, s.GapPage)
def coverage_gaps(page: int, per_page: int, **_query):
    """The chambers in scope that nothing counted reached (the gap list), by region and country."""
    filters, refused = read_filters()
    if refused:
        return refused
    report = gaps_report(filters)
    return {**page_of("rows", report["rows"], page, per_page), "chambers_total": report["chambers_total"],
            "recorded_years": report["recorded_years"], "income_groups": report["income_groups"]}
