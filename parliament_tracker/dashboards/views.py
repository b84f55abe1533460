"""The coverage dashboard (the home page), the chamber-by-area matrix, the gap list, their CSV files, and the
fingerprinted static assets the dashboard loads."""

from typing import NamedTuple

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from parliament_tracker.auth.permissions import public, public_unless_disabled
from parliament_tracker.chambers.models import INCOME_REFERENCE
from parliament_tracker.conditional import conditional
from parliament_tracker.dashboards import assets, coordination, tables, throttle, words
from parliament_tracker.dashboards.choices import area_labels, coordination_choices, filter_choices
from parliament_tracker.dashboards.forms import CoordinationFilterForm, CoverageFilterForm
from parliament_tracker.dashboards.funded import funded_activities
from parliament_tracker.dashboards.panels import column_label, coverage_panels
from parliament_tracker.dashboards.report import coverage_report, gaps_report, matrix_report
from parliament_tracker.downloads import Metadata, table_response
from parliament_tracker.extensions import limiter
from parliament_tracker.i18n import gettext as _
from parliament_tracker.settings import dashboards_are_public

MAX_PAGE = 100_000

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


def _income_reference(report: dict) -> str:
    used = report.get("income_groups") or {}
    return words.income_reference(INCOME_REFERENCE, used.get("fiscal_year"), used.get("known", 0),
                                  used.get("fallback", 0))


def _scope(form: CoverageFilterForm, recorded_years) -> tuple[words.Period, list[str]]:
    """The period the page counts and the other filters in words, for its headline."""
    f = form.filters()
    return words.period_of(f.year_from, f.year_to, recorded_years[0]), [text for _name, text in form.chosen()]


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
    period, chosen = _scope(form, report["recorded_years"])
    return render_template("dashboards/index.html", form=form, report=report, lens=lens, areas=areas,
                           panels=coverage_panels(report, areas, filters.area), column_label=column_label,
                           period=period, chosen=chosen, words=words,
                           income_reference=_income_reference(report))


@bp.get("/coverage/matrix")
@public_unless_disabled(dashboards_are_public)
@conditional
def matrix():
    form, areas = _form_and_areas()
    if form.errors:
        return render_template("dashboards/matrix.html", form=form, table=None, areas=areas), 400
    report = matrix_report(form.filters())
    table = tables.matrix_table(report, areas, request.args.get("sort"), request.args.get("order") == "desc")
    rows, page, pages = tables.page_of(table.rows, request.args.get("page", type=int))
    first = len(tables.MATRIX_LEAD)
    period, chosen = _scope(form, report["recorded_years"])
    return render_template("dashboards/matrix.html", form=form, table=table, areas=areas, column_label=column_label,
                           period=period, chosen=chosen, words=words, rows=rows, page=page, pages=pages,
                           heat=tables.heat(rows, first, first + len(areas)), first=first, size=tables.PAGE_SIZE,
                           income_reference=_income_reference(report))


@bp.get("/coverage/gaps")
@public_unless_disabled(dashboards_are_public)
@conditional
def gaps():
    form, areas = _form_and_areas()
    if form.errors:
        return render_template("dashboards/gaps.html", form=form, table=None, areas=areas), 400
    report = gaps_report(form.filters())
    period, chosen = _scope(form, report["recorded_years"])
    return render_template("dashboards/gaps.html", form=form, table=tables.gaps_table(report, areas), areas=areas,
                           report=report, column_label=column_label, period=period, chosen=chosen, words=words,
                           income_reference=_income_reference(report))


@bp.get("/coverage/funded")
@public_unless_disabled(dashboards_are_public)
def funded():
    """A donor's activities (the donor filter is required) and the chambers they reached."""
    form, areas = _form_and_areas()
    if form.errors or not form.donor.data:
        form.donor.errors = list(form.donor.errors) or [_("Choose a donor.")]
        return render_template("dashboards/funded.html", form=form, activities=None, areas=areas), 400
    report = coverage_report(form.filters())
    period, chosen = _scope(form, report["recorded_years"])
    return render_template("dashboards/funded.html", form=form, activities=funded_activities(form.filters()),
                           report=report, areas=areas, period=period, chosen=chosen, words=words,
                           donor=dict(form.donor.choices)[form.donor.data])


