"""Parliament self-service on its profile: contacts, confirming or disputing records, reporting missing ones,
feedback on activities; and the staff queue that resolves disputes and reports."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import can_edit_chamber_records, role_required
from parliament_tracker.chambers.services import get_chamber_or_404
from parliament_tracker.profiles import disputes, services
from parliament_tracker.profiles.forms import ActionForm, ContactForm, DisputeForm, FeedbackForm, MissingForm
from parliament_tracker.profiles.views import bp

SELF = ("parliament",)


def own_chamber_or_403(code: str):
    """The chamber, when the current parliament account speaks for it; any other account gets 403."""
    chamber = get_chamber_or_404(code)
    if not can_edit_chamber_records(current_user, chamber):
        abort(403)
    return chamber


def _back(chamber, anchor: str):
    return redirect(url_for("profiles.detail", code=chamber.code, _anchor=anchor))


def _contact_page(chamber, contact=None):
    form = ContactForm(obj=contact) if request.method == "GET" else ContactForm()
    if form.validate_on_submit():
        try:
            services.save_contact(chamber, contact, form.data, by=current_user)
        except services.ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Contact saved."), "success")
            return _back(chamber, "contacts")
    page = render_template("profiles/contact_form.html", form=form, chamber=chamber, contact=contact)
    return page, 400 if form.errors else 200


@bp.route("/<code>/contacts/new", methods=["GET", "POST"])
@role_required(*SELF)
def new_contact(code: str):
    return _contact_page(own_chamber_or_403(code))


@bp.route("/<code>/contacts/<int:contact_id>/edit", methods=["GET", "POST"])
@role_required(*SELF)
def edit_contact(code: str, contact_id: int):
    chamber = own_chamber_or_403(code)
    return _contact_page(chamber, services.get_contact_or_404(chamber, contact_id))


@bp.post("/<code>/contacts/<int:contact_id>/delete")
@role_required(*SELF)
def delete_contact(code: str, contact_id: int):
    chamber = own_chamber_or_403(code)
    contact = services.get_contact_or_404(chamber, contact_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.delete_contact(contact, by=current_user)
    flash(_("Contact removed."), "success")
    return _back(chamber, "contacts")


@bp.post("/<code>/participations/<int:participation_id>/confirm")
@role_required(*SELF)
def confirm(code: str, participation_id: int):
    chamber = own_chamber_or_403(code)
    participation = services.get_participation_or_404(chamber, participation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        disputes.confirm_participation(participation, by=current_user)
    except services.ProfileError as error:
        flash(str(error), "error")
    else:
        flash(_("Record confirmed."), "success")
    return _back(chamber, "records")


@bp.route("/<code>/participations/<int:participation_id>/dispute", methods=["GET", "POST"])
@role_required(*SELF)
def dispute(code: str, participation_id: int):
    chamber = own_chamber_or_403(code)
    participation = services.get_participation_or_404(chamber, participation_id)
    form = DisputeForm()
    if form.validate_on_submit():
        try:
            disputes.dispute_participation(participation, form.note.data, by=current_user)
        except services.ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Your dispute was sent to the centre."), "success")
            return _back(chamber, "records")
    page = render_template("profiles/dispute.html", form=form, chamber=chamber, participation=participation)
    return page, 400 if form.errors else 200


@bp.route("/<code>/missing", methods=["GET", "POST"])
@role_required(*SELF)
def report_missing(code: str):
    chamber = own_chamber_or_403(code)
    form = MissingForm()
    if form.validate_on_submit():
        try:
            disputes.report_missing(chamber, form.missing_activity.data, form.note.data, by=current_user)
        except services.ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Your report was sent to the centre."), "success")
            return _back(chamber, "reports")
    return render_template("profiles/missing.html", form=form, chamber=chamber), 400 if form.errors else 200


@bp.route("/<code>/participations/<int:participation_id>/feedback", methods=["GET", "POST"])
@role_required(*SELF)
def give_feedback(code: str, participation_id: int):
    chamber = own_chamber_or_403(code)
    participation = services.get_participation_or_404(chamber, participation_id)
    existing = services.get_feedback(participation.activity_id, chamber.id)
    form = FeedbackForm(obj=existing) if request.method == "GET" else FeedbackForm()
    if form.validate_on_submit():
        try:
            services.save_feedback(participation, form.data, by=current_user)
        except services.ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Thank you: your feedback was saved."), "success")
            return _back(chamber, "feedback")
    page = render_template("profiles/feedback_form.html", form=form, chamber=chamber, participation=participation)
    return page, 400 if form.errors else 200


from parliament_tracker.profiles import views_staff  # noqa: E402, F401
