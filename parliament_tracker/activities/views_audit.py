"""The admin's audit trail: every recorded change, filterable by record type, person, action and date."""

from flask import current_app, render_template
from flask_babel import gettext as _

from parliament_tracker.activities import queries
from parliament_tracker.activities.forms import AuditFilterForm
from parliament_tracker.activities.views import bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.auth.services import list_users
from parliament_tracker.numbers import parse_id


@bp.get("/audit")
@role_required("admin")
def audit():
    form = AuditFilterForm()
    form.entity_type.choices = [("", _("Any type"))] + [(t, t) for t in queries.audit_entity_types()]
    form.user.choices = [("", _("Anyone"))] + [(str(u.id), u.email) for u in list_users()]
    if not form.validate():
        return render_template("activities/audit.html", form=form, page=None), 400
    filters = queries.AuditFilter(entity_type=form.entity_type.data, action=form.action.data,
                                  user_id=parse_id(form.user.data),
                                  date_from=form.date_from.data, date_to=form.date_to.data)
    page = queries.audit_trail(filters, form.page.data or 1, current_app.config["PAGE_SIZE"])
    return render_template("activities/audit.html", form=form, page=page)
