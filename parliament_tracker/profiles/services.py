"""Chamber self-service use cases: contacts and feedback. Each checks the rules, audits and commits once."""

from __future__ import annotations

import datetime as dt

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.audit import record_change, snapshot
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError, StaleEdit
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import ChamberContact, Feedback

CONTACT_FIELDS = ("name", "role", "email", "phone")
FEEDBACK_FIELDS = ("usefulness", "follow_up", "comment")


class ProfileError(DomainError):
    """A self-service rule was broken; field names the form field the message belongs next to."""


def list_contacts(chamber_id: int) -> list[ChamberContact]:
    """The chamber's contact people, by name."""
    stmt = select(ChamberContact).where(ChamberContact.chamber_id == chamber_id).order_by(ChamberContact.name)
    return list(db.session.scalars(stmt))


def get_contact_or_404(chamber, contact_id: int) -> ChamberContact:
    """The chamber's contact; another chamber's contact id answers 404, as an unknown one does."""
    contact = db.session.get(ChamberContact, contact_id)
    if contact is None or contact.chamber_id != chamber.id:
        abort(404)
    return contact


def save_contact(chamber, contact: ChamberContact | None, data: dict, by,
                 expected_version: int | None = None) -> ChamberContact:
    """Create (contact None) or change one of the chamber's contacts, with its audit record; StaleEdit (nothing
    written) when someone saved the contact since expected_version was read."""
    values = {f: (data.get(f) or "").strip() for f in CONTACT_FIELDS}
    if not values["name"]:
        raise ProfileError(_l("Give the contact's name."), "name")
    stale = StaleEdit(_l("Someone else saved this contact while you were editing it. Your changes are not saved: "
                         "compare them with what is saved now, then save again."))
    if contact is not None and expected_version != contact.version:
        raise stale
    before = snapshot(contact, CONTACT_FIELDS) if contact else None
    with unit_of_work(stale=stale):
        if contact is None:
            contact = ChamberContact(chamber=chamber)
            db.session.add(contact)
        for field, value in values.items():
            setattr(contact, field, value)
        db.session.flush()
        record_change("update" if before else "create", contact, before=before,
                      after=snapshot(contact, CONTACT_FIELDS), by=by)
    return contact


def delete_contact(contact: ChamberContact, by) -> None:
    """Remove a contact; the audit record keeps what it said."""
    with unit_of_work():
        record_change("delete", contact, before=snapshot(contact, CONTACT_FIELDS), after=None, by=by)
        db.session.delete(contact)


def get_participation_or_404(chamber, participation_id: int) -> Participation:
    """The chamber's own participation in a live activity; anything else answers 404."""
    participation = db.session.get(Participation, participation_id)
    if participation is None or participation.chamber_id != chamber.id or participation.activity.is_deleted:
        abort(404)
    return participation


def get_feedback(activity_id: int, chamber_id: int) -> Feedback | None:
    """The chamber's one feedback on the activity, if it gave one."""
    stmt = select(Feedback).where(Feedback.activity_id == activity_id, Feedback.chamber_id == chamber_id)
    return db.session.scalar(stmt)


def chamber_feedback(chamber_id: int) -> list[Feedback]:
    """Every feedback the chamber gave, newest activity first."""
    stmt = (select(Feedback).join(Feedback.activity).where(Feedback.chamber_id == chamber_id)
            .order_by(Activity.start_date.desc()))
    return list(db.session.scalars(stmt))


def save_feedback(participation: Participation, data: dict, by, today: dt.date | None = None) -> Feedback:
    """Record (or change) the chamber's one rating of an activity it took part in, once the activity ended."""
    today = today or dt.date.today()
    if participation.activity.end_date > today:
        raise ProfileError(_l("Feedback opens once the activity has ended."), "usefulness")
    usefulness = data.get("usefulness")
    if not isinstance(usefulness, int) or not 1 <= usefulness <= 5:
        raise ProfileError(_l("Rate the usefulness from 1 to 5."), "usefulness")
    feedback = get_feedback(participation.activity_id, participation.chamber_id)
    before = snapshot(feedback, FEEDBACK_FIELDS) if feedback else None
    conflict = ProfileError(_l("This chamber's feedback was saved meanwhile; reload and try again."))
    with unit_of_work(conflict=conflict):
        if feedback is None:
            feedback = Feedback(activity_id=participation.activity_id, chamber_id=participation.chamber_id,
                                created_by_id=getattr(by, "id", None))
            db.session.add(feedback)
        feedback.usefulness = usefulness
        feedback.follow_up = (data.get("follow_up") or "").strip()
        feedback.comment = (data.get("comment") or "").strip()
        db.session.flush()
        record_change("update" if before else "create", feedback, before=before,
                      after=snapshot(feedback, FEEDBACK_FIELDS), by=by)
    return feedback
