"""The spreadsheet import: preview every row's outcome, then commit all or nothing. The web upload, the background
job and `flask activities import` all call preview_import and commit_import.

A preview streams the file row by row into a RowStore (a SQLite file of its own), so memory stays flat whatever
the file's size: what stays in memory is one batch of rows and the values still waiting for a choice (Review)."""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flask_babel import gettext as _

from parliament_tracker.activities.import_decide import decide
from parliament_tracker.activities.import_limits import Limits
from parliament_tracker.activities.import_review import Review, build_resolver
from parliament_tracker.activities.import_rows import ActivityCells, RowReader, cells_json, cells_of
from parliament_tracker.activities.import_store import REFUSED, RowStore
from parliament_tracker.activities.importing import ImportFileError, read_rows
from parliament_tracker.activities.reconcile import Resolver

# Rows between two progress reports of a preview.
PROGRESS_EVERY = 2_000
STATUSES = ("create", "update", "unchanged", "ambiguous", "error", "excluded")


@dataclass(slots=True)
class RowOutcome:
    """What importing one row does (or why it cannot); row is the line in the file, the header being 1."""

    row: int
    status: str
    chamber: str | None = None
    candidates: list[str] = field(default_factory=list)
    message: str = ""
    ref: str = ""
    chamber_text: str = ""
    fault: str | None = None  # the column at fault, for a refused row
    resolved: dict[str, str] = field(default_factory=dict)
    # The row is refused because of its activity (reported once, in the report's review).
    activity_problem: bool = False
    activity_message: str = ""

    @classmethod
    def of(cls, stored: dict) -> RowOutcome:
        return cls(stored["row"], stored["status"], stored["chamber"], json.loads(stored["candidates"] or "[]"),
                   stored["message"] or "", stored["ref"], stored["chamber_text"] or "", stored["fault"],
                   json.loads(stored["resolved"] or "{}"), bool(stored["activity_problem"]),
                   stored["activity_message"] or "")

    def stored(self) -> dict:
        return {"row": self.row, "status": self.status, "ref": self.ref, "chamber": self.chamber,
                "chamber_text": self.chamber_text, "candidates": json.dumps(self.candidates),
                "message": self.message, "fault": self.fault, "resolved": json.dumps(self.resolved),
                "activity_problem": int(self.activity_problem), "activity_message": self.activity_message}

    def as_json(self) -> dict:
        data = {"row": self.row, "status": self.status, "chamber": self.chamber, "candidates": self.candidates,
                "message": " ".join(filter(None, (self.message, self.activity_message))),
                "resolved_by": self.resolved.get("chamber") or None,
                "resolved": {k: v for k, v in self.resolved.items() if v}}
        if self.status in REFUSED:
            data["field"] = self.fault
        return data


@dataclass
class Summary:
    """Counts of what the import writes (or would write): activities and participations, and refused rows."""

    activities_created: int = 0
    activities_updated: int = 0
    participations_created: int = 0
    participations_updated: int = 0
    errors: int = 0
    ambiguous: int = 0


class StoredRows:
    """A report's rows, read from its store when iterated (FETCH at a time): never all in memory at once."""

    def __init__(self, store: RowStore | None):
        self.store = store

    def __len__(self) -> int:
        return self.store.count() if self.store is not None else 0

    def __iter__(self):
        if self.store is not None:
            yield from (RowOutcome.of(r) for r in self.store.iter_rows())


