"""Reconciling a pending import on its preview page: answer a refused value for every row that has it, exclude
or include the refused rows, and download the rows left out (CSV or XLSX)."""

import re

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _

from parliament_tracker.activities import uploads
from parliament_tracker.activities.forms import ImportChoiceForm, ImportExcludeForm
from parliament_tracker.activities.import_choices import (excluded_of, preview_pending, read_choice, refused_rows,
                                                          with_choice)
from parliament_tracker.activities.import_refused import left_out_rows
from parliament_tracker.activities.reconcile import MapError
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.activities.views_import import _max_rows, pending_import, preview_page
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
    pending = pending_import()
    if pending is None:
        return _expired()
    token, filename, path = pending
    return preview_page(preview_pending(path, filename, uploads.load_state(token), _max_rows()), token, filename)


@bp.post("/import/choose")
@role_required(*STAFF)
def import_choose():
    form, pending = ImportChoiceForm(), pending_import()
    if not form.validate_on_submit() or pending is None or form.token.data != pending[0]:
        return _expired()
    try:
        choice = read_choice(form.column.data, form.value.data, form.country.data or "", form.target.data or "",
                             form.other.data or "")
    except MapError as error:
        flash(str(error), "error")
        return _back()
    uploads.save_state(pending[0], with_choice(uploads.load_state(pending[0]), choice))
    shown = _("a new donor") if choice.target.startswith("+") else choice.target
    flash(_("%(col)s %(v)r now means %(t)s on every row that has it.", col=choice.column, v=choice.value, t=shown),
          "success")
    return _back()


@bp.post("/import/exclude")
@role_required(*STAFF)
def import_exclude():
    form, pending = ImportExcludeForm(), pending_import()
    if not form.validate_on_submit() or pending is None or form.token.data != pending[0]:
        return _expired()
    token, filename, path = pending
    state = uploads.load_state(token)
    if (row := parse_id(form.include.data)) is not None:
        state["excluded"] = [r for r in excluded_of(state) if r != row]
        flash(_("Row %(n)s is included again.", n=row), "success")
    elif form.action.data == "refused":
        rows = refused_rows(preview_pending(path, filename, state, _max_rows()))
        state["excluded"] = sorted(set(state.get("excluded", [])) | set(rows))
        flash(_("%(n)s refused rows excluded; download them to fix them later.", n=len(rows)), "success")
    else:
        state["excluded"] = []
        flash(_("Every row is included again."), "success")
    uploads.save_state(token, state)
    return _back()


@bp.get("/import/left-out.<any(csv, xlsx):kind>")
@role_required(*STAFF)
def import_left_out(kind: str):
    pending = pending_import()
    if pending is None:
        return _expired()
    token, filename, path = pending
    header, rows = left_out_rows(path, filename, preview_pending(path, filename, uploads.load_state(token),
                                                                 _max_rows()))
    return table_response("import-left-out", header, rows, fmt=kind, headers={"Cache-Control": "private"})
