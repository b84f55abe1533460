"""Reconciling a pending import on its preview page: answer a refused value for every row that has it, exclude
or include the refused rows, and download the rows left out (CSV or XLSX)."""

import re

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import import_pending, uploads
from parliament_tracker.activities.forms import ImportChoiceForm, ImportExcludeForm
from parliament_tracker.activities.import_choices import excluded_of, read_choice, refused_rows, with_choice
from parliament_tracker.activities.import_refused import left_out_rows
from parliament_tracker.activities.reconcile import MapError
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.activities.views_import import committed, preview_page
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.downloads import table_response
from parliament_tracker.numbers import parse_id

ANCHOR = re.compile(r"#[A-Za-z0-9_-]{1,60}")


def _expired():
    flash(_("That preview has expired; upload the file again."), "warning")
    return redirect(url_for("activities.import_sheet"))


def _back():
    anchor = request.form.get("anchor", "")
    return redirect(url_for("activities.import_preview") + (anchor if ANCHOR.fullmatch(anchor) else ""), code=303)


@bp.get("/import/preview")
@role_required(*STAFF)
def import_preview():
    pending = import_pending.pending_import()
    if pending is None:
        return _expired()
    if pending.job and pending.job.get("kind") == "commit" and pending.job["status"] in ("done", "failed"):
        return committed(pending)
    retry = request.args.get("retry") == "1" and not pending.busy
    return preview_page(import_pending.refresh(pending, current_user.id, force=retry))


def _posted(form):
    pending = import_pending.pending_import()
    if not form.validate_on_submit() or pending is None or form.token.data != pending.token:
        return None
    return pending


@bp.post("/import/choose")
@role_required(*STAFF)
def import_choose():
    form = ImportChoiceForm()
    if (pending := _posted(form)) is None:
        return _expired()
    try:
        choice = read_choice(form.column.data, form.value.data, form.country.data or "", form.target.data or "",
                             form.other.data or "")
    except MapError as error:
        flash(str(error), "error")
        return _back()
    uploads.save_state(pending.token, with_choice(uploads.load_state(pending.token), choice))
    shown = _("a new donor") if choice.target.startswith("+") else choice.target
    flash(_("%(col)s %(v)r now means %(t)s on every row that has it.", col=choice.column, v=choice.value, t=shown),
          "success")
    return _back()


@bp.post("/import/exclude")
@role_required(*STAFF)
def import_exclude():
    form = ImportExcludeForm()
    if (pending := _posted(form)) is None:
        return _expired()
    state = uploads.load_state(pending.token)
    if form.action.data == "refused":  # of the preview with the answers so far (checked again if out of date)
        pending = import_pending.refresh(pending, current_user.id)
    report = import_pending.report_of(pending) if pending.current else None
    if (row := parse_id(form.include.data)) is not None:
        state["excluded"] = [r for r in excluded_of(state) if r != row]
        flash(_("Row %(n)s is included again.", n=row), "success")
    elif form.action.data == "refused" and report is not None:
        rows = refused_rows(report)
        state["excluded"] = sorted(excluded_of(state) | set(rows))
        flash(_("%(n)s refused rows excluded; download them to fix them later.", n=len(rows)), "success")
    elif form.action.data == "refused":
        flash(_("The preview is still being checked; exclude the refused rows once it is done."), "warning")
    else:
        state["excluded"] = []
        flash(_("Every row is included again."), "success")
    uploads.save_state(pending.token, state)
    return _back()


@bp.get("/import/left-out.<any(csv, xlsx):kind>")
@role_required(*STAFF)
def import_left_out(kind: str):
    pending = import_pending.pending_import()
    if pending is not None:
        pending = import_pending.refresh(pending, current_user.id)
    report = import_pending.report_of(pending) if pending is not None and pending.current else None
    if report is None:
        return _expired()
    header, rows = left_out_rows(pending.path, pending.filename, report)
    return table_response("import-left-out", header, rows, fmt=kind, headers={"Cache-Control": "private"})
