"""GET /api/v1/coverage: the coverage figures for a filter set, from the same report as the dashboard."""

from flask import jsonify

from parliament_tracker.api import bp
from parliament_tracker.auth.permissions import public_unless_disabled
from parliament_tracker.conditional import conditional
from parliament_tracker.dashboards.choices import filter_choices
from parliament_tracker.dashboards.forms import CoverageFilterForm
from parliament_tracker.dashboards.report import coverage_report
from parliament_tracker.errors import json_error
from parliament_tracker.settings import dashboards_are_public


@bp.get("/api/v1/coverage")
@public_unless_disabled(dashboards_are_public)
@conditional
def coverage():
    """Query parameters: from, to (years, inclusive), area (code), type, region, income_group, donor (id),
    confirmed (1 for confirmed participations only). An unknown or malformed value is a 400 naming it."""
    form = CoverageFilterForm()
    form.set_choices(filter_choices())
    if not form.validate():
        return json_error(400, "Invalid filter values.",
                          {getattr(form, name).name: errors for name, errors in form.errors.items()})
    return jsonify(coverage_report(form.filters()))
