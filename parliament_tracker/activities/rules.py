"""The rules every activity and participation obeys, shared by the forms' services and the spreadsheet import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask_babel import gettext as _

from parliament_tracker.activities.models import ACTIVITY_TYPES, PARTICIPATION_ROLES
from parliament_tracker.domain import DomainError

EARLIEST = dt.date(1990, 1, 1)
# How far ahead an activity may be planned, in years after today.
YEARS_AHEAD = 5
COUNT_FIELDS = ("participants", "women", "members", "secretariat_staff", "ict_staff")


class ActivityError(DomainError):
    """A rule about activities or participations was broken; field names the form field it belongs to."""


class DuplicateParticipation(ActivityError):
    """The chamber already takes part in the activity."""


@dataclass
class Counts:
    """A chamber's part in an activity: its role and how many people (None when unknown)."""

    role: str = "beneficiary"
    participants: int | None = None
    women: int | None = None
    members: int | None = None
    secretariat_staff: int | None = None
    ict_staff: int | None = None


def latest_date() -> dt.date:
    today = dt.date.today()
    return today.replace(year=today.year + YEARS_AHEAD, day=min(today.day, 28))


def check_dates(start: dt.date | None, end: dt.date | None) -> None:
    """Both dates between 1990 and five years from today, the end not before the start."""
    if start is None:
        raise ActivityError(_("Give the start date."), "start_date")
    for name, value in (("start_date", start), ("end_date", end)):
        if value is not None and not EARLIEST <= value <= latest_date():
            raise ActivityError(_("Give a date between %(a)s and %(b)s.", a=EARLIEST.isoformat(),
                                  b=latest_date().isoformat()), name)
    if end is not None and end < start:
        raise ActivityError(_("The end date cannot be before the start date."), "end_date")


def check_type(activity_type: str) -> None:
    if activity_type not in ACTIVITY_TYPES:
        raise ActivityError(_("Unknown activity type %(t)r.", t=activity_type), "activity_type")


def check_counts(counts: Counts) -> None:
    """Counts are whole numbers of at least zero, and women are not more than the participants."""
    if counts.role not in PARTICIPATION_ROLES:
        raise ActivityError(_("Unknown role %(r)r.", r=counts.role), "role")
    for name in COUNT_FIELDS:
        value = getattr(counts, name)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ActivityError(_("Give a whole number of 0 or more."), name)
        if value is not None and value > 100_000:
            raise ActivityError(_("This number is too large for one chamber."), name)
    if counts.women is not None and counts.participants is not None and counts.women > counts.participants:
        raise ActivityError(_("Women cannot be more than the participants."), "women")
