"""The coverage dashboard (the home page), the chamber-by-area matrix, the gap list, their CSV files, and the
fingerprinted static assets the dashboard loads."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from parliament_tracker.auth.permissions import public, public_unless_disabled
from parliament_tracker.conditional import conditional
from parliament_tracker.dashboards import assets, tables
from parliament_tracker.dashboards.choices import area_labels, filter_choices
from parliament_tracker.dashboards.forms import CoverageFilterForm
from parliament_tracker.dashboards.panels import column_label, coverage_panels
from parliament_tracker.dashboards.report import coverage_report, gaps_report, matrix_report
from parliament_tracker.downloads import table_response
from parliament_tracker.extensions import limiter
from parliament_tracker.settings import dashboards_are_public

bp = Blueprint("dashboards", __name__)
bp.add_app_template_global(assets.asset_url, "asset_url")
bp.add_app_template_global(assets.asset_folder_url, "asset_folder_url")
bp.after_app_request(assets.compress_response)


def _form_and_areas() -> tuple[CoverageFilterForm, dict[str, str]]:
    """The filter form, validated, and the areas' labels (read once for both)."""
    areas = area_labels()
    form = CoverageFilterForm()
    form.set_choices(filter_choices(areas))
    form.validate()
    return form, areas


def _own_donor_id():
    """A donor account's own donor: its lens is shown beside the whole."""
    return current_user.donor_id if current_user.is_authenticated and current_user.role == "donor" else None


@bp.get("/")
@public_unless_disabled(dashboards_are_public)
@conditional
def index():
    form, areas = _form_and_areas()
    if form.errors:
        return render_template("dashboards/index.html", form=form, report=None, areas=areas), 400
    filters = form.filters()
    report = coverage_report(filters)
    donor_id = _own_donor_id()
    lens = coverage_report(filters.with_donor(donor_id)) if donor_id and not filters.donor_id else None
    return render_template("dashboards/index.html", form=form, report=report, lens=lens, areas=areas,
                           panels=coverage_panels(report, areas), column_label=column_label)


@bp.get("/coverage/matrix")
@public_unless_disabled(dashboards_are_public)
@conditional
def matrix():
    form, areas = _form_and_areas()
    if form.errors:
        return render_template("dashboards/matrix.html", form=form, table=None, areas=areas), 400
    table = tables.matrix_table(matrix_report(form.filters()), areas, request.args.get("sort"),
                                request.args.get("order") == "desc")
    return render_template("dashboards/matrix.html", form=form, table=table, areas=areas, column_label=column_label)


@bp.get("/coverage/gaps")
@public_unless_disabled(dashboards_are_public)
@conditional
def gaps():
    form, areas = _form_and_areas()
    if form.errors:
        return render_template("dashboards/gaps.html", form=form, table=None, areas=areas), 400
    return render_template("dashboards/gaps.html", form=form, table=tables.gaps_table(gaps_report(form.filters())),
                           areas=areas, column_label=column_label)


@bp.get("/coverage/<name>.csv")
@public_unless_disabled(dashboards_are_public)
@conditional
def download(name: str):
    """One chart's or table's numbers as CSV, exactly as shown, for the filters in the URL."""
    form, areas = _form_and_areas()
    if form.errors:
        abort(400, " ".join(form.error_messages()))
    header, rows = tables.csv_rows(name, form.filters(), areas)
    return table_response(f"coverage-{name}", header, rows)


@bp.get("/assets/<digest>/<path:filename>")
@limiter.exempt
@public
def asset(digest: str, filename: str):
    return assets.asset_response(digest, filename)
