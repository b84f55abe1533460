"""Organisation reads and writes (created by name, audited), for every feature that names organisations."""

from __future__ import annotations

from sqlalchemy import select

from parliament_tracker.audit import record_change
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.numbers import parse_id
from parliament_tracker.organisations.models import ORGANISATION_TYPES, ActivityPartner, Organisation


class OrganisationError(ValueError):
    """An organisation that cannot be created as asked (a name or IATI identifier taken, an unknown type)."""


def public_organisations():
    """SELECT of the ids of the organisations whose activities are public: an activity is public when its lead's
    id is in it (the one definition every public page, export, API answer and stored aggregate uses)."""
    return select(Organisation.id).where(Organisation.activities_public.is_(True))


def organisation_choices(*, public_only: bool = False) -> list[tuple[str, str]]:
    """(id, name) of every organisation (or of those whose activities are public), by name, for a select field."""
    stmt = select(Organisation.id, Organisation.name).order_by(Organisation.name)
    if public_only:
        stmt = stmt.where(Organisation.activities_public.is_(True))
    return [(str(i), name) for i, name in db.session.execute(stmt)]


def get_organisation(organisation_id) -> Organisation | None:
    organisation_id = parse_id(organisation_id)
    return db.session.get(Organisation, organisation_id) if organisation_id is not None else None


def get_organisation_by_name(name: str) -> Organisation | None:
    """The organisation of that exact name or short name."""
    name = name.strip()
    return (db.session.scalar(select(Organisation).where(Organisation.name == name))
            or db.session.scalar(select(Organisation).where(Organisation.short_name == name).limit(1)))


def home_organisation() -> Organisation:
    """The installation's own organisation (the centre): the migration that introduced organisations made it."""
    home = db.session.scalar(select(Organisation).where(Organisation.is_home.is_(True)))
    if home is None:
        raise LookupError("no home organisation: run `flask db upgrade`")
    return home


def list_organisations() -> list[Organisation]:
    return list(db.session.scalars(select(Organisation).order_by(Organisation.name)))


def create_organisation(name: str, *, org_type: str, short_name: str = "", iati_id: str | None = None,
                        website: str = "", activities_public: bool = True, is_demo: bool = False,
                        by=None) -> Organisation:
    """A new organisation, audited; OrganisationError when the name or IATI identifier is taken or the type unknown."""
    name, iati_id = name.strip(), (iati_id or "").strip() or None
    if not name:
        raise OrganisationError("An organisation needs a name.")
    if org_type not in ORGANISATION_TYPES:
        raise OrganisationError(f"Unknown organisation type {org_type!r}: one of {', '.join(ORGANISATION_TYPES)}.")
    if db.session.scalar(select(Organisation.id).where(Organisation.name == name)) is not None:
        raise OrganisationError(f"An organisation named {name!r} exists already.")
    if iati_id and db.session.scalar(select(Organisation.id).where(Organisation.iati_id == iati_id)) is not None:
        raise OrganisationError(f"The IATI identifier {iati_id!r} belongs to another organisation.")
    with unit_of_work(conflict=OrganisationError(f"An organisation named {name!r} exists already.")):
        organisation = Organisation(name=name, org_type=org_type, short_name=short_name.strip()[:40],
                                    iati_id=iati_id, website=website.strip(), activities_public=activities_public,
                                    is_demo=is_demo)
        db.session.add(organisation)
        db.session.flush()
        record_change("create", organisation, before=None, after=_audited(organisation), by=by)
    return organisation


def get_or_create_organisation(name: str, *, org_type: str = "donor_agency", is_demo: bool = False,
                               by=None) -> Organisation:
    """The organisation with this exact name, created (and audited) if it is new; inside a caller's unit of work
    it commits with the caller's other writes."""
    organisation = db.session.scalar(select(Organisation).where(Organisation.name == name.strip()))
    if organisation is None:
        with unit_of_work():
            organisation = Organisation(name=name.strip(), org_type=org_type, is_demo=is_demo)
            db.session.add(organisation)
            record_change("create", organisation, before=None, after={"name": organisation.name}, by=by)
    return organisation


def set_partners(activity, wanted: dict[int, str]) -> bool:
    """Make the activity's partner organisations exactly wanted ({organisation id: role}), inside the caller's unit
    of work (the caller checks the ids and that the lead is not among them); True when anything changed. Written as
    ORM rows, so that the session's coverage upkeep refreshes the activity's cells in the same transaction."""
    current = {link.organisation_id: link for link in
               db.session.scalars(select(ActivityPartner).where(ActivityPartner.activity_id == activity.id))}
    changed = False
    for organisation_id, link in current.items():
        if organisation_id not in wanted:
            db.session.delete(link)
            changed = True
        elif link.role != wanted[organisation_id]:
            link.role, changed = wanted[organisation_id], True
    for organisation_id, role in wanted.items():
        if organisation_id not in current:
            db.session.add(ActivityPartner(activity_id=activity.id, organisation_id=organisation_id, role=role))
            changed = True
    return changed


def _audited(organisation: Organisation) -> dict:
    return {"name": organisation.name, "short_name": organisation.short_name, "org_type": organisation.org_type,
            "iati_id": organisation.iati_id, "website": organisation.website,
            "activities_public": organisation.activities_public}
