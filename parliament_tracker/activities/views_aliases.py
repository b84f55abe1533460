"""The import's remembered answers (aliases): listed and changed by staff, deleted by admins, exported as CSV."""

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import aliases
from parliament_tracker.activities.forms import AliasForm, ConfirmForm
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.auth.permissions import role_required


@bp.get("/import/aliases")
@role_required(*STAFF)
def aliases_index():
    return render_template("activities/aliases.html", aliases=aliases.list_aliases(), confirm=ConfirmForm())


@bp.get("/import/aliases.csv")
@role_required(*STAFF)
def aliases_export():
    return Response(aliases.export_aliases_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=import-aliases.csv"})


@bp.route("/import/aliases/<int:alias_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF)
def alias_edit(alias_id: int):
    alias = aliases.get_alias_or_404(alias_id)
    form = AliasForm(obj=alias)
    if form.validate_on_submit():
        try:
            aliases.update_alias(alias, form.target.data, by=current_user)
        except aliases.AliasError as error:
            form.add_error("target", str(error))
        else:
            flash(_("The answer for %(v)r is saved.", v=alias.value), "success")
            return redirect(url_for("activities.aliases_index"))
    return render_template("activities/alias_form.html", form=form, alias=alias), 400 if form.errors else 200


@bp.post("/import/aliases/<int:alias_id>/delete")
@role_required("admin")
def alias_delete(alias_id: int):
    alias = aliases.get_alias_or_404(alias_id)
    if ConfirmForm().validate_on_submit():
        aliases.delete_alias(alias, by=current_user)
        flash(_("The answer for %(v)r is forgotten.", v=alias.value), "success")
    return redirect(url_for("activities.aliases_index"))
