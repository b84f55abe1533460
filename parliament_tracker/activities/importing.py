"""Reading an uploaded spreadsheet (CSV or XLSX) or IATI activities file (XML) as a stream of rows; any file-level
problem is an ImportFileError.

Nothing here touches the database. Cells are read as text (an XLSX formula is its text, never evaluated)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from parliament_tracker.activities.iati_file import IatiFileError, iati_rows, looks_like_xml
from parliament_tracker.activities.import_limits import LimitError, Limits, check_xlsx
from parliament_tracker.activities.vocabulary import header_column, header_columns

COLUMNS = ("activity_ref", "title", "area", "type", "start_date", "end_date", "location", "donor", "chamber",
           "country", "participants", "women")
REQUIRED = ("activity_ref", "title", "area", "type", "start_date", "chamber")
# Longest text accepted in one cell (characters); longer cells are refused on their row.
MAX_CELL = 2_000
# Bytes read at a time while checking the encoding: memory stays flat whatever the file size.
CHUNK = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing was written."""


@dataclass(slots=True)
class RawRow:
    """One data row: number is its line in the file counting the header as 1; values by column name, as text."""

    number: int
    values: dict[str, str]
    too_long: tuple[str, ...] = ()


# The downloadable template's one example row, under COLUMNS.
TEMPLATE_EXAMPLE = ("WS-2012-03", "Regional workshop on open data", "awareness", "workshop", "2012-03-05",
                    "2012-03-07", "Nairobi", "European Commission", "KE-LC", "Kenya", "4", "2")


def _header(cells: list[str]) -> tuple[list[str | None], list[str]]:
    """Each position's column name (None for columns we do not use) and the list of ignored headers."""
    names, ignored, seen = [], [], set()
    known = header_columns(COLUMNS)  # the columns' names, and their French and Spanish headers
    for cell in cells:
        name = header_column((cell or "").strip().lstrip("\ufeff"), known)
        if name in COLUMNS:
            if name in seen:
                raise ImportFileError(_("The column %(c)s appears twice.", c=name))
            seen.add(name)
            names.append(name)
        else:
            names.append(None)
            if (cell or "").strip():
                ignored.append(cell.strip()[:40])
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        raise ImportFileError(_("Missing columns: %(cols)s. The first row must name the columns (see the template).",
                                cols=", ".join(missing)))
    return names, ignored


def _cell_text(value) -> str:
    """A cell as stripped text; NUL characters are dropped (they are never meaningful and PostgreSQL refuses them)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\x00", "").strip()


def _rows(table: Iterator[tuple[int, list]], limits: Limits, notices: list[str]) -> Iterator[RawRow]:
    names = None
    count = empty = 0
    for number, cells in table:
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            empty += 1
            if empty > limits.max_empty_rows:  # a million formatted blank rows: refused in a moment, not minutes
                raise ImportFileError(_("Rows %(a)s to %(b)s are empty, more than %(n)s empty rows in a row: delete "
                                        "the empty (formatted) rows below the data and upload the file again.",
                                        a=number - empty + 1, b=number, n=limits.max_empty_rows))
            continue
        empty = 0
        if names is None:
            names, ignored = _header(texts)
            if ignored:
                notices.append(_("Columns ignored: %(cols)s.", cols=", ".join(ignored)))
            continue
        count += 1
        if count > limits.max_rows:
            raise ImportFileError(_("The file has more than %(n)s rows; split it into smaller files.",
                                    n=limits.max_rows))
        values = {name: text for name, text in zip(names, texts, strict=False) if name}
        too_long = tuple(k for k, v in values.items() if len(v) > MAX_CELL)
        yield RawRow(number, {k: v[:MAX_CELL] for k, v in values.items()}, too_long)
    if names is None:
        raise ImportFileError(_("The file is empty."))


def _encoding(path: Path) -> str:
    """utf-8-sig when the whole file is valid UTF-8 (with or without BOM), utf-16 with its BOM, else cp1252/latin-1."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    raise ImportFileError(_("This file is not a CSV text file or an XLSX workbook."))
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
        handle.seek(0)
        try:
            while chunk := handle.read(CHUNK):
                chunk.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin-1"


def _csv_table(path: Path) -> Iterator[tuple[int, list]]:
    encoding = _encoding(path)
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
        delimiter = max((",", ";", "\t"), key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as error:
            raise ImportFileError(_("Row %(n)s cannot be read as CSV (%(e)s).", n=reader.line_num, e=error)) from None


def _xlsx_table(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    handle = path.open("rb")  # a file object: openpyxl then ignores the stored file's name
    try:
        # read_only streams the sheet; data_only=False keeps a formula as its text instead of a cached result.
        workbook = load_workbook(handle, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many types for damaged or foreign files
        handle.close()
        raise ImportFileError(_("This file is not a valid XLSX workbook. Save it again as .xlsx or CSV.")) from None
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    except ImportFileError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet fails while it is read, in openpyxl's own ways
        raise ImportFileError(_("The workbook is damaged and cannot be read. Save it again as .xlsx or CSV.")) from None
    finally:
        workbook.close()
        handle.close()


def _iati_table(path: Path) -> Iterator[tuple[int, list]]:
    """An IATI file as a table under COLUMNS: the header, then one line per activity and chamber."""
    yield 1, list(COLUMNS)
    try:
        for number, values in enumerate(iati_rows(path, current_app.config.get("IATI_ORG_REF", "")), start=2):
            yield number, [values.get(c, "") for c in COLUMNS]
    except IatiFileError as error:
        raise ImportFileError(str(error)) from None


def _table(path: Path, filename: str, limits: Limits | None = None) -> Iterator[tuple[int, list]]:
    """The file's lines, by its content (not only its name); with limits, an XLSX's parts are checked before
    openpyxl opens it."""
    with path.open("rb") as handle:
        head = handle.read(64)
    if head[:4] == OLE_MAGIC:
        raise ImportFileError(_("Old Excel files (.xls) are not read; save the sheet as .xlsx or CSV."))
    if head[:4] == ZIP_MAGIC:
        if limits is not None:
            try:
                check_xlsx(path, limits)
            except LimitError as error:
                raise ImportFileError(str(error)) from None
        return _xlsx_table(path)
    if looks_like_xml(head):
        return _iati_table(path)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFileError(_("This file is not a valid XLSX workbook. Save it again as .xlsx or CSV."))
    return _csv_table(path)


def read_rows(path: Path, filename: str, limits: Limits, notices: list[str]) -> Iterator[RawRow]:
    """Stream the data rows of a CSV, XLSX or IATI XML file (chosen by its content, not only its name), within
    limits."""
    return _rows(_table(path, filename, limits), limits, notices)


def read_table(path: Path, filename: str) -> Iterator[tuple[int, list[str]]]:
    """Every line of a file already previewed, header included, as (line number, cell texts) with the same
    numbers as RawRow: for handing refused rows back exactly as they were written."""
    for number, cells in _table(path, filename):
        yield number, [_cell_text(c) for c in cells]
