"""Activity pages: the list, the bin, one activity, and the forms that create, change, delete and restore."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import queries, services
from parliament_tracker.activities.access import activity_to_edit, activity_to_lead, activity_to_read
from parliament_tracker.activities.exports import export_rows
from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.activities.forms import (
    ActivityForm,
    ConfirmForm,
    ParticipationForm,
)
from parliament_tracker.activities.importing import COLUMNS
from parliament_tracker.activities.partners import ROLE_FIELDS
from parliament_tracker.activities.picker import chamber_code_choices, get_chambers_by_codes
from parliament_tracker.activities.rules import ActivityError
from parliament_tracker.auth.permissions import can_choose_lead, can_edit_activity, can_lead_activity, role_required
from parliament_tracker.downloads import Metadata, filter_labels, table_response
from parliament_tracker.numbers import parse_id
from parliament_tracker.organisations.services import organisation_choices
from parliament_tracker.pages import form_page

bp = Blueprint("activities", __name__, url_prefix="/activities")
STAFF = ("admin", "staff")


def _list(template: str, deleted: bool):
    form, filters = read_activity_filter()
    if filters is None:
        return render_template(template, form=form, page=None), 400
    filters = queries.ActivityFilter(**{**filters.__dict__, "deleted": deleted})
    page = queries.list_activities(filters, form.page.data or 1, current_app.config["PAGE_SIZE"])
    return render_template(template, form=form, page=page, confirm=ConfirmForm())


@bp.get("/")
@role_required(*STAFF)
def index():
    return _list("activities/index.html", deleted=False)


@bp.get("/export.csv", defaults={"fmt": "csv"})
@bp.get("/export.xlsx", defaults={"fmt": "xlsx"})
@role_required(*STAFF)
def export(fmt: str):
    """The filtered activities in the import's columns, as CSV (streamed) or XLSX."""
    form, filters = read_activity_filter()
    if filters is None:
        abort(400, _("Invalid filter values.") + " " + " ".join(
            f"{getattr(form, name).label.text}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()))
    metadata = Metadata(_("Activities"), filters=filter_labels(form), source=_("parliament-tracker activities"))
    return table_response("activities", COLUMNS, export_rows(filters), fmt=fmt, stream=fmt == "csv",
                          metadata=metadata)


@bp.get("/bin")
@role_required(*STAFF)
def bin():
    return _list("activities/bin.html", deleted=True)


@bp.get("/<int:activity_id>")
@role_required(*STAFF)
def detail(activity_id: int):
    activity = activity_to_read(activity_id, deleted=None)
    add_form = ParticipationForm()
    add_form.chambers.choices = chamber_code_choices()
    return render_template("activities/detail.html", activity=activity, add_form=add_form, confirm=ConfirmForm(),
                           history=queries.activity_history(activity),
                           editable=can_edit_activity(current_user, activity),
                           leads=can_lead_activity(current_user, activity))


PARTNER_FIELDS = ("implementing", "co_organising", "donors", "partners_may_edit")


def _activity_form(activity=None) -> ActivityForm:
    """The form, holding the organisation fields the signed-in person may set: the lead for an admin, the partners
    for the lead's staff (a field left out is left as it is, whatever a post says)."""
    form = ActivityForm()
    form.area.choices = services.area_choices()
    form.lead.choices = form.implementing.choices = form.co_organising.choices = form.donors.choices = \
        organisation_choices()
    form.preceding.choices = [("", _("(none)"))] + queries.activity_choices(exclude=activity.id if activity else None)
    form.chambers.choices = chamber_code_choices()
    if not can_choose_lead(current_user):
        del form.lead
    if activity is not None and not can_lead_activity(current_user, activity):
        for name in PARTNER_FIELDS:
            delattr(form, name)
    if activity is not None and request.method == "GET":
        form.process(obj=activity, area=activity.area.code, lead=str(activity.lead_organisation_id),
                     **{field: [str(o.id) for o in activity.partners_in(role)] for role, _n, field in ROLE_FIELDS},
                     preceding=str(activity.preceding_id or ""), version=str(activity.version))
    elif form.lead and request.method == "GET":
        form.lead.data = str(services.lead_for(current_user).id)
    return form


def _ids(field) -> list[int] | None:
    """The organisation ids a multi-select holds (0 for a value that is no id: refused as unknown), None when the
    form does not carry the field."""
    return None if field is None else [parse_id(i) or 0 for i in field.data if str(i).strip()]


def _values(form: ActivityForm) -> services.ActivityValues:
    lead = str(form.lead.data or "").strip() if form.lead else ""
    return services.ActivityValues(
        title=form.title.data or "", area_code=form.area.data, activity_type=form.activity_type.data,
        start_date=form.start_date.data, end_date=form.end_date.data, venue=form.venue.data or "",
        online=form.online.data, description=form.description.data or "", outcomes=form.outcomes.data or "",
        partners=form.partners.data or "", donor_ids=_ids(form.donors), implementing_ids=_ids(form.implementing),
        co_organising_ids=_ids(form.co_organising), lead_id=(parse_id(lead) or 0) if lead else None,
        partners_may_edit=form.partners_may_edit.data if form.partners_may_edit else None,
        preceding_id=(parse_id(form.preceding.data) or 0) if str(form.preceding.data or "").strip() else None,
        ref=form.ref.data or "")


@bp.route("/new", methods=["GET", "POST"])
@role_required(*STAFF)
def new():
    form = _activity_form()

    def save():
        chambers = get_chambers_by_codes(form.chambers.data)
        if len(chambers) != len(set(form.chambers.data)):
            raise ActivityError(_("Unknown chamber code."), "chambers")
        return services.create_activity(_values(form), chambers, role=form.role.data, by=current_user)

    return form_page(form, save, "activities/form.html", activity=None, lead=services.lead_for(current_user),
                     saved=lambda activity: (_("Activity saved."), _detail_url(activity)))


@bp.route("/<int:activity_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF)
def edit(activity_id: int):
    activity = activity_to_edit(activity_id)
    form = _activity_form(activity)
    del form.chambers, form.role

    def save():
        version = parse_id(form.version.data) or -1
        return services.update_activity(activity, _values(form), expected_version=version, by=current_user)

    def show_current_version(_error):
        form.version.data = str(activity.version)

    return form_page(form, save, "activities/form.html", activity=activity, lead=activity.lead_organisation,
                     stale=show_current_version, saved=(_("Activity saved."), _detail_url(activity)))


def _detail_url(activity) -> str:
    return url_for("activities.detail", activity_id=activity.id)


@bp.post("/<int:activity_id>/delete")
@role_required(*STAFF)
def delete(activity_id: int):
    activity = activity_to_lead(activity_id)
    services.delete_activity(activity, by=current_user)
    flash(_("“%(title)s” moved to the bin; it can be restored from there.", title=activity.title), "success")
    return redirect(url_for("activities.index"))


@bp.post("/<int:activity_id>/restore")
@role_required(*STAFF)
def restore(activity_id: int):
    activity = activity_to_lead(activity_id, deleted=True)
    services.restore_activity(activity, by=current_user)
    flash(_("“%(title)s” restored.", title=activity.title), "success")
    return redirect(_detail_url(activity))


from parliament_tracker.activities import views_audit, views_import, views_participations  # noqa: E402,F401
