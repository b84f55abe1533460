"""Staff screens of the profile feature: the queue of disputes and missing-record reports, and feedback."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities.access import activity_to_read
from parliament_tracker.auth.permissions import STAFF_ROLES, role_required
from parliament_tracker.downloads import FORMATS, Metadata, table_response
from parliament_tracker.pages import form_page
from parliament_tracker.profiles import disputes, feedback, staff_tables
from parliament_tracker.profiles.forms import ResolveForm
from parliament_tracker.profiles.views import bp

PRIVATE = {"Cache-Control": "private"}  # staff data: never kept by a shared cache


@bp.get("/queue")
@role_required(*STAFF_ROLES)
def queue():
    return render_template("profiles/queue.html", reports=disputes.open_reports(current_user))


@bp.route("/reports/<int:report_id>", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def resolve(report_id: int):
    report = disputes.get_report_or_404(report_id, current_user)
    form = ResolveForm()
    if report.participation is not None and not form.is_submitted():
        form.role.data = report.participation.role
        form.participants.data, form.women.data = report.participation.participants, report.participation.women
    correction = {f: getattr(form, f).data for f in ("activity", "role", "participants", "women")}
    return form_page(form, lambda: disputes.resolve_report(report, form.decision.data, form.resolution_note.data,
                                                           by=current_user, correction=correction),
                     "profiles/resolve.html", report=report, saved=(_("Report resolved."), url_for("profiles.queue")))


@bp.get("/feedback")
@role_required(*STAFF_ROLES)
def feedback_overview():
    return render_template("profiles/feedback_overview.html", by_area=feedback.feedback_by_area(),
                           by_type=feedback.feedback_by_type(), by_activity=feedback.feedback_by_activity())


@bp.get("/feedback/<int:activity_id>")
@role_required(*STAFF_ROLES)
def activity_feedback(activity_id: int):
    activity = activity_to_read(activity_id)  # another organisation's private activity: 404, as everywhere
    return render_template("profiles/activity_feedback.html", activity=activity,
                           responses=feedback.feedback_for_activity(activity_id))


@bp.get("/queue/export.<fmt>")
@role_required(*STAFF_ROLES)
def queue_export(fmt: str):
    """The open reports as CSV or XLSX (private: never cached by a shared cache)."""
    if fmt not in FORMATS:
        abort(404)
    header, rows = staff_tables.queue_rows(disputes.open_reports(current_user))
    about = Metadata(_("Disputes and missing activities"), source=request.url)
    return table_response("disputes-queue", header, rows, fmt=fmt, metadata=about, headers=PRIVATE)


@bp.get("/feedback/export.<fmt>")
@role_required(*STAFF_ROLES)
def feedback_export(fmt: str):
    """The feedback summaries (by area, by type, by activity) as one CSV or XLSX table."""
    if fmt not in FORMATS:
        abort(404)
    header, rows = staff_tables.feedback_rows(feedback.feedback_by_area(), feedback.feedback_by_type(),
                                              feedback.feedback_by_activity())
    about = Metadata(_("Feedback on activities"), source=request.url)
    return table_response("feedback", header, rows, fmt=fmt, metadata=about, headers=PRIVATE)
