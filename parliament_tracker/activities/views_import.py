"""Spreadsheet import pages: upload and preview (or its progress), commit (all or nothing), and the CSV template."""

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import import_jobs, import_pending, uploads
from parliament_tracker.activities.forms import ImportChoiceForm, ImportCommitForm, ImportExcludeForm, ImportUploadForm
from parliament_tracker.activities.import_choices import choice_options, excluded_of
from parliament_tracker.activities.importing import COLUMNS, TEMPLATE_EXAMPLE
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.downloads import table_response
from parliament_tracker.numbers import parse_id

# The preview page lists this many rows at a time (refused rows first); the summary always counts them all.
PREVIEW_ROWS = 500


def preview_page(pending, status: int = 200):
    """The preview of the pending import; its progress while its job runs; the job's failure when it failed."""
    job, token = pending.job or {}, pending.token
    report = import_pending.report_of(pending) if pending.current else None
    if report is None:
        return render_template("activities/import_progress.html", job=job, filename=pending.filename), status
    if report.file_error:  # found by a background job: the upload page says it, as it does for a small file
        import_pending.finish(pending)
        form = ImportUploadForm()
        form.add_error("file", report.file_error)
        return render_template("activities/import.html", form=form), 400
    if job.get("message"):  # a commit refused for its rows: said once, above the preview it left
        flash(job["message"], "error")
        import_jobs.write_job(token, message=None)
        status = 400
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    return render_template("activities/import_preview.html", report=report, form=ImportCommitForm(token=token),
                           choice_form=ImportChoiceForm(token=token), exclude_form=ImportExcludeForm(token=token),
                           filename=pending.filename, rows=report.page(page, PREVIEW_ROWS), token=token, page=page,
                           pages=max(1, -(-len(report.rows) // PREVIEW_ROWS)), excluded=set(report.numbers("excluded")),
                           limit=PREVIEW_ROWS, options=lambda p: choice_options(report, p)), status


@bp.route("/import", methods=["GET", "POST"])
@role_required(*STAFF)
def import_sheet():
    form = ImportUploadForm()
    if form.validate_on_submit():
        pending = import_pending.begin(form.file.data, current_user.id)
        error = (pending.job or {}).get("file_error")
        if error is None:
            return preview_page(pending) if pending.current else redirect(url_for("activities.import_preview"), 303)
        import_pending.finish(pending)
        form.add_error("file", error)
    return render_template("activities/import.html", form=form), 400 if form.errors else 200


@bp.post("/import/commit")
@role_required(*STAFF)
def import_commit():
    form, pending = ImportCommitForm(), import_pending.pending_import()
    if not form.validate_on_submit() or pending is None or form.token.data != pending.token or pending.busy:
        flash(_("That preview has expired; upload the file again."), "warning")
        return redirect(url_for("activities.import_sheet"))
    state = uploads.load_state(pending.token)
    state["excluded"] = sorted(excluded_of(state) | ({parse_id(r) for r in form.exclude.data} - {None}))
    uploads.save_state(pending.token, state)
    return committed(import_pending.commit(pending, current_user.id))


def committed(pending):
    """The answer to a commit: the activities with what was written, the preview again (refused rows), the
    progress page (a job), or the upload page with the reason it failed."""
    job = pending.job or {}
    if job.get("status") == "done" and job.get("kind") == "commit":
        import_pending.finish(pending)
        s, remembered = job["result"]["summary"], job["result"]["remembered"]
        flash(_("Imported: %(a)s activities created, %(b)s updated; %(c)s participations created, %(d)s updated.",
                a=s["activities_created"], b=s["activities_updated"], c=s["participations_created"],
                d=s["participations_updated"]), "success")
        if remembered:
            flash(_("%(n)s answers remembered for the next import.", n=remembered), "info")
        return redirect(url_for("activities.index"))
    if job.get("status") == "failed" and job.get("kind") == "commit":
        flash(job.get("error") or "", "error")
        return redirect(url_for("activities.import_sheet")), 303
    return preview_page(pending) if pending.current else redirect(url_for("activities.import_preview"), 303)


@bp.get("/import/status.json")
@role_required(*STAFF)
def import_status():
    pending = import_pending.pending_import()
    job = (pending.job if pending is not None else None) or {}
    keys = ("kind", "status", "runner", "estimate", "read", "matched", "refused", "error")
    return jsonify({k: job.get(k) for k in keys} | {"pending": pending is not None}), 200, {"Cache-Control": "no-store"}


@bp.get("/import/template.csv")
@role_required(*STAFF)
def import_template():
    return table_response("activities-import-template", COLUMNS, [TEMPLATE_EXAMPLE])


from parliament_tracker.activities import views_aliases, views_reconcile  # noqa: E402,F401
