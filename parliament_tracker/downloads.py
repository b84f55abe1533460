"""Every table a user downloads, as CSV or XLSX, written in one place: formula-safe cells, one line ending
(CRLF, as RFC 4180 says), the same cells in both formats, and an optional block saying what the table is."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from flask import Response, abort, current_app, has_app_context, has_request_context, request, stream_with_context
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


@dataclass(frozen=True)
class Licence:
    """The licence of the public data (config DATA_LICENCE, DATA_LICENCE_TITLE, DATA_LICENCE_URL)."""

    name: str
    title: str
    url: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.url})"

    @property
    def link_header(self) -> str:
        """The RFC 8288 Link header value that states it (rel="license", RFC 4946)."""
        return f'<{self.url}>; rel="license"'


def data_licence() -> Licence:
    """The configured licence of the public data (CC BY 4.0 unless configured otherwise)."""
    config = current_app.config
    return Licence(config["DATA_LICENCE"], config["DATA_LICENCE_TITLE"], config["DATA_LICENCE_URL"])


@dataclass
class Metadata:
    """What a downloaded table is: XLSX puts it on a second sheet ("About"); CSV, which has one table only,
    leaves it out. filters maps each filter's label to the value chosen."""

    title: str
    filters: dict[str, str] = field(default_factory=dict)
    period: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    # Empty: the URL it was downloaded from (in a request), so every workbook says where it came from.
    source: str = ""
    # Empty: the configured data licence (when an application is running).
    licence: str = ""

    def __post_init__(self):
        if not self.licence and has_app_context():
            self.licence = data_licence().label
        if not self.source and has_request_context():
            self.source = request.url

    def rows(self) -> list[list[str]]:
        about = [["title", self.title]] + [[f"filter: {k}", v] for k, v in self.filters.items()]
        about += [["period", self.period], ["date", self.date.isoformat()], ["source", self.source],
                  ["licence", self.licence]]
        return [[safe_cell(k), safe_cell(v)] for k, v in about if v]


def filter_labels(form) -> dict[str, str]:
    """The filters a user set on a (WTForms) filter form, label to value, for Metadata.filters; the page number,
    buttons and empty fields are left out."""
    chosen = {}
    for item in form:
        if item.type in ("CSRFTokenField", "SubmitField", "HiddenField") or item.name == "page":
            continue
        if item.data not in (None, "", [], False):
            choices = dict(getattr(item, "choices", None) or [])
            chosen[str(item.label.text)] = str(choices.get(item.data, item.data))
    return chosen


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


# HXL hashtags (the HXL standard's dictionary, hxlstandard.org) of the column names the downloads share. Other
# columns get #indicator+num+<name> when they hold numbers, #meta+<name> otherwise (HXL: #indicator only for
# numbers).
HXL_BY_COLUMN = {
    "code": "#org+code", "chamber": "#org+code", "chamber_code": "#org+code", "chamber_name": "#org+name",
    "official_names": "#org+name+official", "chamber_type": "#org+type", "type": "#org+type",
    "iso2": "#country+code+v_iso2", "iso3": "#country+code+v_iso3", "country": "#country+name",
    "country_code": "#country+code+v_iso3", "region": "#region+name", "subregion": "#region+name+sub",
    "intermediate_region": "#region+name+intermediate", "income_group": "#group+income", "ipu_groups": "#group+ipu",
    "status": "#status", "status_note": "#status+note", "established": "#date+start", "ended": "#date+end",
    "start_date": "#date+start", "end_date": "#date+end", "start": "#date+start", "end": "#date+end",
    "year": "#date+year", "area": "#sector+code", "area_label": "#sector+name", "title": "#activity+name",
    "activity_ref": "#activity+code", "activity_type": "#activity+type", "donor": "#org+funder+name",
    "donors": "#org+funder+name", "role": "#org+role",
}
# Rows looked at to tell a numeric column from a text one.
HXL_SAMPLE_ROWS = 100
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _hxl_attribute(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "_", str(name).lower()).strip("_")
    return slug if slug[:1].isalpha() else "x_" + slug


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or bool(_NUMBER.fullmatch(str(value)))


def hxl_row(header: Sequence, sample: Sequence[Sequence]) -> list[str]:
    """The HXL hashtag of each column: from HXL_BY_COLUMN, else #indicator+num for a column whose non-empty
    cells in sample are all numbers (and that has one), else #meta."""
    tags = []
    for i, name in enumerate(header):
        if str(name).lower() in HXL_BY_COLUMN:
            tags.append(HXL_BY_COLUMN[str(name).lower()])
            continue
        cells = [row[i] for row in sample if i < len(row) and row[i] not in (None, "")]
        numeric = bool(cells) and all(_is_number(c) for c in cells)
        tags.append(f"#{'indicator+num' if numeric else 'meta'}+{_hxl_attribute(name)}")
    return tags


def _with_hxl(header: Sequence, rows: Iterable[Iterable], tags: Sequence[str] | None) -> Iterable[Iterable]:
    """rows preceded by the HXL row when the request asks for it (?hxl=1); 400 for another value than 0 or 1."""
    wanted = request.args.get("hxl", "0")
    if wanted not in ("0", "1"):
        abort(400, "hxl must be 0 or 1.")
    if wanted == "0":
        return rows
    rows = iter(rows)
    sample = [list(r) for r in itertools.islice(rows, HXL_SAMPLE_ROWS)]
    return itertools.chain([list(tags) if tags else hxl_row(header, sample)], sample, rows)


def table_response(filename: str, header: Iterable, rows: Iterable[Iterable], *, fmt: str = "csv",
                   metadata: Metadata | None = None, stream: bool = False,
                   headers: dict[str, str] | None = None, hxl: Sequence[str] | None = None) -> Response:
    """A download of one table: the answer of every CSV (and XLSX) route.

    filename: without extension ("coverage-area"); the extension follows fmt ("csv" or "xlsx", else
    ValueError: check a user's choice against FORMATS first). header: the column names; rows: lists of cells
    (None is an empty cell). metadata: title, filters, period, date, source, licence, on the XLSX's second
    sheet. stream: send a CSV in chunks while rows are still read (large exports; rows is then consumed inside
    the request). headers: extra response headers (e.g. Cache-Control: private for private data). hxl: the HXL
    hashtags of the columns, sent as a second row when the request has ?hxl=1 (derived from the column names
    when not given). Every download states the data licence: a Link header (rel="license"), and the XLSX's
    "About" sheet.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown download format {fmt!r}")
    extra = {"Content-Disposition": f"attachment; filename={filename}.{fmt}", "Link": data_licence().link_header,
             **(headers or {})}
    rows = _with_hxl(header, rows, hxl)
    if fmt == "xlsx":
        about = metadata or Metadata(title=filename)
        return Response(xlsx_bytes(header, rows, about), mimetype=XLSX_MIMETYPE, headers=extra)
    body = stream_with_context(csv_chunks(header, rows)) if stream else csv_text(header, rows)
    return Response(body, mimetype=CSV_MIMETYPE, headers=extra)
