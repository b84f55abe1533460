"""Participation use cases: add chambers to an activity, change their counts, remove them; audited, one commit."""

from __future__ import annotations

from dataclasses import asdict

from flask_babel import gettext as _

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.activities.rules import ActivityError, Counts, DuplicateParticipation, check_counts
from parliament_tracker.activities.services import participation_snapshot
from parliament_tracker.audit import record_change
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import StaleEdit
from parliament_tracker.extensions import db


def add_participations(activity: Activity, chambers, counts: Counts, *, by=None) -> list[Participation]:
    """Each chamber joins the activity with the same role and counts; refuses all if one is already in it."""
    check_counts(counts)
    chambers = list(dict.fromkeys(chambers))
    if not chambers:
        raise ActivityError(_("Choose at least one chamber."), "chambers")
    present = {p.chamber_id for p in activity.participations}
    already = [c.code for c in chambers if c.id in present]
    if already:
        raise DuplicateParticipation(_("Already taking part: %(codes)s.", codes=", ".join(already)), "chambers")
    added = [Participation(activity=activity, chamber=c, **asdict(counts)) for c in chambers]
    with unit_of_work():
        db.session.add_all(added)
        db.session.flush()
        for participation in added:
            record_change("create", participation, before=None, after=participation_snapshot(participation), by=by)
    return added


def update_participation(participation: Participation, counts: Counts, *, expected_version: int | None = None,
                         by=None) -> Participation:
    """New role and counts for one chamber's part; checked before anything is written. StaleEdit (nothing
    written) when someone saved it since expected_version was read."""
    check_counts(counts)
    if expected_version is not None and expected_version != participation.version:
        raise StaleEdit(_("Someone else saved this chamber's part while you were editing it. Your changes are not "
                          "saved: compare them with what is saved now, then save again."))
    before = participation_snapshot(participation)
    with unit_of_work(stale=StaleEdit(_("Someone else saved this chamber's part at the same moment. Your changes "
                                        "are not saved; compare them with what is saved now, then save again."))):
        for name, value in asdict(counts).items():
            setattr(participation, name, value)
        db.session.flush()
        record_change("update", participation, before=before, after=participation_snapshot(participation), by=by)
    return participation


def remove_participation(participation: Participation, *, by=None) -> None:
    """The chamber no longer takes part; the audit record keeps what it was."""
    with unit_of_work():
        record_change("delete", participation, before=participation_snapshot(participation), after=None, by=by)
        db.session.delete(participation)
