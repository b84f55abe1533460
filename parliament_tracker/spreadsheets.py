"""One way to answer a table as CSV or XLSX: the same cells in both (formula-safe), and, in the XLSX, a second
sheet "About" saying what the table counts (its filters, period, date and source). The CSV stays one header row
and the data, so that programs read it as they are; its "About" is the page it was downloaded from."""

from __future__ import annotations

import csv
import datetime as dt
import io

from flask import Response, abort
from openpyxl import Workbook

from parliament_tracker.chambers.exports import safe_cell
from parliament_tracker.i18n import gettext as _

FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _cell(value):
    # numbers stay numbers in a workbook (summable); everything else is the CSV's text, formula-safe
    return value if type(value) in (int, float) else safe_cell(value)


def about_rows(title: str, filters: list[str], period: str, source: str, today: dt.date | None = None) -> list:
    """The header block: what the table is, under which filters and period, when and where it was made."""
    return [[_("Table"), title], [_("Filters"), "; ".join(filters) or _("none")], [_("Period"), period],
            [_("Downloaded"), (today or dt.date.today()).isoformat()], [_("Source"), source]]


def table_response(name: str, fmt: str, header: list[str], rows: list[list], about: list[list] | None = None,
                   private: bool = False) -> Response:
    """The table as a download named <name>.<fmt> (csv or xlsx; anything else is a 404)."""
    if fmt not in FORMATS:
        abort(404)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([safe_cell(v) for v in row] for row in rows)
        body = out.getvalue()
    else:
        book = Workbook(write_only=True)
        data = book.create_sheet("Data")
        data.append([safe_cell(h) for h in header])
        for row in rows:
            data.append([_cell(v) for v in row])
        if about:
            sheet = book.create_sheet("About")
            for line in about:
                sheet.append([safe_cell(v) for v in line])
        buffer = io.BytesIO()
        book.save(buffer)
        body = buffer.getvalue()
    headers = {"Content-Disposition": f"attachment; filename={name}.{fmt}"}
    if private:
        headers["Cache-Control"] = "private"
    return Response(body, mimetype=FORMATS[fmt], headers=headers)
