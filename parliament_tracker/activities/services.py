"""Activity use cases. Each service checks the rules, writes, audits and commits once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.activities.partners import chosen_lead, partners_of
from parliament_tracker.activities.rules import ActivityError, Counts, check_dates, check_type
from parliament_tracker.audit import record_change, snapshot, utcnow
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import StaleEdit
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import WORKING_ROLES
from parliament_tracker.organisations.services import home_organisation, set_partners
from parliament_tracker.translated import in_language

ACTIVITY_FIELDS = ("ref", "title", "activity_type", "start_date", "end_date", "venue", "online", "description",
                   "outcomes", "partners", "preceding_id", "deleted_at")


@dataclass
class ActivityValues:
    """What a person (or a spreadsheet row) says about an activity."""

    title: str
    area_code: str
    activity_type: str
    start_date: dt.date | None
    end_date: dt.date | None = None
    venue: str = ""
    online: bool = False
    description: str = ""
    outcomes: str = ""
    partners: str = ""
    donor_ids: list[int] | None = field(default_factory=list)
    preceding_id: int | None = None
    ref: str | None = None
    # the partner organisations by role (donor_ids: the funding role), and whether the working partners may edit;
    # None for all four: left as they are (a partner's staff editing it decide none of them)
    implementing_ids: list[int] | None = field(default_factory=list)
    co_organising_ids: list[int] | None = field(default_factory=list)
    partners_may_edit: bool | None = False
    # another lead organisation than the recorder's (admins only); None: the recorder's, or unchanged on an edit
    lead_id: int | None = None


def list_areas() -> list[ActivityArea]:
    return list(db.session.scalars(select(ActivityArea).order_by(ActivityArea.position)))


def area_choices() -> list[tuple[str, str]]:
    """(code, label in the reader's language) of every area, in their order."""
    return [(a.code, in_language(a.label, "activity_areas.label")) for a in list_areas()]


def get_area(code: str) -> ActivityArea | None:
    return db.session.scalar(select(ActivityArea).where(ActivityArea.code == code))


def activity_snapshot(activity: Activity) -> dict:
    """The activity's audited values: its columns, area code and donor names."""
    data = snapshot(activity, ACTIVITY_FIELDS)
    data["area"] = activity.area.code if activity.area else None
    data["donors"] = [d.name for d in activity.donors]
    data["lead_organisation"] = activity.lead_organisation.name if activity.lead_organisation else None
    for role in WORKING_ROLES:
        data[role] = [o.name for o in activity.partners_in(role)]
    data["partners_may_edit"] = activity.partners_may_edit
    return data


def _apply(activity: Activity, values: ActivityValues) -> None:
    """Check values and copy them onto activity (nothing is flushed here)."""
    if not values.title.strip():
        raise ActivityError(_("Give the title."), "title")
    area = get_area(values.area_code)
    if area is None:
        raise ActivityError(_("Unknown area %(a)r.", a=values.area_code), "area")
    check_type(values.activity_type)
    end = values.end_date or values.start_date
    check_dates(values.start_date, end)
    if values.preceding_id is not None:
        preceding = db.session.get(Activity, values.preceding_id)
        if preceding is None or preceding.id == activity.id or preceding.is_deleted:
            raise ActivityError(_("Choose another activity as the preceding one."), "preceding")
    ref = (values.ref or "").strip() or None
    if ref and db.session.scalar(select(Activity.id).where(Activity.ref == ref, Activity.id != activity.id)):
        raise ActivityError(_("Another activity already has the reference %(r)s.", r=ref), "ref")
    activity.ref = ref
    activity.title, activity.area, activity.activity_type = values.title.strip(), area, values.activity_type
    activity.start_date, activity.end_date = values.start_date, end
    activity.venue, activity.online = values.venue.strip(), values.online
    activity.description, activity.outcomes, activity.partners = values.description, values.outcomes, values.partners
    activity.preceding_id = values.preceding_id


def create_activity(values: ActivityValues, chambers=(), *, role: str = "beneficiary", by=None,
                    organisation=None) -> Activity:
    """A new activity with the given chambers as participants (counts unknown) and its partner organisations,
    audited; commits once. Its lead is organisation, else values.lead_id (an admin's choice), else the organisation
    of the person recording it, else the installation's own."""
    activity = Activity()
    with unit_of_work():
        _apply(activity, values)
        activity.lead_organisation = organisation or chosen_lead(values, by) or lead_for(by)
        partners = partners_of(values, activity)
        activity.partners_may_edit = bool(values.partners_may_edit)
        activity.participations = [Participation(chamber=c, role=role) for c in dict.fromkeys(chambers)]
        db.session.add(activity)
        db.session.flush()  # its id, for its partner rows
        _write_partners(activity, partners, new=True)
        record_change("create", activity, before=None, after=activity_snapshot(activity), by=by)
        for participation in activity.participations:
            record_change("create", participation, before=None, after=participation_snapshot(participation), by=by)
    return activity


def lead_for(by, organisation=None):
    """The lead organisation of an activity recorded by `by`: the one named, else theirs, else the home one."""
    return organisation or getattr(by, "organisation", None) or home_organisation()


def update_activity(activity: Activity, values: ActivityValues, *, expected_version: int, by=None) -> Activity:
    """Save new values (and partners, and lead when values name them) unless someone saved the activity since
    expected_version was read (StaleEdit)."""
    if expected_version != activity.version:
        raise StaleEdit(_("Someone else saved this activity while you were editing it. Your changes are not "
                          "saved: compare them with the current version, then save again."))
    before = activity_snapshot(activity)
    with unit_of_work(stale=StaleEdit(_("Someone else saved this activity at the same moment. Your changes are "
                                        "not saved; reload the page and try again."))):
        with db.session.no_autoflush:  # every read before the one flush, so the version moves by one
            _apply(activity, values)
            activity.lead_organisation = chosen_lead(values, by) or activity.lead_organisation
            partners = partners_of(values, activity)
            if values.partners_may_edit is not None:
                activity.partners_may_edit = values.partners_may_edit
            _write_partners(activity, partners)
        record_change("update", activity, before=before, after=activity_snapshot(activity), by=by)
    return activity


def _write_partners(activity: Activity, partners: dict[int, str], *, new: bool = False) -> None:
    """Write the partner rows with the activity's other changes (one flush); the activity then reads its partners
    afresh. A change of partners alone is a new version of the activity too (the optimistic lock sees it)."""
    changed = set_partners(activity, partners)
    if changed and not new:
        activity.updated_at = utcnow()
    db.session.flush()
    if changed:
        db.session.expire(activity, ["donors", "partner_links"])


def _set_deleted(activity: Activity, deleted: bool, action: str, by) -> Activity:
    before = activity_snapshot(activity)
    with unit_of_work():
        activity.deleted_at = utcnow() if deleted else None
        db.session.flush()
        record_change(action, activity, before=before, after=activity_snapshot(activity), by=by)
    return activity


def delete_activity(activity: Activity, *, by=None) -> Activity:
    """Move the activity to the bin: lists and dashboards ignore it; it can be restored."""
    return _set_deleted(activity, True, "delete", by)


def restore_activity(activity: Activity, *, by=None) -> Activity:
    """Take the activity out of the bin."""
    return _set_deleted(activity, False, "restore", by)


def participation_snapshot(participation: Participation) -> dict:
    data = snapshot(participation, ("activity_id", "role", "participants", "women", "members",
                                    "secretariat_staff", "ict_staff", "status"))
    data["chamber"] = participation.chamber.code if participation.chamber else None
    return data


def counts_of(participation: Participation) -> Counts:
    return Counts(participation.role, participation.participants, participation.women, participation.members,
                  participation.secretariat_staff, participation.ict_staff)
