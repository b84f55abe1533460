"""Spreadsheet import pages: upload and preview, commit (all or nothing), and the CSV template."""

from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import uploads
from parliament_tracker.activities.forms import ImportChoiceForm, ImportCommitForm, ImportExcludeForm, ImportUploadForm
from parliament_tracker.activities.import_choices import choice_options, choices_of, excluded_of, preview_pending
from parliament_tracker.activities.import_writer import ImportConflict, ImportRefused, commit_import
from parliament_tracker.activities.importing import COLUMNS, TEMPLATE_EXAMPLE
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.downloads import table_response
from parliament_tracker.numbers import parse_id

# The preview page lists at most this many rows (refused rows first); the summary always counts them all.
PREVIEW_ROWS = 500
SESSION_KEY = "import_upload"


def _max_rows() -> int | None:
    return None  # the configured limits (import_limits.Limits.from_config)


def pending_import():
    """(token, filename, path) of this person's pending upload, or None when there is none (or it expired)."""
    stored = session.get(SESSION_KEY) or {}
    path = uploads.upload_path(stored.get("token"))
    return (stored["token"], stored.get("filename", "upload"), path) if path is not None else None


def preview_page(report, token: str, filename: str, status: int = 200):
    return render_template("activities/import_preview.html", report=report, form=ImportCommitForm(token=token),
                           choice_form=ImportChoiceForm(token=token), exclude_form=ImportExcludeForm(token=token),
                           filename=filename, rows=report.problems_first(PREVIEW_ROWS), token=token,
                           excluded=set(report.numbers("excluded")),
                           limit=PREVIEW_ROWS, options=lambda pending: choice_options(report, pending)), status


@bp.route("/import", methods=["GET", "POST"])
@role_required(*STAFF)
def import_sheet():
    form = ImportUploadForm()
    if form.validate_on_submit():
        uploads.discard(session.get(SESSION_KEY, {}).get("token"))
        filename = (form.file.data.filename or "upload")[-200:]
        token = uploads.save_upload(form.file.data)
        session[SESSION_KEY] = {"token": token, "filename": filename}
        report = preview_pending(uploads.upload_path(token), filename, {}, _max_rows())
        if report.file_error is None:
            return preview_page(report, token, filename)
        uploads.discard(token)
        form.add_error("file", report.file_error)
    return render_template("activities/import.html", form=form), 400 if form.errors else 200


@bp.post("/import/commit")
@role_required(*STAFF)
def import_commit():
    form = ImportCommitForm()
    pending = pending_import()
    if not form.validate_on_submit() or pending is None or form.token.data != pending[0]:
        flash(_("That preview has expired; upload the file again."), "warning")
        return redirect(url_for("activities.import_sheet"))
    token, filename, path = pending
    state = uploads.load_state(token)
    excluded = excluded_of(state) | ({parse_id(r) for r in form.exclude.data} - {None})
    try:
        report = commit_import(path, filename, excluded=excluded, choices=choices_of(state), by=current_user,
                               max_rows=_max_rows())
    except ImportRefused as refused:
        flash(str(refused), "error")
        return preview_page(refused.report, token, filename, 400)
    except ImportConflict as conflict:
        flash(str(conflict), "error")
        return redirect(url_for("activities.import_sheet")), 303
    uploads.discard(token)
    session.pop(SESSION_KEY, None)
    s = report.summary
    flash(_("Imported: %(a)s activities created, %(b)s updated; %(c)s participations created, %(d)s updated.",
            a=s.activities_created, b=s.activities_updated, c=s.participations_created, d=s.participations_updated),
          "success")
    if report.remembered:
        flash(_("%(n)s answers remembered for the next import.", n=report.remembered), "info")
    return redirect(url_for("activities.index"))


@bp.get("/import/template.csv")
@role_required(*STAFF)
def import_template():
    return table_response("activities-import-template", COLUMNS, [TEMPLATE_EXAMPLE])


from parliament_tracker.activities import views_aliases, views_reconcile  # noqa: E402,F401
