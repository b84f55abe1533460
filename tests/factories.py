"""Small make_* helpers that write test rows directly (tests may; the app goes through services)."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from parliament_tracker.activities.models import Activity, ActivityArea, ImportAlias, Participation
from parliament_tracker.auth.models import User
from parliament_tracker.auth.services import hash_password
from parliament_tracker.chambers.models import Chamber, Country, GeopoliticalGroup
from parliament_tracker.chambers.text import normalize
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import ActivityPartner, Organisation
from parliament_tracker.organisations.services import home_organisation

PASSWORD = "correct horse battery staple"
_seq = itertools.count(1)

COUNTRIES = {
    # iso2: (iso3, name, region, subregion, income group)
    "FR": ("FRA", "France", "Europe", "Western Europe", "high"),
    "KE": ("KEN", "Kenya", "Africa", "Sub-Saharan Africa", "lower_middle"),
    "ML": ("MLI", "Mali", "Africa", "Sub-Saharan Africa", "low"),
    "BR": ("BRA", "Brazil", "Americas", "Latin America and the Caribbean", "upper_middle"),
    "NZ": ("NZL", "New Zealand", "Oceania", "Australia and New Zealand", "high"),
    "SE": ("SWE", "Sweden", "Europe", "Northern Europe", "high"),
}


def make_country(iso2: str = "FR", groups: tuple[str, ...] = ()) -> Country:
    country = db.session.scalar(select(Country).where(Country.iso2 == iso2))
    if country is not None:
        return country
    iso3, name, region, subregion, income = COUNTRIES[iso2]
    country = Country(iso2=iso2, iso3=iso3, name=name, official_name=name, m49_region=region,
                      m49_subregion=subregion, income_group=income, un_member=True)
    for code in groups:
        group = db.session.scalar(select(GeopoliticalGroup).where(GeopoliticalGroup.code == code))
        country.groups.append(group or GeopoliticalGroup(code=code, name=code.title()))
    db.session.add(country)
    db.session.commit()
    return country


def make_chamber(code: str = "FR-LC", chamber_type: str = "lower", name: str | None = None,
                 status: str = "active", established: dt.date | None = None, ended: dt.date | None = None,
                 official_names: str = "", other_names: str = "") -> Chamber:
    country = make_country(code[:2])
    name = name or {"lower": "National Assembly", "upper": "Senate", "unicameral": "Parliament"}[chamber_type]
    search_text = " ".join(normalize(x) for x in (code, name, official_names, other_names, country.name,
                                                  country.iso2, country.iso3))
    chamber = Chamber(code=code, country_id=country.id, chamber_type=chamber_type, name=name, status=status,
                      established=established, ended=ended, official_names=official_names,
                      other_names=other_names, seats=100, search_text=search_text)
    db.session.add(chamber)
    db.session.commit()
    return chamber


def make_donor(name: str = "European Commission") -> Organisation:
    donor = db.session.scalar(select(Organisation).where(Organisation.name == name)) or Organisation(name=name)
    db.session.add(donor)
    db.session.commit()
    return donor


def make_user(role: str, chambers=None, donor=None, email: str | None = None, active: bool = True) -> User:
    if role == "parliament" and not chambers:
        chambers = [make_chamber_once("SE-LC", "unicameral")]
    if role == "donor" and donor is None:
        donor = make_donor()
    if role == "staff" and donor is None:  # staff work for an organisation: the home one unless told
        donor = home_organisation()
    user = User(email=email or f"{role}{next(_seq)}@example.org", name=f"Test {role}", role=role,
                password_hash=hash_password(PASSWORD), active=active, chambers=list(chambers or []), donor=donor)
    db.session.add(user)
    db.session.commit()
    return user


def make_chamber_once(code: str, chamber_type: str = "lower") -> Chamber:
    return db.session.scalar(select(Chamber).where(Chamber.code == code)) or make_chamber(code, chamber_type)


def area(code: str) -> ActivityArea:
    return db.session.scalar(select(ActivityArea).where(ActivityArea.code == code))


def make_activity(title: str = "Regional workshop", area_code: str = "awareness", activity_type: str = "workshop",
                  start: dt.date = dt.date(2010, 5, 3), end: dt.date | None = None, chambers=(),
                  role: str = "beneficiary", donors=(), deleted: bool = False, participants: int = 2,
                  women: int = 1, ref: str | None = None, lead=None, partners=(),
                  partners_may_edit: bool = False) -> Activity:
    """partners: (organisation, role) pairs beside the donors (the funding role)."""
    activity = Activity(title=title, area=area(area_code), lead_organisation=lead or home_organisation(), activity_type=activity_type, start_date=start,
                        end_date=end or start, donors=list(donors), ref=ref, partners_may_edit=partners_may_edit,
                        deleted_at=dt.datetime(2020, 1, 1) if deleted else None)
    activity.participations = [Participation(chamber=c, role=role, participants=participants, women=women)
                               for c in chambers]
    db.session.add(activity)
    db.session.commit()
    if partners:
        db.session.add_all(ActivityPartner(activity_id=activity.id, organisation_id=organisation.id, role=partner_role)
                           for organisation, partner_role in partners)
        db.session.commit()
    return activity


def make_alias(column: str = "chamber", value: str = "Bunge", target: str = "KE-LC", country: str = "") -> ImportAlias:
    """A remembered import answer, written directly."""
    alias = ImportAlias(column_name=column, value=value, value_key=normalize(value), country=country,
                        country_key=normalize(country) if column == "chamber" else "", target=target)
    db.session.add(alias)
    db.session.commit()
    return alias
