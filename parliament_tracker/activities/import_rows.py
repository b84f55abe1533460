"""One spreadsheet row read into checked values: dates, counts, area, type, donors and the matched chamber."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from flask_babel import gettext as _

from parliament_tracker.activities.importing import MAX_CELL, RawRow
from parliament_tracker.activities.matching import ChamberMatcher, Match
from parliament_tracker.activities.models import ACTIVITY_TYPES
from parliament_tracker.activities.rules import ActivityError, Counts, check_counts, check_dates
from parliament_tracker.chambers.text import normalize
from parliament_tracker.labels import LABELS

DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y",
                "%b %d %Y")
# Spreadsheet programs count days from 30 December 1899; 1990-2099 falls between these serial numbers.
EXCEL_SERIALS = (32874, 73051)
EXCEL_EPOCH = dt.date(1899, 12, 30)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RowError(ValueError):
    """What is wrong with one row (it is reported on that row; other rows are still checked)."""


@dataclass(frozen=True, slots=True)
class ActivityCells:
    """The activity columns of a row; rows with the same activity_ref must agree on them."""

    title: str
    area_code: str
    activity_type: str
    start_date: dt.date
    end_date: dt.date
    venue: str
    online: bool
    donors: tuple[str, ...]


@dataclass(slots=True)
class ParsedRow:
    ref: str
    activity: ActivityCells
    match: Match
    participants: int | None
    women: int | None


def parse_date(text: str, column: str) -> dt.date | None:
    """ISO dates, day-first dates (05/03/2012 is 5 March), month names, and spreadsheet serial numbers."""
    text = text.strip()
    if not text:
        return None
    if ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    if text.isdigit() and EXCEL_SERIALS[0] <= int(text) <= EXCEL_SERIALS[1]:
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    cleaned = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", text).replace(",", " ")
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise RowError(_("%(col)s: %(v)r is not a date (use YYYY-MM-DD).", col=column, v=text[:40]))


def parse_count(text: str, column: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,6}(\.0+)?", text):
        return int(float(text))
    raise RowError(_("%(col)s: %(v)r is not a whole number of 0 or more.", col=column, v=text[:40]))


def _type_keys() -> dict[str, str]:
    keys = {normalize(code): code for code in ACTIVITY_TYPES}
    keys.update({normalize(str(label)): code for code, label in LABELS["activity_type"].items()})
    return keys


class RowReader:
    """Reads rows against the registry and the areas, loaded once for the whole file."""

    def __init__(self, matcher: ChamberMatcher, areas: dict[str, str]):
        self.matcher = matcher
        self.areas = {normalize(k): v for k, v in areas.items()}
        self.area_codes = sorted(set(areas.values()))
        self.types = _type_keys()

    def _lookup(self, table: dict, text: str, column: str, known) -> str:
        value = table.get(normalize(text))
        if value is None:
            raise RowError(_("%(col)s: unknown value %(v)r; use one of %(known)s.", col=column, v=text[:40],
                             known=", ".join(known)))
        return value

    def read(self, raw: RawRow) -> ParsedRow:
        """The row's checked values; RowError says what is wrong with it."""
        if raw.too_long:
            raise RowError(_("%(cols)s: longer than %(n)s characters.", cols=", ".join(raw.too_long), n=MAX_CELL))
        cells = raw.values
        ref, title = cells.get("activity_ref", ""), cells.get("title", "")
        if not ref or len(ref) > 100:
            raise RowError(_("activity_ref: give a reference of at most 100 characters."))
        if not title or len(title) > 300:
            raise RowError(_("title: give a title of at most 300 characters."))
        area = self._lookup(self.areas, cells.get("area", ""), "area", self.area_codes)
        kind = self._lookup(self.types, cells.get("type", ""), "type", ACTIVITY_TYPES)
        start = parse_date(cells.get("start_date", ""), "start_date")
        end = parse_date(cells.get("end_date", ""), "end_date") or start
        participants = parse_count(cells.get("participants", ""), "participants")
        women = parse_count(cells.get("women", ""), "women")
        try:
            check_dates(start, end)
            check_counts(Counts(participants=participants, women=women))
        except ActivityError as error:
            raise RowError(f"{error.field}: {error}") from None
        location = cells.get("location", "")
        donors = tuple(sorted({d.strip()[:200] for d in cells.get("donor", "").split(";") if d.strip()}))
        activity = ActivityCells(title, area, kind, start, end, location[:300], normalize(location) == "online",
                                 donors)
        match = self.matcher.match(cells.get("chamber", ""), cells.get("country", ""))
        return ParsedRow(ref, activity, match, participants, women)