def _coordination_form(areas: dict[str, str] | None = None) -> CoordinationFilterForm:
    form = CoordinationFilterForm()
    form.set_choices(coordination_choices(areas))
    return form


@bp.get("/coordination")
@throttle.paired_on_the_fly
@public_unless_disabled(dashboards_are_public)
@conditional
def coordination_view():
    """Who does what where: overlaps between organisations, who worked in each chamber, chambers no one reached."""
    areas = area_labels()
    form = _coordination_form(areas)
    if not form.validate():
        return render_template("dashboards/coordination.html", form=form, areas=areas, overlaps=None), 400
    f = coordination.CoordinationFilters(**form.coordination())
    page, chambers_page = _page_number("page"), _page_number("chambers_page")
    total, shown = coordination.overlap_page(f, limit=coordination.SHOWN, offset=(page - 1) * coordination.SHOWN)
    chambers, work = coordination.work_by_chamber(f, limit=coordination.CHAMBERS_SHOWN,
                                                  offset=(chambers_page - 1) * coordination.CHAMBERS_SHOWN)
    return render_template("dashboards/coordination.html", form=form, areas=areas, filters=f, total=total,
                           overlaps=shown, activities_shown=coordination.ACTIVITIES_SHOWN,
                           overlap_pages=Pages(page, -(-total // coordination.SHOWN)),
                           work=coordination.by_chamber(work),
                           chamber_pages=Pages(chambers_page, -(-chambers // coordination.CHAMBERS_SHOWN)),
                           unreached=coordination.chambers_reached_by_no_one(f))


class Pages(NamedTuple):
    page: int
    pages: int


def _page_number(name: str) -> int:
    """The page asked for in the query string: a whole number from 1 (anything else is the first page), at most
    MAX_PAGE (so that the offset stays a small integer)."""
    return min(max(request.args.get(name, 1, type=int) or 1, 1), MAX_PAGE)


@bp.get("/coordination/overlaps.csv", defaults={"fmt": "csv"})
@bp.get("/coordination/overlaps.xlsx", defaults={"fmt": "xlsx"}, endpoint="coordination_xlsx")
@throttle.every_download
@public_unless_disabled(dashboards_are_public)
@conditional
def coordination_download(fmt: str):
    """The overlaps, one row per overlap and activity, for the filters in the URL."""
    form = _coordination_form()
    if not form.validate():
        abort(400, " ".join(form.error_messages()))
    f = coordination.CoordinationFilters(**form.coordination())
    about = Metadata(_("Overlaps between organisations"), dict(form.chosen()), source=request.url)
    return table_response("coordination-overlaps", tables.OVERLAP_HEADER,
                          tables.overlap_rows(coordination.overlaps(f)), fmt=fmt, metadata=about)


@bp.get("/coverage/<name>.csv", defaults={"fmt": "csv"})
@bp.get("/coverage/<name>.xlsx", defaults={"fmt": "xlsx"}, endpoint="download_xlsx")
@public_unless_disabled(dashboards_are_public)
@conditional
def download(name: str, fmt: str):
    """One chart's or table's numbers as CSV or XLSX, exactly as shown, for the filters in the URL; the XLSX says
    which filters and period on a sheet of its own."""
    form, areas = _form_and_areas()
    if form.errors:
        abort(400, " ".join(form.error_messages()))
    title, header, rows, recorded = tables.csv_rows(name, form.filters(), areas)
    period, chosen = _scope(form, recorded)
    about = Metadata(title, dict(form.chosen()), period.text, source=request.url)
    names, tags = tables.download_header(header, rows, areas)
    return table_response(f"coverage-{name}", names, rows, fmt=fmt, metadata=about, hxl=tags)


@bp.get("/assets/<digest>/<path:filename>")
@limiter.exempt
@public
def asset(digest: str, filename: str):
    return assets.asset_response(digest, filename)
