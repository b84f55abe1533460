"""The public activities as an IATI 2.03 activities file (standard library XML, no extra runtime dependency).

Only what the public pages show goes in: title, area, type, dates, donors, the chambers that took part with
their role, and the numbers of participants and women. Descriptions, outcomes, partners, venues and
confirmation notes stay out: they are staff data.

Chambers are named in the descriptions (type 3, "Target groups", for beneficiaries; type 4, "Other", for the
chambers that supplied experts), not as participating organisations: IATI's OrganisationRole codelist has only
funding, accountable, extending and implementing, and a beneficiary chamber is none of these (IATI tools would
count it as an implementer). Their countries are the recipient countries.

So that another installation (or this one) can read the file back through the import, the area of work and the
activity type are also tags of the tracker's own vocabulary (TAG_VOCABULARY, vocabulary 99 "reporting
organisation"), and each beneficiary chamber's participants and women are actuals with a chamber dimension
beside the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sqlalchemy.orm import selectinload

from parliament_tracker.activities.iati_file import AREA_VOCABULARY, TAG_VOCABULARY, TYPE_VOCABULARY
from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.activities.queries import SORTS, ActivityFilter, filtered_activities
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.extensions import db

IATI_VERSION = "2.03"
SECTOR_LEGISLATURES = "15152"  # OECD DAC CRS purpose code "Legislatures and political parties"
ROLE_FUNDING, ROLE_IMPLEMENTING = "1", "4"
DESCRIPTION_GENERAL, DESCRIPTION_TARGET_GROUPS, DESCRIPTION_OTHER = "1", "3", "4"
STATUS_PIPELINE, STATUS_IMPLEMENTATION, STATUS_CLOSED = "1", "2", "4"
RESULT_OUTPUT, MEASURE_UNIT = "1", "1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Publisher:
    """The centre as IATI publisher: organisation identifier, name and OrganisationType code; the licence."""

    ref: str
    name: str
    org_type: str
    licence: str


def public_activities(filters: ActivityFilter) -> list[Activity]:
    """Live activities matching the activity list's filters, with their donors, chambers and countries loaded."""
    stmt = (filtered_activities(filters).order_by(*SORTS.get(filters.sort, SORTS["start_desc"]))
            .options(selectinload(Activity.participations).joinedload(Participation.chamber)
                     .joinedload(Chamber.country)))
    return list(db.session.scalars(stmt))


