"""Donor reads and the one donor write (created by name, audited), for every feature that names donors."""

from __future__ import annotations

from sqlalchemy import select

from parliament_tracker.audit import record_change
from parliament_tracker.database import unit_of_work
from parliament_tracker.donors.models import Donor
from parliament_tracker.extensions import db
from parliament_tracker.numbers import parse_id


def donor_choices() -> list[tuple[str, str]]:
    """(id, name) of every donor, by name, for a select field."""
    return [(str(d.id), d.name) for d in db.session.scalars(select(Donor).order_by(Donor.name))]


def get_donor(donor_id) -> Donor | None:
    donor_id = parse_id(donor_id)
    return db.session.get(Donor, donor_id) if donor_id is not None else None


def get_donor_by_name(name: str) -> Donor | None:
    return db.session.scalar(select(Donor).where(Donor.name == name.strip()))


def get_or_create_donor(name: str, *, is_demo: bool = False, by=None) -> Donor:
    """The donor with this exact name, created (and audited) if it is new; inside a caller's unit of work it
    commits with the caller's other writes."""
    donor = get_donor_by_name(name)
    if donor is None:
        with unit_of_work():
            donor = Donor(name=name.strip(), is_demo=is_demo)
            db.session.add(donor)
            record_change("create", donor, before=None, after={"name": donor.name}, by=by)
    return donor
