"""Chamber profiles: the profile page (public part and private part), its print version and CSV, and
the landing page of parliament accounts."""

import datetime as dt

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import (
    can_edit_chamber_records,
    can_view_chamber,
    public_unless_disabled,
    role_required,
)
from parliament_tracker.chambers.services import get_chamber_or_404
from parliament_tracker.conditional import conditional
from parliament_tracker.downloads import Metadata, table_response
from parliament_tracker.profiles import assessments, capacity, queries, services, summary
from parliament_tracker.profiles.exports import record_header, record_rows
from parliament_tracker.settings import dashboards_are_public

bp = Blueprint("profiles", __name__, url_prefix="/profiles")
YEAR = "int(max=9999)"  # a year, not a database id


def private_context(chamber) -> dict:
    """The private part of the profile, or nothing when the current user may not see it."""
    if not can_view_chamber(current_user, chamber):
        return {"private": False}
    return {
        "private": True,
        "today": dt.date.today(),
        "can_edit": can_edit_chamber_records(current_user, chamber),
        "contacts": services.list_contacts(chamber.id),
        "feedback": {f.activity_id: f for f in services.chamber_feedback(chamber.id)},
        "reports": summary.chamber_reports(chamber.id),
        "assessments": assessments.chamber_assessments(chamber.id),
        "capacity": (found := assessments.capacity_for(chamber)),
        "capacity_chart": capacity.own_against_medians(found),
    }


@bp.get("/mine")
@role_required("parliament")
def mine():
    chambers = current_user.chambers
    if len(chambers) == 1:
        return redirect(url_for("profiles.detail", code=chambers[0].code))
    return render_template("profiles/mine.html", chambers=chambers)


@bp.get("/<code>")
@public_unless_disabled(dashboards_are_public)
@conditional
def detail(code: str):
    chamber = get_chamber_or_404(code)
    page = request.args.get("page", "1")
    if not page.isdigit() or not 1 <= int(page) <= 100_000:
        abort(400, "page must be a whole number from 1")
    return render_template("profiles/detail.html", profile=summary.public_profile(chamber, int(page)),
                           **private_context(chamber))


@bp.get("/<code>/print")
@public_unless_disabled(dashboards_are_public)
@conditional
def printable(code: str):
    chamber = get_chamber_or_404(code)
    return render_template("profiles/print.html", profile=summary.public_profile(chamber),
                           **private_context(chamber))


@bp.get("/<code>/records.csv", defaults={"fmt": "csv"})
@bp.get("/<code>/records.xlsx", defaults={"fmt": "xlsx"})
@public_unless_disabled(dashboards_are_public)
def records_csv(code: str, fmt: str):
    chamber = get_chamber_or_404(code)
    private = can_view_chamber(current_user, chamber)
    return table_response(f"{chamber.code}-records", record_header(private),
                          record_rows(queries.participation_records(chamber.id), private), fmt=fmt,
                          metadata=Metadata(_("Participation records of %(chamber)s", chamber=chamber.code)),
                          headers={"Cache-Control": "private"})


from parliament_tracker.profiles import views_assessment, views_selfservice  # noqa: E402, F401
