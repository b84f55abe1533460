"""The rows an import leaves out (refused or excluded), given back in the sheet's own columns plus `problem`, as CSV
or XLSX with the same cells, so that nothing a person brought is lost."""

from __future__ import annotations

from pathlib import Path

from flask_babel import gettext as _

from parliament_tracker.activities.importing import read_table
from parliament_tracker.activities.imports import ImportReport

LEFT_OUT = ("error", "ambiguous", "excluded")


def _problems(report: ImportReport) -> dict[int, str]:
    """Line number -> why it is left out: its own problem and its activity's, each once."""
    found = {}
    for outcome in report.rows:
        if outcome.status not in LEFT_OUT:
            continue
        parts = [outcome.message] if outcome.message else []
        activity = report.review.activity_of(outcome.ref) if outcome.activity_problem else None
        if activity is not None:
            parts += [p.message for p in activity.problems.values() if p.message not in parts]
        found[outcome.row] = " ".join(parts) or _("Excluded from the import.")
    return found


def left_out_rows(path: Path, filename: str, report: ImportReport) -> tuple[list[str], list[list[str]]]:
    """(the header as written plus `problem`, each left-out line as written plus its problem), for
    downloads.table_response (which makes every cell formula-safe, the same in CSV and XLSX)."""
    problems = _problems(report)
    rows, header = [], None
    for number, cells in read_table(path, filename):
        if header is None:
            if any(cells):
                header = cells
            continue
        if number in problems:
            rows.append(cells + [""] * (len(header) - len(cells)) + [problems[number]])
    return (header or []) + ["problem"], rows
