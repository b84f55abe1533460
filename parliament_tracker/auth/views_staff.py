"""An organisation's staff accounts, managed by its own organisation admins (and the installation admin)."""

from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth import recovery, staff
from parliament_tracker.auth.forms import StaffInvitationForm, StaffSwitchForm
from parliament_tracker.auth.permissions import org_admin_required
from parliament_tracker.auth.views import bp
from parliament_tracker.i18n import current_locale, language_choices
from parliament_tracker.pages import form_action, form_page


@bp.get("/organisation/staff")
@org_admin_required
def my_organisation_staff():
    """An organisation admin's own organisation; the installation admin chooses one from the list."""
    if current_user.role == "admin":
        return redirect(url_for("organisations.index"))
    return redirect(url_for("auth.organisation_staff", organisation_id=current_user.organisation_id))


@bp.get("/organisations/<int:organisation_id>/staff")
@org_admin_required
def organisation_staff(organisation_id: int):
    organisation = staff.get_managed_organisation_or_404(organisation_id, current_user)
    return render_template("auth/staff.html", organisation=organisation, accounts=staff.organisation_staff(organisation),
                           pending=recovery.invitation_pending)


@bp.route("/organisations/<int:organisation_id>/staff/new", methods=["GET", "POST"])
@org_admin_required
def invite_staff(organisation_id: int):
    organisation = staff.get_managed_organisation_or_404(organisation_id, current_user)
    form = StaffInvitationForm(locale=current_locale())
    form.locale.choices = language_choices()
    back = url_for("auth.organisation_staff", organisation_id=organisation.id)
    return form_page(form, lambda: recovery.invite_staff(form.email.data, organisation, name=form.name.data or "",
                                                         org_admin=form.org_admin.data, by=current_user,
                                                         locale=form.locale.data),
                     "auth/staff_invite.html", organisation=organisation,
                     saved=lambda user: (_("Invitation sent to %(email)s.", email=user.email), back))


def _switch(user_id: int, change):
    user = staff.get_staff_or_404(user_id, current_user)
    form = StaffSwitchForm()
    back = url_for("auth.organisation_staff", organisation_id=user.organisation_id)
    return form_action(form, lambda: change(user, form.value.data == "1", by=current_user),
                       saved=(_("Account %(email)s saved.", email=user.email), back))


@bp.post("/organisations/staff/<int:user_id>/enabled")
@org_admin_required
def staff_enabled(user_id: int):
    return _switch(user_id, staff.set_staff_enabled)


@bp.post("/organisations/staff/<int:user_id>/org-admin")
@org_admin_required
def staff_org_admin(user_id: int):
    return _switch(user_id, staff.set_staff_org_admin)
