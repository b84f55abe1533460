"""Parliaments check the centre's record: confirm or dispute a participation, report a missing one; staff
resolve each report. Every step updates Participation.status and is audited in the same commit."""

from __future__ import annotations

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, literal, or_, select, true

from parliament_tracker.activities.models import PARTICIPATION_ROLES, Activity, Participation
from parliament_tracker.audit import record_change, snapshot, utcnow
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.numbers import parse_id
from parliament_tracker.profiles.models import ParticipationReport
from parliament_tracker.profiles.services import ProfileError

PARTICIPATION_FIELDS = ("activity_id", "chamber_id", "role", "participants", "women", "status", "status_note")
REPORT_FIELDS = ("kind", "participation_id", "missing_activity", "note", "status", "resolution_note")


def _open_dispute(participation_id: int) -> ParticipationReport | None:
    return db.session.scalar(select(ParticipationReport).where(
        ParticipationReport.participation_id == participation_id, ParticipationReport.status == "open"))


def _set_status(participation: Participation, status: str, note: str, by) -> None:
    before = snapshot(participation, PARTICIPATION_FIELDS)
    participation.status, participation.status_note = status, note
    record_change("update", participation, before=before, after=snapshot(participation, PARTICIPATION_FIELDS),
                  by=by)


def confirm_participation(participation: Participation, by) -> None:
    """The parliament confirms the record as the centre keeps it."""
    if _open_dispute(participation.id):
        raise ProfileError(_l("This record is disputed; the centre will answer the dispute first."))
    with unit_of_work():
        _set_status(participation, "confirmed", "", by)


def dispute_participation(participation: Participation, note: str, by) -> ParticipationReport:
    """The parliament disputes the record, saying what is wrong; it goes to the staff queue."""
    note = (note or "").strip()
    if not note:
        raise ProfileError(_l("Say what is wrong with this record."), "note")
    if _open_dispute(participation.id):
        raise ProfileError(_l("This record is already disputed."), "note")
    report = ParticipationReport(kind="dispute", chamber_id=participation.chamber_id, note=note,
                                 activity_id=participation.activity_id, participation_id=participation.id,
                                 created_by_id=getattr(by, "id", None))
    with unit_of_work():
        db.session.add(report)
        _set_status(participation, "disputed", note, by)
        record_change("create", report, before=None, after=snapshot(report, REPORT_FIELDS), by=by)
    return report


def report_missing(chamber, description: str, note: str, by) -> ParticipationReport:
    """The parliament reports an activity it took part in that the centre's record lacks."""
    description = (description or "").strip()
    if not description:
        raise ProfileError(_l("Describe the activity: its title, date and place."), "missing_activity")
    report = ParticipationReport(kind="missing", chamber_id=chamber.id, missing_activity=description,
                                 note=(note or "").strip(), created_by_id=getattr(by, "id", None))
    with unit_of_work():
        db.session.add(report)
        record_change("create", report, before=None, after=snapshot(report, REPORT_FIELDS), by=by)
    return report


def routed_to(user):
    """WHERE condition: the reports that go to user. A dispute goes to the staff of the organisation that leads the
    disputed activity; a report of a missing activity (no activity yet) to the home organisation's staff; an admin
    sees every report."""
    if user.role == "admin":
        return true()
    led = select(Activity.id).where(Activity.lead_organisation_id == user.organisation_id)
    home = bool(user.organisation is not None and user.organisation.is_home)
    return or_(ParticipationReport.activity_id.in_(led), and_(ParticipationReport.activity_id.is_(None), literal(home)))


def open_reports(user) -> list[ParticipationReport]:
    """The staff queue: the open disputes and missing-record reports routed to user, oldest first."""
    stmt = (select(ParticipationReport).where(ParticipationReport.status == "open", routed_to(user))
            .order_by(ParticipationReport.created_at, ParticipationReport.id))
    return list(db.session.scalars(stmt))


def get_report_or_404(report_id: int, user) -> ParticipationReport:
    """A report routed to user (staff only reach this); 404 for another organisation's."""
    report = db.session.scalar(select(ParticipationReport).where(ParticipationReport.id == report_id,
                                                                  routed_to(user)))
    if report is None:
        abort(404)
    return report


