"""Every CSV a page links to has an XLSX twin holding the same cells: the pages are crawled for their CSV links (so
a new download cannot be left out), and each link's .xlsx is read back and compared cell by cell."""

import datetime as dt
import html
import re
from urllib.parse import urlsplit

from tests import factories
from tests.opendata.test_downloads import _csv, _xlsx
from tests.profiles.factories import make_assessment

PAGES = ("/", "/coverage/matrix", "/coverage/gaps", "/chambers/", "/activities/", "/profiles/capacity",
         "/profiles/KE-LC", "/profiles/queue", "/profiles/feedback")
CSV_LINK = re.compile(r'href="([^"]+\.csv(?:\?[^"]*)?)"')


def _same(csv_cell: str, xlsx_cell) -> bool:
    """A number may be a number in the workbook (7, 35.2) where the CSV has its text ("7", "35.2")."""
    if isinstance(xlsx_cell, (int, float)) and not isinstance(xlsx_cell, bool):
        try:
            return abs(float(csv_cell) - xlsx_cell) < 1e-9
        except ValueError:
            return False
    if isinstance(xlsx_cell, dt.datetime | dt.date):
        return csv_cell.startswith(xlsx_cell.isoformat()[:10])
    return csv_cell == str(xlsx_cell)


def _world():
    kenya, france = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
    factories.make_chamber("FR-UC", "upper")
    donor = factories.make_donor("UNDP")
    factories.make_activity(title="Nairobi workshop", ref="WS-1", start=dt.date(2011, 1, 3), chambers=[kenya, france],
                            donors=[donor], participants=5, women=3)
    factories.make_activity(title="Webinar", activity_type="webinar", area_code="research", start=dt.date(2015, 5, 1),
                            chambers=[kenya])
    for chamber, score in ((kenya, 2), (france, 3)):
        make_assessment(chamber, 2024, "submitted", score=score)
    factories.db.session.commit()


def test_every_linked_csv_has_an_xlsx_with_the_same_cells(client, login_as):
    _world()
    login_as("staff")
    links = set()
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        links |= {html.unescape(link) for link in CSV_LINK.findall(response.get_data(as_text=True))}
    paths = {urlsplit(link).path for link in links}
    assert {"/chambers/export.csv", "/activities/export.csv", "/coverage/gaps.csv", "/coverage/matrix.csv",
            "/profiles/capacity/region.csv", "/profiles/KE-LC/records.csv"} <= paths, paths
    checked = 0
    for link in sorted(links):
        rows = _csv(client.get(link))
        twin = client.get(link.replace(".csv", ".xlsx", 1))
        assert twin.status_code == 200, link
        sheet = _xlsx(twin)["data"]
        assert len(sheet) == len(rows), link
        for csv_row, xlsx_row in zip(rows, sheet, strict=True):
            assert len(csv_row) == len(xlsx_row) and all(map(_same, csv_row, xlsx_row)), (link, csv_row, xlsx_row)
        checked += 1
    assert checked >= 12, checked
