"""The import's remembered answers (aliases): listed and changed by staff, deleted by admins, exported as CSV."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import aliases
from parliament_tracker.activities.forms import AliasForm, ConfirmForm
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.downloads import table_response
from parliament_tracker.pages import form_action, form_page


@bp.get("/import/aliases")
@role_required(*STAFF)
def aliases_index():
    return render_template("activities/aliases.html", aliases=aliases.list_aliases(), confirm=ConfirmForm())


@bp.get("/import/aliases.csv")
@role_required(*STAFF)
def aliases_export():
    return table_response("import-aliases", aliases.CSV_HEADER, aliases.alias_rows())


@bp.route("/import/aliases/<int:alias_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF)
def alias_edit(alias_id: int):
    alias = aliases.get_alias_or_404(alias_id)
    form = AliasForm(obj=alias)
    return form_page(form, lambda: aliases.update_alias(alias, form.target.data, by=current_user),
                     "activities/alias_form.html", alias=alias,
                     saved=(_("The answer for %(v)r is saved.", v=alias.value), url_for("activities.aliases_index")))


@bp.post("/import/aliases/<int:alias_id>/delete")
@role_required("admin")
def alias_delete(alias_id: int):
    alias = aliases.get_alias_or_404(alias_id)
    return form_action(ConfirmForm(), lambda: aliases.delete_alias(alias, by=current_user),
                       saved=(_("The answer for %(v)r is forgotten.", v=alias.value),
                              url_for("activities.aliases_index")))
