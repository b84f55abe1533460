"""The rows an import leaves out (refused or excluded), given back in the sheet's own columns plus `problem`, as CSV
or XLSX with the same cells, so that nothing a person brought is lost."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from flask_babel import gettext as _

from parliament_tracker.activities.importing import read_table
from parliament_tracker.activities.imports import ImportReport
from parliament_tracker.chambers.exports import safe_cell

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


def left_out_rows(path: Path, filename: str, report: ImportReport) -> list[list[str]]:
    """The header as written plus `problem`, then each left-out line as written plus its problem (formula-safe)."""
    problems = _problems(report)
    rows, header = [], None
    for number, cells in read_table(path, filename):
        if header is None:
            if any(cells):
                header = cells
                rows.append([safe_cell(c) for c in header] + ["problem"])
            continue
        if number in problems:
            padded = cells + [""] * (len(header) - len(cells))
            rows.append([safe_cell(c) for c in padded] + [safe_cell(problems[number])])
    return rows


def as_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def as_xlsx(rows: list[list[str]]) -> bytes:
    """The same cells in a workbook; every cell is text (never a formula, even one starting with '=')."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("left out")
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
