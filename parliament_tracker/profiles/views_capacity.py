"""The public ICT capacity page (aggregates only): charts with their tables, and the tables as CSV or XLSX."""

from flask import abort, render_template, request

from parliament_tracker.auth.permissions import public_unless_disabled
from parliament_tracker.downloads import FORMATS, Metadata, table_response
from parliament_tracker.profiles import capacity as panels
from parliament_tracker.profiles import queries
from parliament_tracker.profiles.views import bp
from parliament_tracker.settings import dashboards_are_public


@bp.get("/capacity")
@public_unless_disabled(dashboards_are_public)
def capacity():
    minimum = queries.MIN_GROUP
    by_region, by_income = queries.category_medians("region"), queries.category_medians("income_group")
    return render_template("profiles/capacity.html", minimum=minimum,
                           region_charts=panels.median_charts(by_region, "region", minimum),
                           income_charts=panels.median_charts(by_income, "income_group", minimum),
                           slope_charts=panels.slope_charts(queries.scores_before_after(), minimum,
                                                            [r.category for r in by_region]),
                           rounds=sorted({r.year for r in by_region}))


@bp.get("/capacity/<name>.<fmt>")
@public_unless_disabled(dashboards_are_public)
def capacity_download(name: str, fmt: str):
    """A capacity table as CSV or XLSX (the XLSX's About sheet says what it counts)."""
    if name not in panels.TABLES or fmt not in FORMATS:
        abort(404)
    title, header, rows = panels.capacity_table(name)
    years = sorted({r[0] for r in rows}) if name != "before_after" else []
    period = f"{years[0]}–{years[-1]}" if years else "–"
    about = Metadata(title, period=period, source=request.url)
    return table_response(f"capacity-{name.replace('_', '-')}", header, rows, fmt=fmt, metadata=about)
