"""Which chambers took part in an activity: add, change, remove, and the picker's chamber search (JSON)."""

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import queries
from parliament_tracker.activities.access import activity_to_edit
from parliament_tracker.activities.forms import ParticipationForm
from parliament_tracker.activities.participations import (
    add_participations,
    remove_participation,
    update_participation,
)
from parliament_tracker.activities.picker import chamber_code_choices, get_chambers_by_codes, picker_search
from parliament_tracker.activities.rules import ActivityError, Counts
from parliament_tracker.activities.services import counts_of
from parliament_tracker.activities.views import STAFF, bp
from parliament_tracker.auth.permissions import role_required
from parliament_tracker.pages import form_page


def _counts(form: ParticipationForm) -> Counts:
    return Counts(form.role.data, form.participants.data, form.women.data, form.members.data,
                  form.secretariat_staff.data, form.ict_staff.data)


@bp.get("/chambers/search")
@role_required(*STAFF)
def chamber_search():
    """JSON for the picker: chambers matching q, and 'both chambers' entries for bicameral parliaments."""
    results = picker_search(request.args.get("q", "")[:100], _("{country}: both chambers ({codes})"))
    return jsonify(results=results)


@bp.route("/<int:activity_id>/participations/new", methods=["GET", "POST"])
@role_required(*STAFF)
def add_participation(activity_id: int):
    activity = activity_to_edit(activity_id)
    form = ParticipationForm()
    form.chambers.choices = chamber_code_choices()

    def save():
        chambers = get_chambers_by_codes(form.chambers.data)
        if len(chambers) != len(set(form.chambers.data)):
            raise ActivityError(_("Unknown chamber code."), "chambers")
        return add_participations(activity, chambers, _counts(form), by=current_user)

    return form_page(form, save, "activities/participation_form.html", activity=activity, participation=None,
                     saved=lambda added: (_("%(n)s chamber(s) added.", n=len(added)), _chambers_url(activity)))


@bp.route("/<int:activity_id>/participations/<int:participation_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF)
def edit_participation(activity_id: int, participation_id: int):
    activity = activity_to_edit(activity_id)
    participation = queries.get_participation_or_404(activity, participation_id)
    data = {**counts_of(participation).__dict__, "version": participation.version}
    form = ParticipationForm(data=data if request.method == "GET" else None)
    del form.chambers

    def save():
        version = int(form.version.data) if str(form.version.data).isdigit() else -1
        return update_participation(participation, _counts(form), expected_version=version, by=current_user)

    def show_current_version(_error):  # what was typed stays in the form; the page shows what is saved now
        form.version.data = str(participation.version)

    return form_page(form, save, "activities/participation_form.html", activity=activity,
                     participation=participation, stale=show_current_version,
                     saved=lambda _p: (_("%(code)s saved.", code=participation.chamber.code), _chambers_url(activity)))


def _chambers_url(activity) -> str:
    return url_for("activities.detail", activity_id=activity.id, _anchor="chambers")


@bp.post("/<int:activity_id>/participations/<int:participation_id>/delete", endpoint="remove_participation")
@role_required(*STAFF)
def remove_participation_view(activity_id: int, participation_id: int):
    activity = activity_to_edit(activity_id)
    participation = queries.get_participation_or_404(activity, participation_id)
    code = participation.chamber.code
    remove_participation(participation, by=current_user)
    flash(_("%(code)s no longer takes part in this activity.", code=code), "success")
    return redirect(_chambers_url(activity))