def _narrative(parent: ET.Element, tag: str, text: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    ET.SubElement(element, "narrative").text = text
    return element


def activity_status(activity: Activity, today: dt.date) -> str:
    """IATI ActivityStatus: 1 pipeline (not started), 2 implementation (under way), 4 closed (ended)."""
    if activity.start_date > today:
        return STATUS_PIPELINE
    return STATUS_IMPLEMENTATION if activity.end_date >= today else STATUS_CLOSED


def _dates(element: ET.Element, activity: Activity, today: dt.date) -> None:
    # ActivityDateType: 1/3 planned start/end, 2/4 actual start/end.
    started, ended = activity.start_date <= today, activity.end_date < today
    ET.SubElement(element, "activity-date", {"iso-date": activity.start_date.isoformat(),
                                             "type": "2" if started else "1"})
    ET.SubElement(element, "activity-date", {"iso-date": activity.end_date.isoformat(), "type": "4" if ended else "3"})


def _countries(element: ET.Element, beneficiaries: list[Participation]) -> None:
    codes = sorted({p.chamber.country.iso2 for p in beneficiaries})
    if not codes:
        return
    # Equal shares that sum to exactly 100 (IATI asks for percentages when there are several countries).
    shares = [round(100 / len(codes), 2)] * len(codes)
    shares[-1] = round(100 - sum(shares[:-1]), 2)
    for code, share in zip(codes, shares, strict=True):
        ET.SubElement(element, "recipient-country", {"code": code, "percentage": f"{share:g}"})


def _chamber_list(participations: list[Participation]) -> str:
    return "; ".join(f"{p.chamber.name} ({p.chamber.code}, {p.chamber.country.name})" for p in participations)


def _actual(period: ET.Element, value: int, **dimensions: str) -> None:
    actual = ET.SubElement(period, "actual", {"value": str(value)})
    for name, text in dimensions.items():
        ET.SubElement(actual, "dimension", {"name": name, "value": text})


def _result(element: ET.Element, activity: Activity) -> None:
    """Participants and women (sex disaggregation) of all chambers, when any number was recorded; then each
    beneficiary chamber's own numbers (a chamber dimension), which readers summing the totals can leave aside."""
    people = [p.participants for p in activity.participations if p.participants is not None]
    women = [p.women for p in activity.participations if p.women is not None]
    if not people and not women:
        return
    result = ET.SubElement(element, "result", {"type": RESULT_OUTPUT, "aggregation-status": "1"})
    _narrative(result, "title", "People from parliamentary chambers taking part")
    indicator = ET.SubElement(result, "indicator", {"measure": MEASURE_UNIT, "ascending": "1"})
    _narrative(indicator, "title", "Participants")
    period = ET.SubElement(indicator, "period")
    ET.SubElement(period, "period-start", {"iso-date": activity.start_date.isoformat()})
    ET.SubElement(period, "period-end", {"iso-date": activity.end_date.isoformat()})
    if people:
        _actual(period, sum(people))
    if women:
        _actual(period, sum(women), sex="female")
    for p in activity.participations:
        if p.role == "beneficiary" and p.participants is not None:
            _actual(period, p.participants, chamber=p.chamber.code)
        if p.role == "beneficiary" and p.women is not None:
            _actual(period, p.women, chamber=p.chamber.code, sex="female")


def activity_element(activity: Activity, publisher: Publisher, today: dt.date) -> ET.Element:
    """One <iati-activity>, its children in the order the 2.03 schema requires."""
    updated = activity.updated_at.replace(microsecond=0).isoformat() + "Z"
    element = ET.Element("iati-activity", {"last-updated-datetime": updated, XML_LANG: "en"})
    ET.SubElement(element, "iati-identifier").text = f"{publisher.ref}-{activity.ref or f'id-{activity.id}'}"
    _narrative(element, "reporting-org", publisher.name, ref=publisher.ref, type=publisher.org_type)
    _narrative(element, "title", activity.title)
    kind = activity.activity_type.replace("_", " ")
    _narrative(element, "description", f"{kind.capitalize()} of the {publisher.name} in its area of work "
               f"'{activity.area.label}'.", type=DESCRIPTION_GENERAL)
    beneficiaries = [p for p in activity.participations if p.role == "beneficiary"]
    experts = [p for p in activity.participations if p.role == "expert"]
    if beneficiaries:
        _narrative(element, "description", "Parliamentary chambers taking part: " + _chamber_list(beneficiaries),
                   type=DESCRIPTION_TARGET_GROUPS)
    if experts:
        _narrative(element, "description", "Chambers that supplied experts: " + _chamber_list(experts),
                   type=DESCRIPTION_OTHER)
    for donor in activity.donors:
        _narrative(element, "participating-org", donor.name, role=ROLE_FUNDING)
    _narrative(element, "participating-org", publisher.name, role=ROLE_IMPLEMENTING, ref=publisher.ref,
               type=publisher.org_type)
    ET.SubElement(element, "activity-status", {"code": activity_status(activity, today)})
    _dates(element, activity, today)
    _countries(element, beneficiaries)
    ET.SubElement(element, "sector", {"vocabulary": "1", "code": SECTOR_LEGISLATURES, "percentage": "100"})
    _narrative(element, "tag", activity.area.label, vocabulary=TAG_VOCABULARY, vocabulary_uri=AREA_VOCABULARY,
               code=activity.area.code)
    _narrative(element, "tag", kind.capitalize(), vocabulary=TAG_VOCABULARY, vocabulary_uri=TYPE_VOCABULARY,
               code=activity.activity_type)
    _result(element, activity)
    return element


def iati_activities_xml(activities: list[Activity], publisher: Publisher, now: dt.datetime) -> bytes:
    """The <iati-activities> document (UTF-8 bytes with declaration), the licence stated in a comment."""
    root = ET.Element("iati-activities", {"version": IATI_VERSION,
                                          "generated-datetime": now.replace(microsecond=0).isoformat() + "Z"})
    root.append(ET.Comment(f" Licence of this data: {publisher.licence} "))
    for activity in activities:
        root.append(activity_element(activity, publisher, now.date()))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
