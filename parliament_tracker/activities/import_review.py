"""What a preview asks of a person: each refused value once (with the rows it affects and what to choose from),
and each activity's problems once; plus the Resolver an import reads its cells with."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from parliament_tracker.activities.donor_names import DonorIndex
from parliament_tracker.activities.import_rows import ParsedRow, Problem
from parliament_tracker.activities.matching import ChamberMatcher
from parliament_tracker.activities.models import ActivityArea, ImportAlias
from parliament_tracker.activities.reconcile import Choice, Resolver, choice_key
from parliament_tracker.activities.vocabulary import area_vocabulary, type_vocabulary
from parliament_tracker.extensions import db
from parliament_tracker.labels import LABELS
from parliament_tracker.organisations.models import Organisation


def build_resolver(choices: Iterable[Choice] = ()) -> Resolver:
    """A Resolver over the registry, the areas, the donors and the remembered aliases (a few queries), with this
    import's choices on top."""
    areas = {a.code: a.label for a in db.session.scalars(select(ActivityArea).order_by(ActivityArea.position))}
    donors = DonorIndex(db.session.scalars(select(Organisation.name)))
    aliases = {}
    for alias in db.session.scalars(select(ImportAlias)):
        choice = Choice(alias.column_name, alias.value, alias.target, alias.country)
        aliases[choice.key] = choice
    return Resolver(ChamberMatcher.from_database(), {"area": area_vocabulary(areas),
                                                     "type": type_vocabulary(LABELS["activity_type"])},
                    donors, {c.key: c for c in choices}, aliases)


# Row numbers kept per value or activity (the count is always whole), and activities whose problems are listed:
# a file where every row is refused keeps the preview's memory bounded; every row's problem is in the RowStore.
ROWS_KEPT = 200
ACTIVITIES_KEPT = 1_000


def _keep(rows: list[int], row: int) -> None:
    if len(rows) < ROWS_KEPT:
        rows.append(row)


@dataclass
class Pending:
    """A value waiting for a choice: where it was written, what it may mean, and the rows it holds back."""

    column: str
    value: str
    country: str
    kind: str
    message: str
    candidates: tuple[str, ...]
    rows: list[int] = field(default_factory=list)
    count: int = 0

    @property
    def form_id(self) -> str:
        return f"choice-{self.column}-{zlib.crc32(f'{self.value}|{self.country}'.encode())}"

    def as_json(self) -> dict:
        return {"column": self.column, "value": self.value, "country": self.country, "kind": self.kind,
                "message": self.message, "candidates": list(self.candidates), "rows": self.rows, "count": self.count}


@dataclass
class ActivityProblems:
    """The problems of one activity_ref, each said once, and the rows they hold back."""

    ref: str
    rows: list[int] = field(default_factory=list)
    problems: dict[str, Problem] = field(default_factory=dict)
    count: int = 0

    @property
    def anchor(self) -> str:
        return f"activity-{zlib.crc32(self.ref.encode())}"


@dataclass
class Review:
    """The values waiting for a choice and the activities' problems of one preview (more_activities: the rows of
    activities with problems beyond the first ACTIVITIES_KEPT, counted but not listed)."""

    pending: dict[tuple, Pending] = field(default_factory=dict)
    activities: dict[str, ActivityProblems] = field(default_factory=dict)
    more_activities: int = 0

    def _activity(self, ref: str) -> ActivityProblems | None:
        if ref not in self.activities and len(self.activities) >= ACTIVITIES_KEPT:
            self.more_activities += 1
            return None
        return self.activities.setdefault(ref, ActivityProblems(ref))

    def to_json(self) -> dict:
        """Everything, for keeping with the preview's rows (from_json reads it back)."""
        return {"pending": [asdict(p) for p in self.pending.values()], "more_activities": self.more_activities,
                "activities": [{"ref": a.ref, "rows": a.rows, "count": a.count,
                                "problems": [asdict(p) for p in a.problems.values()]}
                               for a in self.activities.values()]}

    @classmethod
    def from_json(cls, data: dict) -> Review:
        review = cls(more_activities=data.get("more_activities", 0))
        for item in data.get("pending", []):
            pending = Pending(**{**item, "candidates": tuple(item["candidates"])})
            review.pending[choice_key(pending.column, pending.value, pending.country)] = pending
        for item in data.get("activities", []):
            problems = [Problem(**{**p, "candidates": tuple(p["candidates"])}) for p in item["problems"]]
            review.activities[item["ref"]] = ActivityProblems(item["ref"], item["rows"],
                                                              {p.message: p for p in problems}, item["count"])
        return review

    def _ask(self, row: int, problem: Problem) -> None:
        if problem.column is None:
            return
        key = choice_key(problem.column, problem.value, problem.country)
        pending = self.pending.setdefault(key, Pending(problem.column, problem.value, problem.country, problem.kind,
                                                       problem.message, problem.candidates))
        pending.count += 1
        _keep(pending.rows, row)

    def add(self, row: int, parsed: ParsedRow) -> None:
        for problem in parsed.row_problems:
            self._ask(row, problem)
        if parsed.activity_problems:
            entry = self._activity(parsed.ref)
            for problem in parsed.activity_problems:
                if entry is not None:
                    entry.problems.setdefault(problem.message, problem)
                self._ask(row, problem)
            if entry is not None:
                entry.count += 1
                _keep(entry.rows, row)

    def differs(self, ref: str, row: int, message: str, column: str) -> None:
        entry = self._activity(ref)
        if entry is not None:
            entry.count += 1
            _keep(entry.rows, row)
            entry.problems.setdefault(message, Problem(column, message))

    def activity_of(self, ref: str) -> ActivityProblems | None:
        return self.activities.get(ref)

    def activities_json(self) -> list[dict]:
        return [{"activity_ref": a.ref, "rows": a.rows,
                 "problems": [{"field": p.field, "message": p.message} for p in a.problems.values()]}
                for a in self.activities.values()]

    def pending_json(self) -> list[dict]:
        return [p.as_json() for p in self.pending.values()]
