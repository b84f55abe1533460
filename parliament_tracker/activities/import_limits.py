"""The bounds a spreadsheet must keep before and while it is read: rows, runs of empty rows, and an XLSX's parts
(their declared uncompressed sizes and compression ratios), checked from the zip's directory before openpyxl
parses anything, so a small hostile file can neither fill a worker's memory nor keep it busy for minutes."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

MB = 1024 * 1024
# Parts smaller than this are never refused for their ratio: tiny XML parts compress very well and are harmless.
RATIO_FLOOR = 1 * MB


@dataclass(frozen=True, slots=True)
class Limits:
    """What one import may hold: data rows, consecutive empty rows, and for an XLSX the uncompressed size of a
    worksheet, of any other part (sharedStrings.xml, styles: openpyxl holds those whole in memory), and the
    compression ratio of a part (uncompressed / compressed)."""

    max_rows: int = 1_000_000
    max_empty_rows: int = 1_000
    sheet_bytes: int = 600 * MB
    part_bytes: int = 50 * MB
    ratio: float = 100

    @classmethod
    def from_config(cls, max_rows: int | None = None) -> Limits:
        """The limits set in the configuration (IMPORT_* settings); max_rows overrides the row cap."""
        config, default = current_app.config, cls()
        limits = cls(int(config.get("IMPORT_MAX_ROWS", default.max_rows)),
                     int(config.get("IMPORT_MAX_EMPTY_ROWS", default.max_empty_rows)),
                     int(float(config.get("IMPORT_XLSX_MAX_SHEET_MB", default.sheet_bytes / MB)) * MB),
                     int(float(config.get("IMPORT_XLSX_MAX_PART_MB", default.part_bytes / MB)) * MB),
                     float(config.get("IMPORT_XLSX_MAX_RATIO", default.ratio)))
        return limits if max_rows is None else replace(limits, max_rows=max_rows)


class LimitError(ValueError):
    """The file breaks one of the Limits; nothing was read from it."""


def check_xlsx(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose parts declare more than the limits. The declared sizes bind: Python's zipfile (which
    openpyxl reads through) stops inflating a member at its declared size and then fails its CRC check."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl then says the workbook is not valid, in the usual words
    total = 0
    for member in members:
        sheet = member.filename.startswith("xl/worksheets/")
        bound = limits.sheet_bytes if sheet else limits.part_bytes
        if member.file_size > bound:
            raise LimitError(_("The workbook's part %(part)s holds %(mb)s MB once unpacked; at most %(max)s MB is "
                               "read. Save the sheet as CSV, or split it.", part=member.filename[:80],
                               mb=member.file_size // MB, max=bound // MB))
        if member.file_size > RATIO_FLOOR and member.file_size > limits.ratio * max(member.compress_size, 1):
            raise LimitError(_("The workbook's part %(part)s unpacks to %(ratio)s times its packed size (at most "
                               "%(max)s): it looks like a zip bomb, or holds a vast empty formatted range. Save the "
                               "sheet again without the empty formatted rows, or as CSV.",
                               part=member.filename[:80], ratio=member.file_size // max(member.compress_size, 1),
                               max=int(limits.ratio)))
        total += member.file_size
    if total > limits.sheet_bytes + limits.part_bytes:
        raise LimitError(_("The workbook holds %(mb)s MB once unpacked; at most %(max)s MB is read. Save the sheet "
                           "as CSV, or split it.", mb=total // MB, max=(limits.sheet_bytes + limits.part_bytes) // MB))
