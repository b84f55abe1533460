"""Hostile spreadsheets, built here for real: an XLSX whose shared strings unpack to far more than they pack (a zip
bomb), one whose part is merely too large, and a sheet with thousands of formatted empty rows. Each is refused
with a clear message and a 4xx (or exit 1 on the command line) before anything is written."""

import io
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from tests.activities.test_import import HEADER, counts, upload

ROW = ["B-1", "Workshop", "awareness", "workshop", "2012-03-05", "", "", "", "KE-LC", "", "", ""]


def workbook(blank_styled_rows: int = 0) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(ROW)
    for number in range(3, 3 + blank_styled_rows):  # formatted but empty: each is a <row> of the sheet's XML
        sheet.cell(row=number, column=1).font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_shared_string(content: bytes, megabytes: int) -> bytes:
    """The workbook with one shared string of megabytes of the same letter: a few kB packed."""
    source = zipfile.ZipFile(io.BytesIO(content))
    huge = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
            'main" count="1" uniqueCount="1"><si><t>' + "A" * (megabytes << 20) + "</t></si></sst>").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "xl/sharedStrings.xml":
                target.writestr(item, source.read(item))
        target.writestr("xl/sharedStrings.xml", huge)
    return buffer.getvalue()


@pytest.fixture
def limits(app):
    app.config.update(IMPORT_XLSX_MAX_PART_MB=4, IMPORT_XLSX_MAX_SHEET_MB=8, IMPORT_XLSX_MAX_RATIO=100,
                      IMPORT_MAX_EMPTY_ROWS=1000, IMPORT_BACKGROUND_ROWS=1_000_000)
    return app.config


def test_a_zip_bomb_is_refused_before_it_is_unpacked(client, staff, chambers, limits):
    bomb = with_shared_string(workbook(), 3)  # 3 MB of one letter: under the part limit, far over the ratio
    assert len(bomb) < 100_000
    before = counts()
    response = upload(client, bomb, "bomb.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "xl/sharedStrings.xml" in page and "zip bomb" in page
    assert counts() == before


def test_a_part_larger_than_the_limit_is_refused(client, staff, chambers, limits):
    limits["IMPORT_XLSX_MAX_RATIO"] = 100_000  # the size alone decides here
    response = upload(client, with_shared_string(workbook(), 6), "big.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "holds 6 MB once unpacked; at most 4 MB" in page


def test_thousands_of_formatted_empty_rows_are_refused_quickly(client, staff, chambers, limits):
    before = counts()
    response = upload(client, workbook(blank_styled_rows=5_000), "styled.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "more than 1000 empty rows in a row" in page
    assert "Rows 3 to 1003 are empty" in page and counts() == before


def test_a_few_empty_rows_are_fine(client, staff, chambers, limits):
    response = upload(client, workbook(blank_styled_rows=50), "styled.xlsx")
    assert response.status_code == 200 and ">will create<" in response.get_data(as_text=True)


def test_the_command_line_exits_1_and_writes_nothing(runner, chambers, limits, tmp_path):
    sheet = tmp_path / "bomb.xlsx"
    sheet.write_bytes(with_shared_string(workbook(), 3))
    before = counts()
    result = runner.invoke(args=["activities", "import", str(sheet)])
    assert result.exit_code == 1 and "zip bomb" in result.output and counts() == before
    rows = tmp_path / "rows.csv"
    rows.write_text(HEADER + ",".join(ROW) + "\n" + "\n" * 1500 + ",".join(ROW) + "\n")
    result = runner.invoke(args=["activities", "import", "--format", "json", str(rows)])
    assert result.exit_code == 1 and "empty rows in a row" in result.output and counts() == before