@dataclass
class ImportReport:
    summary: Summary = field(default_factory=Summary)
    notices: list[str] = field(default_factory=list)
    file_error: str | None = None
    committed: bool = False
    remembered: int = 0
    review: Review = field(default_factory=Review, repr=False)
    resolver: Resolver | None = field(default=None, repr=False)
    store: RowStore | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when nothing is refused: no file error, no row in error, no ambiguous row."""
        return self.file_error is None and not self.summary.errors and not self.summary.ambiguous

    @property
    def rows(self) -> StoredRows:
        return StoredRows(self.store)

    def numbers(self, *statuses: str) -> list[int]:
        """The line numbers of the rows with these statuses."""
        return self.store.numbers(*statuses) if self.store is not None else []

    def page(self, number: int, size: int) -> list[RowOutcome]:
        """Page number (from 1) of the rows for the preview page: refused rows first, then the others."""
        if self.store is None:
            return []
        return [RowOutcome.of(r) for r in self.store.page((max(number, 1) - 1) * size, size)]

    def problems_first(self, limit: int) -> list[RowOutcome]:
        return self.page(1, limit)

    def head_json(self) -> dict:
        """Everything of as_json but the rows."""
        data = {"summary": asdict(self.summary), "activities": self.review.activities_json(),
                "choices": self.review.pending_json()}
        if self.file_error:
            data["error"] = self.file_error
        return data

    def as_json(self) -> dict:
        return {"rows": [r.as_json() for r in self.rows], **self.head_json()}

    def save(self) -> None:
        """Keep what the page shows besides the rows in the store, for reading back with load_report."""
        self.store.put_meta("report", {"summary": asdict(self.summary), "notices": self.notices,
                                       "file_error": self.file_error, "review": self.review.to_json()})
        self.store.commit()


def load_report(path: Path) -> ImportReport:
    """A finished preview read back from its store (sqlite3.Error or KeyError when there is none)."""
    store = RowStore.open(path)
    saved = store.meta("report")
    if saved is None:
        store.close()
        raise KeyError(path.name)
    return ImportReport(Summary(**saved["summary"]), saved["notices"], saved["file_error"],
                        review=Review.from_json(saved["review"]), store=store)


def _differs(a: ActivityCells, b: ActivityCells) -> list[str]:
    return [name for name in ActivityCells.__slots__ if getattr(a, name) != getattr(b, name)]


def _outcome(report: ImportReport, raw, parsed, excluded: set[int]) -> RowOutcome:
    """The row's own outcome before it is compared with the database (pending when nothing refuses it)."""
    outcome = RowOutcome(raw.number, "error", ref=raw.values.get("activity_ref", "")[:100],
                         chamber_text=raw.values.get("chamber", "")[:200])
    if raw.number in excluded:  # still read, so that the rows left out are handed back with their problem
        problems = [p.message for p in parsed.row_problems + parsed.activity_problems]
        outcome.status, outcome.message = "excluded", " ".join([_("Excluded from the import."), *problems])
        return outcome
    match = parsed.match
    outcome.chamber, outcome.candidates, outcome.resolved = match.code, list(match.candidates), parsed.resolved
    outcome.message = match.message
    report.review.add(raw.number, parsed)
    if parsed.row_problems:
        outcome.fault, outcome.message = parsed.row_problems[0].field, " ".join(p.message for p in parsed.row_problems)
        outcome.status = "ambiguous" if all(p.kind == "ambiguous" for p in parsed.row_problems) else "error"
    if parsed.activity_problems:
        outcome.status, outcome.activity_problem = "error", True
        outcome.activity_message = " ".join(p.message for p in parsed.activity_problems)
        outcome.fault = outcome.fault or parsed.activity_problems[0].field
    elif not parsed.row_problems:
        outcome.status = "pending"
    return outcome


def _group(report: ImportReport, outcome: RowOutcome, parsed) -> None:
    """A row that passed its own checks joins its activity_ref's group: it must agree with the group's first row
    and name a chamber not already in it."""
    store, match = report.store, parsed.match
    stored = store.group(parsed.ref)
    if stored is None:
        store.add_group(parsed.ref, cells_json(parsed.activity), outcome.row)
        return
    differs = _differs(cells_of(stored[0]), parsed.activity)
    if differs:
        message = _("%(cols)s differ from row %(n)s of the same activity_ref.", cols=", ".join(differs), n=stored[1])
        outcome.status, outcome.fault, outcome.activity_problem = "error", differs[0], True
        outcome.activity_message = message
        report.review.differs(parsed.ref, outcome.row, message, differs[0])
    elif (earlier := store.row_of_chamber(parsed.ref, match.chamber_id)) is not None:
        outcome.status, outcome.fault = "error", "chamber"
        outcome.message = _("%(code)s is already on row %(n)s for this activity_ref.", code=match.code, n=earlier)


def _read(report: ImportReport, path: Path, filename: str, excluded: set[int], limits: Limits, progress) -> None:
    """Stream the rows into the store, checking each row on its own; problems of an activity and values waiting
    for a choice are gathered in report.review."""
    reader = RowReader(report.resolver)
    for count, raw in enumerate(read_rows(path, filename, limits, report.notices), start=1):
        parsed = reader.read(raw)
        outcome = _outcome(report, raw, parsed, excluded)
        extra = {}
        if outcome.status == "pending":
            _group(report, outcome, parsed)
        if outcome.status == "pending":  # still: it joined its group
            extra = {"chamber_id": parsed.match.chamber_id, "participants": parsed.participants,
                     "women": parsed.women}
        report.store.add_row(outcome.stored() | extra)
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress("read", count)


def preview_import(path: Path, filename: str, *, excluded=(), choices=(), max_rows: int | None = None,
                   limits: Limits | None = None, store_path: Path | None = None,
                   progress: Callable[[str, int], None] | None = None) -> ImportReport:
    """Every row's outcome (create, update, unchanged, ambiguous, error, excluded), reading the cells with the
    choices given (reconcile.Choice) and the remembered aliases, kept in a RowStore at store_path (a temporary
    file, removed with the report, when not given); writes nothing to the database. progress(stage, rows) is
    called every few thousand rows."""
    limits = limits or Limits.from_config(max_rows)
    if store_path is None:
        handle, name = tempfile.mkstemp(prefix="pt-import-", suffix=".sqlite")
        os.close(handle)
        store_path = Path(name)
    report = ImportReport(resolver=build_resolver(choices), store=RowStore.create(store_path))
    if store_path.name.startswith("pt-import-"):
        weakref.finalize(report, _remove, report.store, store_path)
    try:
        _read(report, path, filename, set(excluded), limits, progress)
        decide(report, progress)
    except ImportFileError as error:
        report.file_error, report.review = str(error), Review()
        report.store.db.execute("DELETE FROM rows")
    report.summary.errors, report.summary.ambiguous = report.store.count("error"), report.store.count("ambiguous")
    report.save()
    return report


def _remove(store: RowStore, path: Path) -> None:
    store.close()
    path.unlink(missing_ok=True)
