"""One spreadsheet row read into checked values (dates, counts, area, type, donors, the chamber) and its problems:
those of its activity apart from its own, so that each is reported once, where it belongs."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from flask_babel import gettext as _

from parliament_tracker.activities.importing import MAX_CELL, RawRow
from parliament_tracker.activities.matching import Match
from parliament_tracker.activities.reconcile import Resolver
from parliament_tracker.activities.rules import ActivityError, Counts, check_counts, check_dates
from parliament_tracker.chambers.text import normalize

DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y",
                "%b %d %Y")
# Spreadsheet programs count days from 30 December 1899; 1990-2099 falls between these serial numbers.
EXCEL_SERIALS = (32874, 73051)
EXCEL_EPOCH = dt.date(1899, 12, 30)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ACTIVITY_COLUMNS = ("title", "area", "type", "start_date", "end_date", "location", "donor")


class RowError(ValueError):
    """What is wrong with one cell; field is its column."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a row (or its activity) is refused. column is set when a person can answer it with a choice (chamber,
    area, type, donor): value and country as written, candidates to choose from; kind is error, ambiguous or
    new_donor."""

    field: str
    message: str
    column: str | None = None
    value: str = ""
    country: str = ""
    candidates: tuple[str, ...] = ()
    kind: str = "error"


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
    new_donors: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedRow:
    """activity is None when its dates cannot be read; resolved says how each column was resolved."""

    ref: str
    activity: ActivityCells | None
    activity_problems: list[Problem]
    match: Match
    row_problems: list[Problem]
    participants: int | None
    women: int | None
    resolved: dict[str, str]


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
    raise RowError(_("%(col)s: %(v)r is not a date (use YYYY-MM-DD).", col=column, v=text[:40]), column)


def parse_count(text: str, column: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,6}(\.0+)?", text):
        return int(float(text))
    raise RowError(_("%(col)s: %(v)r is not a whole number of 0 or more.", col=column, v=text[:40]), column)


class RowReader:
    """Reads rows against the registry, the vocabularies, the donors and the import's answers (a Resolver)."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        # The activity columns repeat on each of its rows, usually one after another: the last activity read is
        # kept (one entry, so memory stays flat whatever the file size).
        self._last: tuple | None = None

    def _activity_of(self, cells: dict) -> tuple[ActivityCells | None, list[Problem], dict]:
        key = tuple(cells.get(c, "") for c in ACTIVITY_COLUMNS)
        if self._last is None or self._last[0] != key:
            resolved, problems = {}, []
            self._last = (key, self._activity(cells, resolved, problems), problems, resolved)
        return self._last[1], self._last[2], self._last[3]

    def _activity(self, cells: dict, resolved: dict, problems: list[Problem]) -> ActivityCells | None:
        title = cells.get("title", "")
        if not title or len(title) > 300:
            problems.append(Problem("title", _("title: give a title of at most 300 characters.")))
        codes = {}
        for column in ("area", "type"):
            value = cells.get(column, "")
            found = self.resolver.word(column, value)
            if found.target is None:
                problems.append(Problem(column, found.message, column, value[:200], "", found.candidates))
            else:
                codes[column], resolved[column] = found.target, found.how
        donors, new = self._donors(cells.get("donor", ""), resolved, problems)
        try:
            start = parse_date(cells.get("start_date", ""), "start_date")
            end = parse_date(cells.get("end_date", ""), "end_date") or start
            check_dates(start, end)
        except RowError as error:
            problems.append(Problem(error.field, str(error)))
            return None
        except ActivityError as error:
            problems.append(Problem(error.field, f"{error.field}: {error}"))
            return None
        if problems:
            return ActivityCells(title, "", "", start, end, "", False, (), ())
        location = cells.get("location", "")
        return ActivityCells(title, codes["area"], codes["type"], start, end, location[:300],
                             normalize(location) == "online", donors, new)

    def _donors(self, text: str, resolved: dict, problems: list[Problem]) -> tuple[tuple, tuple]:
        names, new = set(), set()
        for value in dict.fromkeys(d.strip()[:200] for d in text.split(";") if d.strip()):
            found = self.resolver.donor(value)
            if found.target is None:
                problems.append(Problem("donor", found.message, "donor", value, "", found.candidates, "new_donor"))
                continue
            names.add(found.target)
            resolved["donor"] = found.how if resolved.get("donor") in (None, "name") else resolved["donor"]
            if found.create:
                new.add(found.target)
        return tuple(sorted(names)), tuple(sorted(new))

    def _counts(self, cells: dict, problems: list[Problem]) -> tuple[int | None, int | None]:
        try:
            participants = parse_count(cells.get("participants", ""), "participants")
            women = parse_count(cells.get("women", ""), "women")
            check_counts(Counts(participants=participants, women=women))
        except RowError as error:
            problems.append(Problem(error.field, str(error)))
            return None, None
        except ActivityError as error:
            problems.append(Problem(error.field, f"{error.field}: {error}"))
            return None, None
        return participants, women

    def read(self, raw: RawRow) -> ParsedRow:
        """The row's checked values, its activity's problems and its own problems, each found independently."""
        cells = raw.values
        ref = cells.get("activity_ref", "")
        activity, activity_problems, resolved = self._activity_of(cells)
        resolved, row_problems = dict(resolved), []
        if raw.too_long:
            row_problems.append(Problem(raw.too_long[0], _("%(cols)s: longer than %(n)s characters.",
                                                           cols=", ".join(raw.too_long), n=MAX_CELL)))
        if not ref or len(ref) > 100:
            row_problems.append(Problem("activity_ref", _("activity_ref: give a reference of at most 100 "
                                                          "characters.")))
        participants, women = self._counts(cells, row_problems)
        chamber_text, country = cells.get("chamber", ""), cells.get("country", "")
        match = self.resolver.chamber(chamber_text, country, activity.start_date if activity else None)
        resolved["chamber"] = match.how if match.status == "ok" else ""
        if match.status != "ok":
            kind = "ambiguous" if match.status == "ambiguous" else "error"
            row_problems.append(Problem(match.field, match.message, "chamber", chamber_text[:200], country[:120],
                                        match.candidates, kind))
        return ParsedRow(ref[:100], activity, activity_problems, match, row_problems, participants, women, resolved)


def cells_json(cells: ActivityCells) -> str:
    """The activity's cells as JSON, for the import's RowStore (cells_of reads them back)."""
    return json.dumps([getattr(cells, n).isoformat() if isinstance(getattr(cells, n), dt.date) else getattr(cells, n)
                       for n in ActivityCells.__slots__])


def cells_of(text: str) -> ActivityCells:
    """The ActivityCells that cells_json wrote."""
    values = dict(zip(ActivityCells.__slots__, json.loads(text), strict=True))
    for name in ("start_date", "end_date"):
        values[name] = dt.date.fromisoformat(values[name])
    return ActivityCells(**{**values, "donors": tuple(values["donors"]), "new_donors": tuple(values["new_donors"])})
