"""The spreadsheet import: preview every row's outcome, then commit all or nothing. The web upload and
`flask activities import` both call preview_import and commit_import."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import select

from parliament_tracker.activities.import_review import Review, build_resolver
from parliament_tracker.activities.import_rows import ActivityCells, RowReader
from parliament_tracker.activities.importing import ImportFileError, read_rows
from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.activities.reconcile import Resolver
from parliament_tracker.extensions import db

# Rows per IN (...) query when looking up existing activities and participations.
BATCH = 500
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

    def as_json(self) -> dict:
        data = {"row": self.row, "status": self.status, "chamber": self.chamber, "candidates": self.candidates,
                "message": " ".join(filter(None, (self.message, self.activity_message))), "resolved_by": self.resolved.get("chamber") or None,
                "resolved": {k: v for k, v in self.resolved.items() if v}}
        if self.status in ("error", "ambiguous"):
            data["field"] = self.fault
        return data


class Existing(NamedTuple):
    """A participation already in the database, as far as the import compares it (plain values, not ORM rows)."""

    id: int
    participants: int | None
    women: int | None
    version: int


@dataclass
class Summary:
    """Counts of what the import writes (or would write): activities and participations, and refused rows."""

    activities_created: int = 0
    activities_updated: int = 0
    participations_created: int = 0
    participations_updated: int = 0
    errors: int = 0
    ambiguous: int = 0


@dataclass
class _Group:
    """The rows sharing one activity_ref: the activity's values and, per chamber, its row and counts."""

    cells: ActivityCells
    first_row: int
    chambers: dict[int, tuple[RowOutcome, int | None, int | None]] = field(default_factory=dict)
    activity: Activity | None = None
    changed: bool = False


