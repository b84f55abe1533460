"""Organisation reads and writes (created by name, audited), for every feature that names organisations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from parliament_tracker.audit import record_change
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError
from parliament_tracker.extensions import db
from parliament_tracker.numbers import parse_id
from parliament_tracker.organisations.models import ORGANISATION_TYPES, ActivityPartner, Organisation
from parliament_tracker.translated import save_translations, translations_for

# IATI's organisation identifier: a registration agency's code (country or XM/XI, then the register: XM-DAC,
# GB-CHC, XI-IATI) and the organisation's number in that register (XM-DAC-41114, GB-GOV-1-300123)
IATI_ORG_ID = re.compile(r"[A-Z]{2}-[A-Z0-9]{2,12}-[A-Za-z0-9][A-Za-z0-9._/-]{0,45}")
TRANSLATED = ("name", "short_name")  # the columns written in each language (content_translations)


class OrganisationError(DomainError):
    """An organisation that cannot be saved as asked (a name or IATI identifier taken, an unknown type, a bad
    website…); field names the form field the message belongs next to."""


@dataclass
class OrganisationValues:
    """What the admin's form (or the command line) says of an organisation."""

    name: str
    org_type: str
    short_name: str = ""
    iati_id: str | None = None
    website: str = ""
    activities_public: bool = True
    country: object = None
    chambers: list = field(default_factory=list)


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
    values = OrganisationValues(name=name, org_type=org_type, short_name=short_name, iati_id=iati_id,
                                website=website, activities_public=activities_public)
    return save_organisation(None, values, is_demo=is_demo, by=by)


def save_organisation(organisation: Organisation | None, values: OrganisationValues, *,
                      translations: dict[str, dict[str, str]] | None = None, is_demo: bool = False,
                      by=None) -> Organisation:
    """Create (organisation None) or change an organisation, its chambers and its names in other languages
    ({"name": {"fr": ...}, "short_name": {...}}), audited, in one transaction; OrganisationError, with nothing
    written, when a value breaks a rule. Making its activities private or public rebuilds the stored coverage
    facts in the same transaction (dashboards.upkeep)."""
    values = _checked(values, organisation)
    taken = OrganisationError(_l("An organisation with this name or IATI identifier exists already."), "name")
    with unit_of_work(conflict=taken):
        before = _audited(organisation) if organisation is not None else None
        if organisation is None:
            organisation = Organisation(is_demo=is_demo)
            db.session.add(organisation)
        organisation.name, organisation.short_name = values.name, values.short_name
        organisation.org_type, organisation.iati_id, organisation.website = (values.org_type, values.iati_id,
                                                                             values.website)
        organisation.activities_public, organisation.country = values.activities_public, values.country
        organisation.chambers = list(values.chambers)
        db.session.flush()
        record_change("create" if before is None else "update", organisation, before=before,
                      after=_audited(organisation), by=by)
        for column, texts in (translations or {}).items():
            save_translations(f"organisations.{column}", organisation.id, texts, by=by)
    return organisation


