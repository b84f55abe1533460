"""The admins' view of the outbox: what was sent, what waits for another attempt, and why."""

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from parliament_tracker.auth.permissions import role_required
from parliament_tracker.mail.models import STATUSES
from parliament_tracker.mail.queries import outbox_counts, outbox_messages

bp = Blueprint("mail", __name__)


@bp.get("/admin/mail")
@role_required("admin")
def index():
    status = request.args.get("status") or None
    if status is not None and status not in STATUSES:
        abort(400, _("Unknown status; use one of %(statuses)s.", statuses=", ".join(STATUSES)))
    return render_template("mail/index.html", counts=outbox_counts(), messages=outbox_messages(status),
                           status=status, statuses=STATUSES)