def find_live_activity(value: str) -> Activity | None:
    """A live activity by its reference or its number."""
    value = (value or "").strip()
    clause = Activity.ref == value
    if parse_id(value) is not None:
        clause = clause | (Activity.id == parse_id(value))
    return db.session.scalar(select(Activity).where(clause, Activity.deleted_at.is_(None)))


DECISIONS = ("accepted", "corrected", "rejected")


def _counts(correction: dict) -> dict:
    """The corrected role and counts, checked: counts are whole numbers from 0, women no more than everyone."""
    role = correction.get("role") or "beneficiary"
    if role not in PARTICIPATION_ROLES:
        raise ProfileError(_l("Choose beneficiary or expert."), "role")
    participants, women = correction.get("participants"), correction.get("women")
    for field, value in (("participants", participants), ("women", women)):
        if value is not None and value < 0:
            raise ProfileError(_l("Give a number from 0."), field)
    if participants is not None and women is not None and women > participants:
        raise ProfileError(_l("Women cannot outnumber participants."), "women")
    return {"role": role, "participants": participants, "women": women}


def _resolve_dispute(report: ParticipationReport, decision: str, note: str, correction: dict, by) -> None:
    participation = report.participation
    if participation is None:
        return  # the record was removed meanwhile: nothing left to change
    if decision == "accepted":
        # The parliament was right that it did not take part: the record goes, its history stays.
        record_change("delete", participation, before=snapshot(participation, PARTICIPATION_FIELDS), after=None,
                      by=by, note=f"dispute {report.id} accepted")
        report.participation = None
        db.session.delete(participation)
        return
    if decision == "rejected":
        _set_status(participation, "claimed", note, by)
        return
    before = snapshot(participation, PARTICIPATION_FIELDS)
    for field, value in _counts(correction).items():
        setattr(participation, field, value)
    participation.status, participation.status_note = "confirmed", note
    record_change("update", participation, before=before, after=snapshot(participation, PARTICIPATION_FIELDS),
                  by=by)


def _resolve_missing(report: ParticipationReport, decision: str, note: str, correction: dict, by) -> None:
    if decision == "rejected":
        return
    activity = find_live_activity(correction.get("activity"))
    if activity is None:
        raise ProfileError(_l("No live activity has this reference or number."), "activity")
    taken = db.session.scalar(select(Participation.id).where(Participation.activity_id == activity.id,
                                                             Participation.chamber_id == report.chamber_id))
    if taken:
        raise ProfileError(_l("The chamber already has a record in this activity."), "activity")
    participation = Participation(activity_id=activity.id, chamber_id=report.chamber_id, status="confirmed",
                                  status_note=note, **_counts(correction))
    db.session.add(participation)
    db.session.flush()
    record_change("create", participation, before=None, after=snapshot(participation, PARTICIPATION_FIELDS),
                  by=by, note=f"missing report {report.id}")
    report.participation_id, report.activity_id = participation.id, activity.id


def resolve_report(report: ParticipationReport, decision: str, note: str, by, correction: dict | None = None):
    """Staff answer an open report. Dispute: accepted removes the record, corrected applies the corrected role
    and counts and confirms it, rejected keeps the centre's record (status back to claimed, the reason in its
    note). Missing: accepted or corrected adds a confirmed record to the named live activity."""
    note = (note or "").strip()
    if report.status != "open":
        raise ProfileError(_l("This report was already resolved."))
    if decision not in DECISIONS:
        raise ProfileError(_l("Choose accept, correct or reject."), "decision")
    if decision != "accepted" and not note:
        raise ProfileError(_l("Give the reason, for the parliament and the audit trail."), "resolution_note")
    before = snapshot(report, REPORT_FIELDS)
    with unit_of_work():
        resolve = _resolve_dispute if report.kind == "dispute" else _resolve_missing
        resolve(report, decision, note, correction or {}, by)
        report.status, report.resolution_note = decision, note
        report.resolved_by_id, report.resolved_at = getattr(by, "id", None), utcnow()
        record_change("update", report, before=before, after=snapshot(report, REPORT_FIELDS), by=by)
