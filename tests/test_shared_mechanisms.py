"""The mechanisms every feature shares: the unit of work, the JSON error body and the table downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError
from parliament_tracker.downloads import Metadata, csv_text, table_response, xlsx_bytes
from parliament_tracker.errors import ErrorBody
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation


def _donors() -> list[str]:
    db.session.rollback()  # read what is committed, not what the session holds
    return sorted(db.session.scalars(select(Organisation.name).where(Organisation.is_home.is_(False))))


def test_a_unit_of_work_commits_once_when_the_block_ends(app):
    with unit_of_work():
        db.session.add(Organisation(name="A"))
        with unit_of_work():  # a service calling another joins its transaction
            db.session.add(Organisation(name="B"))
        with db.engine.connect() as other:  # the inner block left the commit to the outer one
            assert other.scalar(select(func.count(Organisation.id)).where(Organisation.is_home.is_(False))) == 0
    assert _donors() == ["A", "B"]


def test_an_error_anywhere_in_a_unit_of_work_writes_nothing(app):
    with pytest.raises(DomainError, match="refused"):
        with unit_of_work():
            db.session.add(Organisation(name="A"))
            with unit_of_work():
                db.session.add(Organisation(name="B"))
                db.session.flush()
                raise DomainError("refused", "name")
    assert _donors() == []


def test_a_refused_unique_value_becomes_the_domain_error_given(app):
    with unit_of_work():
        db.session.add(Organisation(name="A"))
    conflict = DomainError("That name is taken.", "name")
    with pytest.raises(DomainError) as raised:
        with unit_of_work(conflict=conflict):
            db.session.add(Organisation(name="A"))
    assert raised.value is conflict and raised.value.field == "name"
    assert _donors() == ["A"]


def test_json_errors_have_one_shape(client):
    for path, headers in (("/api/v1/no-such-thing", {}), ("/no-such-page", {"Accept": "application/json"})):
        response = client.get(path, headers=headers)
        assert response.status_code == 404 and response.mimetype == "application/json"
        assert response.get_json() == {"status": 404, "code": "not_found", "error": "Page not found",
                                       "fields": {}}
    bad = client.get("/api/v1/chambers?region=Atlantis").get_json()
    assert set(bad) == {"status", "code", "error", "fields"} and bad["code"] == "bad_request"
    assert ErrorBody(429, "Slow down").code == "too_many_requests"


def test_a_browser_still_gets_an_error_page(client):
    response = client.get("/no-such-page", headers={"Accept": "text/html,application/json;q=0.9"})
    assert response.status_code == 404 and response.mimetype == "text/html"


HEADER = ["code", "name", "count"]
ROWS = [["KE-LC", "=HYPERLINK(\"x\")", 3], ["FR-LC", None, 0]]


def test_csv_has_one_line_ending_and_formula_safe_cells():
    text = csv_text(HEADER, ROWS)
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    assert list(csv.reader(io.StringIO(text))) == [HEADER, ["KE-LC", "'=HYPERLINK(\"x\")", "3"], ["FR-LC", "", "0"]]


def test_xlsx_cells_equal_the_csv_cells_and_metadata_goes_on_a_second_sheet():
    meta = Metadata("Coverage by area", filters={"region": "Africa"}, period="2010-2015", date=dt.date(2026, 1, 2),
                    source="parliament-tracker", licence="CC BY 4.0")
    book = load_workbook(io.BytesIO(xlsx_bytes(HEADER, ROWS, meta)))
    assert book.sheetnames == ["data", "About"]
    cells = [["" if v is None else str(v) for v in row] for row in book["data"].iter_rows(values_only=True)]
    assert cells == list(csv.reader(io.StringIO(csv_text(HEADER, ROWS))))
    about = dict(book["About"].iter_rows(values_only=True))
    assert about == {"title": "Coverage by area", "filter: region": "Africa", "period": "2010-2015",
                     "date": "2026-01-02", "source": "parliament-tracker", "licence": "CC BY 4.0"}


def test_table_response_names_the_file_by_its_format(app):
    with app.test_request_context():
        as_csv = table_response("coverage-area", HEADER, ROWS)
        as_xlsx = table_response("coverage-area", HEADER, iter(ROWS), fmt="xlsx",
                                 headers={"Cache-Control": "private"})
        streamed = table_response("coverage-area", HEADER, iter(ROWS), stream=True)
        assert as_csv.mimetype == "text/csv" and "coverage-area.csv" in as_csv.headers["Content-Disposition"]
        assert as_xlsx.mimetype.endswith("spreadsheetml.sheet") and as_xlsx.headers["Cache-Control"] == "private"
        assert "coverage-area.xlsx" in as_xlsx.headers["Content-Disposition"]
        assert "".join(streamed.response) == as_csv.get_data(as_text=True)
        with pytest.raises(ValueError):
            table_response("x", HEADER, ROWS, fmt="pdf")
