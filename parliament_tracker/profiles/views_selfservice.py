"""Parliament self-service on its profile: contacts, confirming or disputing records, reporting missing ones,
feedback on activities; and the staff queue that resolves disputes and reports."""

from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import can_edit_chamber_records, role_required
from parliament_tracker.chambers.services import get_chamber_or_404
from parliament_tracker.pages import form_action, form_page
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


def _own_participation_or_404(code: str, participation_id: int):
    """The current parliament account's chamber and one of its participations (403 / 404 otherwise)."""
    chamber = own_chamber_or_403(code)
    return chamber, services.get_participation_or_404(chamber, participation_id)


def _profile_url(chamber, anchor: str) -> str:
    return url_for("profiles.detail", code=chamber.code, _anchor=anchor)


def _contact_page(chamber, contact=None):
    form = ContactForm(obj=contact) if request.method == "GET" else ContactForm()

    def save():
        version = int(form.version.data) if str(form.version.data).isdigit() else -1
        return services.save_contact(chamber, contact, form.data, by=current_user, expected_version=version)

    def show_current_version(_error):  # what was typed stays in the form; the page shows what is saved now
        form.version.data = str(contact.version)

    return form_page(form, save, "profiles/contact_form.html", chamber=chamber, contact=contact,
                     stale=show_current_version, saved=(_("Contact saved."), _profile_url(chamber, "contacts")))


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
    return form_action(ActionForm(), lambda: services.delete_contact(contact, by=current_user),
                       saved=(_("Contact removed."), _profile_url(chamber, "contacts")))


@bp.post("/<code>/participations/<int:participation_id>/confirm")
@role_required(*SELF)
def confirm(code: str, participation_id: int):
    chamber, participation = _own_participation_or_404(code, participation_id)
    return form_action(ActionForm(), lambda: disputes.confirm_participation(participation, by=current_user),
                       saved=(_("Record confirmed."), _profile_url(chamber, "records")))


@bp.route("/<code>/participations/<int:participation_id>/dispute", methods=["GET", "POST"])
@role_required(*SELF)
def dispute(code: str, participation_id: int):
    chamber, participation = _own_participation_or_404(code, participation_id)
    form = DisputeForm()
    return form_page(form, lambda: disputes.dispute_participation(participation, form.note.data, by=current_user),
                     "profiles/dispute.html", chamber=chamber, participation=participation,
                     saved=(_("Your dispute was sent to the centre."), _profile_url(chamber, "records")))


@bp.route("/<code>/missing", methods=["GET", "POST"])
@role_required(*SELF)
def report_missing(code: str):
    chamber = own_chamber_or_403(code)
    form = MissingForm()
    return form_page(form, lambda: disputes.report_missing(chamber, form.missing_activity.data, form.note.data,
                                                           by=current_user),
                     "profiles/missing.html", chamber=chamber,
                     saved=(_("Your report was sent to the centre."), _profile_url(chamber, "reports")))


@bp.route("/<code>/participations/<int:participation_id>/feedback", methods=["GET", "POST"])
@role_required(*SELF)
def give_feedback(code: str, participation_id: int):
    chamber, participation = _own_participation_or_404(code, participation_id)
    existing = services.get_feedback(participation.activity_id, chamber.id)
    form = FeedbackForm(obj=existing) if request.method == "GET" else FeedbackForm()
    return form_page(form, lambda: services.save_feedback(participation, form.data, by=current_user),
                     "profiles/feedback_form.html", chamber=chamber, participation=participation,
                     saved=(_("Thank you: your feedback was saved."), _profile_url(chamber, "feedback")))


from parliament_tracker.profiles import views_staff  # noqa: E402, F401
