"""Every table a user downloads, as CSV or XLSX, written in one place: formula-safe cells, one line ending
(CRLF, as RFC 4180 says), the same cells in both formats, and an optional block saying what the table is."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from flask import Response, stream_with_context
from openpyxl import Workbook

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_MIMETYPE = "text/csv"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
# Rows written per chunk when a CSV is streamed.
CHUNK_ROWS = 500


def safe_cell(value) -> str:
    """A cell that a spreadsheet will show as text, never run as a formula ('' for None)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@dataclass
class Metadata:
    """What a downloaded table is: XLSX puts it on a second sheet ("About"); CSV, which has one table only,
    leaves it out. filters maps each filter's label to the value chosen."""

    title: str
    filters: dict[str, str] = field(default_factory=dict)
    period: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    source: str = ""
    licence: str = ""

    def rows(self) -> list[list[str]]:
        about = [["title", self.title]] + [[f"filter: {k}", v] for k, v in self.filters.items()]
        about += [["period", self.period], ["date", self.date.isoformat()], ["source", self.source],
                  ["licence", self.licence]]
        return [[safe_cell(k), safe_cell(v)] for k, v in about if v]


def csv_chunks(header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text (header, then rows; every cell formula-safe), CHUNK_ROWS rows at a time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(v) for v in header])
    for number, row in enumerate(rows, start=1):
        writer.writerow([safe_cell(v) for v in row])
        if number % CHUNK_ROWS == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    """The whole CSV text (for the CLI and for small tables)."""
    return "".join(csv_chunks(header, rows))


def _xlsx_cell(value):
    # Numbers stay numbers (a spreadsheet sums them); everything else is the CSV's formula-safe text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return safe_cell(value)


def xlsx_bytes(header: Iterable, rows: Iterable[Iterable], metadata: Metadata | None = None,
               sheet: str = "data") -> bytes:
    """A workbook whose first sheet holds the header and rows (cell for cell the CSV's), the metadata on a
    second sheet "About" when given."""
    book = Workbook(write_only=True)
    table = book.create_sheet(sheet[:31])
    table.append([safe_cell(v) for v in header])
    for row in rows:
        table.append([_xlsx_cell(v) for v in row])
    if metadata is not None:
        about = book.create_sheet("About")
        for row in metadata.rows():
            about.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_response(filename: str, header: Iterable, rows: Iterable[Iterable], *, fmt: str = "csv",
                   metadata: Metadata | None = None, stream: bool = False,
                   headers: dict[str, str] | None = None) -> Response:
    """A download of one table: the answer of every CSV (and XLSX) route.

    filename: without extension ("coverage-area"); the extension follows fmt ("csv" or "xlsx", else
    ValueError: check a user's choice against FORMATS first). header: the column names; rows: lists of cells
    (None is an empty cell). metadata: title, filters, period, date, source, licence, on the XLSX's second
    sheet. stream: send a CSV in chunks while rows are still read (large exports; rows is then consumed inside
    the request). headers: extra response headers (e.g. Cache-Control: private for private data).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown download format {fmt!r}")
    extra = {"Content-Disposition": f"attachment; filename={filename}.{fmt}", **(headers or {})}
    if fmt == "xlsx":
        return Response(xlsx_bytes(header, rows, metadata), mimetype=XLSX_MIMETYPE, headers=extra)
    body = stream_with_context(csv_chunks(header, rows)) if stream else csv_text(header, rows)
    return Response(body, mimetype=CSV_MIMETYPE, headers=extra)