def _checked(values: OrganisationValues, organisation: Organisation | None) -> OrganisationValues:
    """values trimmed, or OrganisationError naming the first field that breaks a rule."""
    name, short, website = values.name.strip(), values.short_name.strip(), values.website.strip()
    iati_id = (values.iati_id or "").strip() or None
    if not name or len(name) > 200:
        raise OrganisationError(_l("Give the organisation's name (at most 200 characters)."), "name")
    if len(short) > 40:
        raise OrganisationError(_l("A short name has at most 40 characters."), "short_name")
    if values.org_type not in ORGANISATION_TYPES:
        raise OrganisationError(_l("Unknown organisation type %(type)s: one of %(types)s.", type=values.org_type,
                                   types=", ".join(ORGANISATION_TYPES)), "org_type")
    if _taken(Organisation.name == name, organisation):
        raise OrganisationError(_l("An organisation named %(name)s exists already.", name=name), "name")
    if iati_id and not IATI_ORG_ID.fullmatch(iati_id):
        raise OrganisationError(_l("An IATI organisation identifier is the registration agency's code and the "
                                   "number in its register, such as XM-DAC-41114 or GB-CHC-1234567."), "iati_id")
    if iati_id and _taken(Organisation.iati_id == iati_id, organisation):
        raise OrganisationError(_l("The IATI identifier %(id)s belongs to another organisation.", id=iati_id),
                                "iati_id")
    parts = urlsplit(website)
    if website and (parts.scheme not in ("http", "https") or not parts.hostname or " " in website
                    or len(website) > 300):
        raise OrganisationError(_l("Give the website as a full address starting with https:// or http://."),
                                "website")
    if values.chambers and values.org_type != "parliament":
        raise OrganisationError(_l("Only a parliament organisation is tied to chambers."), "chambers")
    if organisation is not None and organisation.is_home and not values.activities_public:
        raise OrganisationError(_l("The installation's own organisation keeps its activities public: they are the "
                                   "centre's headline on the public dashboards, profiles and open data."),
                                "activities_public")
    return OrganisationValues(name=name, org_type=values.org_type, short_name=short, iati_id=iati_id,
                              website=website, activities_public=values.activities_public, country=values.country,
                              chambers=list(values.chambers))


def _taken(condition, organisation: Organisation | None) -> bool:
    stmt = select(Organisation.id).where(condition)
    if organisation is not None:
        stmt = stmt.where(Organisation.id != organisation.id)
    return db.session.scalar(stmt.limit(1)) is not None


def organisation_translations(organisation: Organisation | None) -> dict[str, dict[str, str]]:
    """{"name": {locale: text}, "short_name": {...}} written for an organisation (none for a new one)."""
    if organisation is None:
        return {column: {} for column in TRANSLATED}
    return {column: translations_for(f"organisations.{column}", organisation.id) for column in TRANSLATED}


def organisation_form_data(organisation: Organisation | None) -> dict:
    """The admin form's initial values: an organisation's own (its country by ISO code, its chambers by id, its
    names in other languages as "name_fr", …), or those of a new one (public activities)."""
    if organisation is None:
        return {"activities_public": True, "org_type": "ngo"}
    data = {name: getattr(organisation, name) or "" for name in ("name", "short_name", "org_type", "iati_id",
                                                                  "website")}
    data.update(activities_public=organisation.activities_public,
                country=organisation.country.iso2 if organisation.country else "",
                chambers=[str(c.id) for c in organisation.chambers])
    for column, texts in organisation_translations(organisation).items():
        data.update({f"{column}_{locale}": text for locale, text in texts.items()})
    return data


def get_organisation_or_404(organisation_id: int) -> Organisation:
    return db.get_or_404(Organisation, organisation_id)


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


def set_funders(activity, organisation_ids) -> bool:
    """Make the activity's funders exactly these organisations (an import's donor column), inside the caller's
    unit of work: its lead and its implementing or co-organising partners keep their place (one role each), the
    other funders go; True when anything changed."""
    current = {link.organisation_id: link.role for link in
               db.session.scalars(select(ActivityPartner).where(ActivityPartner.activity_id == activity.id))}
    working = {i: role for i, role in current.items() if role != "funding"}
    funders = {i: "funding" for i in organisation_ids if i != activity.lead_organisation_id and i not in working}
    changed = set_partners(activity, working | funders)
    if changed:
        db.session.expire(activity, ["donors"])  # read again after the flush: the links were written as rows
    return changed


def _audited(organisation: Organisation) -> dict:
    return {"name": organisation.name, "short_name": organisation.short_name, "org_type": organisation.org_type,
            "iati_id": organisation.iati_id, "website": organisation.website,
            "activities_public": organisation.activities_public, "country_id": organisation.country_id,
            "chamber_ids": [c.id for c in organisation.chambers]}
