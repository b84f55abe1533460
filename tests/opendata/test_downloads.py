"""The shared download behaviour the open data relies on: the licence in every export and API answer, the HXL
row on request, and XLSX workbooks that hold the same cells as their CSV."""

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from tests import factories

LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def _xlsx(response) -> dict[str, list[list]]:
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    return {sheet.title: [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}


def test_licence_in_csv_xlsx_and_api(client):
    factories.make_chamber("KE-LC")
    for path in ("/chambers/export.csv", "/chambers/export.xlsx", "/api/v1/chambers", "/api/v1/coverage",
                 "/api/v1/chambers/ZZ-LC", "/coverage/area.csv"):
        response = client.get(path)
        assert LICENCE_LINK in response.headers.getlist("Link"), path
    about = dict(row[:2] for row in _xlsx(client.get("/chambers/export.xlsx"))["About"])
    assert about["licence"] == "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)"
    assert client.get("/chambers/datapackage.json").get_json()["licenses"][0]["name"] == "CC-BY-4.0"


def test_licence_is_a_setting(make_app):
    app = make_app(DATA_LICENCE="CC0-1.0", DATA_LICENCE_URL="https://creativecommons.org/publicdomain/zero/1.0/")
    with app.app_context():
        response = app.test_client().get("/api/v1/chambers")
    assert response.headers["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'


def test_registry_xlsx_equals_its_csv(client):
    factories.make_chamber("KE-LC"), factories.make_chamber("FR-UC", "upper")
    rows = _csv(client.get("/chambers/export.csv?q=Kenya"))
    book = _xlsx(client.get("/chambers/export.xlsx?q=Kenya"))
    assert len(rows) == 2 and [[str(v) for v in row] for row in book["data"]] == rows
    about = dict(row[:2] for row in book["About"])
    assert about["filter: Chamber or country"] == "Kenya" and about["title"] == "National parliamentary chambers"


def test_activities_xlsx_equals_its_csv_with_numbers_as_numbers(client, login_as):
    factories.make_activity(ref="=HYPERLINK()", chambers=[factories.make_chamber("KE-LC")], participants=7, women=4)
    login_as("staff")
    rows = _csv(client.get("/activities/export.csv"))
    book = _xlsx(client.get("/activities/export.xlsx?year=2010"))
    assert rows[1][0] == "'=HYPERLINK()" and [[str(v) for v in row] for row in book["data"]] == rows
    assert book["data"][1][-2:] == [7, 4]
    assert dict(row[:2] for row in book["About"])["filter: Year"] == "2010"


def test_hxl_row_on_request(client):
    chamber = factories.make_chamber("KE-LC")
    factories.make_activity(chambers=[chamber], start=dt.date(2012, 1, 1))
    assert _csv(client.get("/chambers/export.csv"))[1][0] == "KE-LC"
    registry = _csv(client.get("/chambers/export.csv?hxl=1"))
    assert registry[1][:4] == ["#org+code", "#country+code+v_iso2", "#country+code+v_iso3", "#country+name"]
    assert registry[2][0] == "KE-LC"
    area = _csv(client.get("/coverage/area.csv?hxl=1"))
    tags = dict(zip(area[0], area[1], strict=True))
    assert all(tag.startswith("#") for tag in tags.values())
    numeric = [name for name, value in zip(area[0], area[2], strict=True) if value.replace(".", "").isdigit()]
    assert numeric and all(tags[name].startswith("#indicator+num") for name in numeric)
    assert not [t for n, t in tags.items() if n not in numeric and t.startswith("#indicator")]
    records = _csv(client.get("/profiles/KE-LC/records.csv?hxl=1"))
    assert records[1][0].startswith("#") and "#date+start" in records[1]
    bad = client.get("/chambers/export.csv?hxl=yes")
    assert bad.status_code == 400


def test_every_dashboard_csv_gets_valid_hxl_tags(client, app):
    import re

    from parliament_tracker.dashboards.filters import CoverageFilters
    from parliament_tracker.dashboards.panels import coverage_panels
    from parliament_tracker.dashboards.report import coverage_report

    chamber = factories.make_chamber("KE-LC")
    factories.make_activity(chambers=[chamber], start=dt.date(2012, 1, 1))
    names = [*coverage_panels(coverage_report(CoverageFilters()), {}), "matrix", "gaps"]
    tag = re.compile(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*")
    for name in names:
        rows = _csv(client.get(f"/coverage/{name}.csv?hxl=1"))
        assert len(rows[1]) == len(rows[0]) and all(tag.fullmatch(t) for t in rows[1]), (name, rows[:2])
        for column, cell in zip(rows[1], zip(*rows[2:], strict=True) if rows[2:] else [], strict=False):
            if column.startswith("#indicator"):
                assert all(c == "" or c.replace(".", "", 1).lstrip("-").isdigit() for c in cell), (name, column)


def test_profile_records_xlsx_equals_its_csv(client):
    chamber = factories.make_chamber("KE-LC")
    factories.make_activity(ref="R-1", chambers=[chamber], participants=6, women=2)
    rows = _csv(client.get("/profiles/KE-LC/records.csv"))
    book = _xlsx(client.get("/profiles/KE-LC/records.xlsx"))
    assert len(rows) == 2 and [[str(v) for v in row] for row in book["data"]] == rows
    assert book["data"][1][-2:] == [6, 2] and dict(r[:2] for r in book["About"])["licence"].startswith("CC-BY-4.0")