@dataclass
class ImportReport:
    rows: list[RowOutcome] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    notices: list[str] = field(default_factory=list)
    file_error: str | None = None
    committed: bool = False
    remembered: int = 0
    groups: dict[str, _Group] = field(default_factory=dict, repr=False)
    existing: dict[tuple[int, int], Existing] = field(default_factory=dict, repr=False)
    review: Review = field(default_factory=Review, repr=False)
    resolver: Resolver | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when nothing is refused: no file error, no row in error, no ambiguous row."""
        return self.file_error is None and not self.summary.errors and not self.summary.ambiguous

    def as_json(self) -> dict:
        data = {"rows": [r.as_json() for r in self.rows], "summary": asdict(self.summary),
                "activities": self.review.activities_json(), "choices": self.review.pending_json()}
        if self.file_error:
            data["error"] = self.file_error
        return data

    def problems_first(self, limit: int) -> list[RowOutcome]:
        """At most limit rows for a page: refused rows first, then the others in file order."""
        bad = [r for r in self.rows if r.status in ("error", "ambiguous")]
        return (bad + [r for r in self.rows if r.status not in ("error", "ambiguous")])[:limit]


def _differs(a: ActivityCells, b: ActivityCells) -> list[str]:
    return [name for name in ActivityCells.__slots__ if getattr(a, name) != getattr(b, name)]


def _read(report: ImportReport, path: Path, filename: str, excluded: set[int], max_rows: int) -> None:
    """Stream the rows into report.rows and report.groups, checking each row on its own; problems of an activity
    and values waiting for a choice are gathered in report.review."""
    reader = RowReader(report.resolver)
    review = report.review
    for raw in read_rows(path, filename, max_rows, report.notices):
        outcome = RowOutcome(raw.number, "error", ref=raw.values.get("activity_ref", "")[:100],
                             chamber_text=raw.values.get("chamber", "")[:200])
        report.rows.append(outcome)
        parsed = reader.read(raw)
        if raw.number in excluded:  # still read, so that the rows left out are handed back with their problem
            problems = [p.message for p in parsed.row_problems + parsed.activity_problems]
            outcome.status, outcome.message = "excluded", " ".join([_("Excluded from the import."), *problems])
            continue
        match = parsed.match
        outcome.chamber, outcome.candidates, outcome.resolved = match.code, list(match.candidates), parsed.resolved
        outcome.message = match.message
        review.add(raw.number, parsed)
        if parsed.row_problems:
            first = parsed.row_problems[0]
            outcome.fault, outcome.message = first.field, " ".join(p.message for p in parsed.row_problems)
            outcome.status = "ambiguous" if all(p.kind == "ambiguous" for p in parsed.row_problems) else "error"
        if parsed.activity_problems:
            outcome.status, outcome.activity_problem = "error", True
            outcome.activity_message = " ".join(p.message for p in parsed.activity_problems)
            outcome.fault = outcome.fault or parsed.activity_problems[0].field
            continue
        if parsed.row_problems:
            continue
        group = report.groups.setdefault(parsed.ref, _Group(parsed.activity, raw.number))
        differs = _differs(group.cells, parsed.activity)
        if differs:
            message = _("%(cols)s differ from row %(n)s of the same activity_ref.", cols=", ".join(differs),
                        n=group.first_row)
            outcome.fault, outcome.activity_problem, outcome.activity_message = differs[0], True, message
            review.differs(parsed.ref, raw.number, message, differs[0])
        elif match.chamber_id in group.chambers:
            outcome.fault = "chamber"
            outcome.message = _("%(code)s is already on row %(n)s for this activity_ref.", code=match.code,
                                n=group.chambers[match.chamber_id][0].row)
        else:
            outcome.status = "pending"
            group.chambers[match.chamber_id] = (outcome, parsed.participants, parsed.women)


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _activity_changed(activity: Activity, cells: ActivityCells) -> bool:
    current = (activity.title, activity.area.code, activity.activity_type, activity.start_date, activity.end_date)
    wanted = (cells.title, cells.area_code, cells.activity_type, cells.start_date, cells.end_date)
    if current != wanted or (cells.venue and (activity.venue, activity.online) != (cells.venue, cells.online)):
        return True
    return bool(cells.donors) and tuple(sorted(d.name for d in activity.donors)) != cells.donors


def _decide(report: ImportReport) -> None:
    """Compare the grouped rows with the database (a few batched queries) and give each row its status."""
    refs = list(report.groups)
    for chunk in _chunks(refs):
        for activity in db.session.scalars(select(Activity).where(Activity.ref.in_(chunk))):
            report.groups[activity.ref].activity = activity
    ids = [g.activity.id for g in report.groups.values() if g.activity is not None]
    columns = (Participation.activity_id, Participation.chamber_id, Participation.id, Participation.participants,
               Participation.women, Participation.version)
    for chunk in _chunks(ids):
        for activity_id, chamber_id, *rest in db.session.execute(
                select(*columns).where(Participation.activity_id.in_(chunk))):
            report.existing[(activity_id, chamber_id)] = Existing(*rest)
    summary = report.summary
    for ref, group in report.groups.items():
        activity = group.activity
        if activity is not None and activity.is_deleted:
            for outcome, _p, _w in group.chambers.values():
                outcome.status, outcome.message = "error", _("activity_ref %(r)s is in the bin; restore it first.",
                                                             r=ref)
            continue
        group.changed = activity is not None and _activity_changed(activity, group.cells)
        summary.activities_created += activity is None
        summary.activities_updated += group.changed
        for chamber_id, (outcome, participants, women) in group.chambers.items():
            current = report.existing.get((activity.id, chamber_id)) if activity is not None else None
            if current is None:
                outcome.status = "create"
                summary.participations_created += 1
            elif _counts_change(current, participants, women):
                outcome.status = "update"
                summary.participations_updated += 1
            else:
                outcome.status = "update" if group.changed and outcome.row == group.first_row else "unchanged"


def _counts_change(current: Existing, participants: int | None, women: int | None) -> bool:
    return ((participants is not None and participants != current.participants)
            or (women is not None and women != current.women))


def preview_import(path: Path, filename: str, *, excluded=(), choices=(), max_rows: int = 100_000) -> ImportReport:
    """Every row's outcome (create, update, unchanged, ambiguous, error, excluded), reading the cells with the
    choices given (reconcile.Choice) and the remembered aliases; writes nothing."""
    report = ImportReport(resolver=build_resolver(choices))
    try:
        _read(report, path, filename, set(excluded), max_rows)
        _decide(report)
    except ImportFileError as error:
        report.file_error, report.rows, report.groups, report.review = str(error), [], {}, Review()
    for outcome in report.rows:
        report.summary.errors += outcome.status == "error"
        report.summary.ambiguous += outcome.status == "ambiguous"
    return report
