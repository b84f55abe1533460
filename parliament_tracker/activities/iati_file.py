"""Reading an IATI activities file (standard 2.0x) as import rows, so that another publisher's activities (a UNDP
or EU programme supporting a parliament) go through the same preview, reconciliation and commit as a spreadsheet.

One row per activity and chamber. Nothing is guessed: a chamber is a chamber code the activity's title or its
general and target-group descriptions name literally (as this tracker's own export does), else the recipient
country alone, which the chamber matcher resolves only when the country has one chamber and otherwise offers as a
choice. The area and type are this tracker's vocabulary tags when the file carries them (its own export does);
otherwise the sector or aid type is passed on as written, an unknown word the preview asks staff to map once.
Chambers that supplied experts (description type 4) are not read: the import records beneficiaries.

The file is parsed by defusedxml (no DTDs, no entity expansion) one activity at a time, so memory stays flat."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from flask_babel import gettext as _

TAG_VOCABULARY = "99"  # IATI TagVocabulary: "Reporting Organisation"
AREA_VOCABULARY = "urn:parliament-tracker:area-of-work"
TYPE_VOCABULARY = "urn:parliament-tracker:activity-type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHAMBER_CODE = re.compile(r"\b([A-Z]{2}-[A-Z0-9]{2,3})\b")
# IATI DescriptionType: 1 general, 3 target groups (chambers are read from these, never from 4 "other").
CHAMBER_DESCRIPTIONS = ("1", "2", "3")
START_TYPES, END_TYPES = ("2", "1"), ("4", "3")  # actual before planned
ROLE_FUNDING = "1"


class IatiFileError(ValueError):
    """The file is not a readable IATI activities file."""


def looks_like_xml(head: bytes) -> bool:
    """The first bytes of an XML document (after an optional byte order mark and white space)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _text(element: Element | None, lang: str = "en") -> str:
    """An element's narrative in lang (or without a language), else its first narrative."""
    if element is None:
        return ""
    narratives = element.findall("narrative")
    chosen = next((n for n in narratives if n.get(XML_LANG, lang) == lang), narratives[0] if narratives else None)
    return " ".join((chosen.text or "").split()) if chosen is not None else ""


def _date(activity: Element, types: tuple[str, ...]) -> str:
    dates = {d.get("type"): d.get("iso-date", "") for d in activity.findall("activity-date")}
    return next((dates[t] for t in types if dates.get(t)), "")


def _tag(activity: Element, uri: str) -> str:
    return next((t.get("code", "") for t in activity.findall("tag")
                 if t.get("vocabulary") == TAG_VOCABULARY and t.get("vocabulary-uri") == uri), "")


def _area_and_type(activity: Element) -> tuple[str, str]:
    """This tracker's codes when tagged; else the file's own words, for staff to map."""
    sectors = [s.get("code", "") for s in activity.findall("sector") if s.get("code")]
    area = _tag(activity, AREA_VOCABULARY) or (f"IATI sector {sectors[0]}" if sectors else "IATI activity")
    aid = activity.find("default-aid-type")
    kind = _tag(activity, TYPE_VOCABULARY) or (f"IATI aid type {aid.get('code')}" if aid is not None
                                               and aid.get("code") else "IATI activity")
    return area, kind


def _counts(activity: Element) -> dict[tuple[str, bool], str]:
    """(chamber code or '' for the totals, women?) -> the actual value recorded in the activity's results."""
    found = {}
    for actual in activity.iterfind("result/indicator/period/actual"):
        dims = {d.get("name"): d.get("value") for d in actual.findall("dimension")}
        key = (dims.get("chamber", ""), dims.get("sex") == "female")
        found.setdefault(key, actual.get("value", ""))
    return found


def _chambers(activity: Element) -> list[tuple[str, str]]:
    """(chamber cell, country cell) pairs: codes named in the narratives, else each recipient country."""
    texts = [_text(activity.find("title"))] + [" ".join(n.text or "" for n in d.findall("narrative"))
                                                for d in activity.findall("description")
                                                if d.get("type", "1") in CHAMBER_DESCRIPTIONS]
    codes = list(dict.fromkeys(m for text in texts for m in CHAMBER_CODE.findall(text)))
    countries = [c.get("code", "").upper() for c in activity.findall("recipient-country") if c.get("code")]
    pairs = [(code, code[:2]) for code in codes if not countries or code[:2] in countries]
    named = {country for _code, country in pairs}
    pairs += [("Parliament", country) for country in countries if country not in named]
    return pairs or [("", "")]


def activity_rows(activity: Element, own_ref: str) -> Iterator[dict[str, str]]:
    """The import rows of one <iati-activity>: its own identifier comes back as the ref it was exported with."""
    identifier = " ".join((activity.findtext("iati-identifier") or "").split())
    ref = identifier[len(own_ref) + 1:] if own_ref and identifier.startswith(f"{own_ref}-") else identifier
    area, kind = _area_and_type(activity)
    donors = [_text(o) or o.get("ref", "") for o in activity.findall("participating-org")
              if o.get("role") == ROLE_FUNDING]
    common = {"activity_ref": ref, "title": _text(activity.find("title")), "area": area, "type": kind,
              "start_date": _date(activity, START_TYPES), "end_date": _date(activity, END_TYPES),
              "donor": "; ".join(d for d in donors if d)}
    counts = _counts(activity)
    pairs = _chambers(activity)
    for chamber, country in pairs:
        key = chamber if (chamber, False) in counts or (chamber, True) in counts or len(pairs) > 1 else ""
        yield {**common, "chamber": chamber, "country": country,
               "participants": counts.get((key, False), ""), "women": counts.get((key, True), "")}


def iati_rows(path, own_ref: str) -> Iterator[dict[str, str]]:
    """Every activity's rows, streamed; an IatiFileError when the file is not well-formed IATI XML."""
    try:
        root = None
        for event, element in iterparse(str(path), events=("start", "end"), forbid_dtd=True):
            if root is None:
                root = element
                if element.tag != "iati-activities":
                    raise IatiFileError(_("This XML file is not an IATI activities file (<iati-activities>)."))
            elif event == "end" and element.tag == "iati-activity":
                yield from activity_rows(element, own_ref)
                root.clear()  # what was read is dropped: memory stays flat
        if root is None:
            raise IatiFileError(_("The file is empty."))
    except (ParseError, DefusedXmlException) as error:
        raise IatiFileError(_("This IATI file cannot be read as XML (%(e)s).", e=str(error)[:200])) from None
