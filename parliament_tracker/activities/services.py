"""Activity use cases. Each service checks the rules, writes, audits and commits once."""

from __future__ import annotations

from sqlalchemy import select

from parliament_tracker.activities.models import ActivityArea, Donor
from parliament_tracker.audit import record_change
from parliament_tracker.extensions import db


def list_areas() -> list[ActivityArea]:
    return list(db.session.scalars(select(ActivityArea).order_by(ActivityArea.position)))


def donor_choices() -> list[tuple[str, str]]:
    return [(str(d.id), d.name) for d in db.session.scalars(select(Donor).order_by(Donor.name))]


def get_donor(donor_id) -> Donor | None:
    return db.session.get(Donor, int(donor_id)) if str(donor_id).isdigit() else None


def get_donor_by_name(name: str) -> Donor | None:
    return db.session.scalar(select(Donor).where(Donor.name == name.strip()))


def get_or_create_donor(name: str, *, commit: bool = True, is_demo: bool = False, by=None) -> Donor:
    """The donor with this exact name, created (and audited) if it is new."""
    donor = get_donor_by_name(name)
    if donor is None:
        donor = Donor(name=name.strip(), is_demo=is_demo)
        db.session.add(donor)
        record_change("create", donor, before=None, after={"name": donor.name}, by=by)
        if commit:
            db.session.commit()
    return donor
