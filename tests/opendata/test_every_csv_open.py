"""Every public CSV (each one a public page links to, and the data package's tables), crawled as an anonymous
visitor: with ?hxl=1 a row of hashtags of the HXL dictionary under the header; the licence in its Link header;
its XLSX twin's "About" sheet saying title, date, source and licence."""

import html
import re
from urllib.parse import urlsplit

from tests.opendata.test_downloads import LICENCE_LINK, _csv, _xlsx
from tests.opendata.test_every_xlsx import CSV_LINK, _same
from tests.opendata.test_every_xlsx import _world as world

PUBLIC_PAGES = ("/", "/coverage/matrix", "/coverage/gaps", "/chambers/", "/profiles/capacity", "/profiles/KE-LC")
# The core hashtags of the HXL 1.1 dictionary (hxlstandard.org/standard/1-1final/dictionary/); attributes are free.
HXL_HASHTAGS = {
    "access", "activity", "adm1", "adm2", "adm3", "adm4", "adm5", "affected", "beneficiary", "capacity", "cause",
    "channel", "contact", "country", "crisis", "currency", "date", "delivery", "description", "event", "frequency",
    "geo", "group", "impact", "indicator", "inneed", "item", "loc", "meta", "modality", "need", "operations", "org",
    "output", "population", "priority", "reached", "region", "respondee", "respondees", "service", "sector",
    "severity", "status", "subsector", "targeted", "value",
}
TAG = re.compile(r"#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)")


def _public_csv_links(client) -> set[str]:
    links = {f"/data/{name}.csv" for name in ("chambers", "countries", "areas", "activities", "participations",
                                              "coverage")}
    for page in PUBLIC_PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        links |= {html.unescape(link) for link in CSV_LINK.findall(response.get_data(as_text=True))}
    return links


def _with(link: str, arg: str) -> str:
    return link + ("&" if "?" in link else "?") + arg


def test_every_public_csv_has_hxl_tags_of_the_dictionary_and_the_licence(client):
    world()
    links = _public_csv_links(client)
    assert {"/chambers/export.csv", "/coverage/gaps.csv", "/profiles/capacity/region.csv",
            "/profiles/KE-LC/records.csv"} <= {urlsplit(link).path for link in links}, links
    for link in sorted(links):
        plain = client.get(link)
        assert plain.status_code == 200 and plain.mimetype == "text/csv", link
        assert LICENCE_LINK in plain.headers.getlist("Link"), link
        rows = _csv(client.get(_with(link, "hxl=1")))
        assert rows[0] == _csv(plain)[0] and len(rows[1]) == len(rows[0]), link
        for name, tag in zip(rows[0], rows[1], strict=True):
            match = TAG.fullmatch(tag)
            assert match and match.group(1) in HXL_HASHTAGS, (link, name, tag)
        # HXL: #indicator only for numbers
        for i, tag in enumerate(rows[1]):
            if tag.startswith("#indicator"):
                cells = [row[i] for row in rows[2:] if row[i] != ""]
                assert all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in cells), (link, tag, cells)


def test_every_public_xlsx_equals_its_csv_and_says_what_it_is(client):
    """Also the data package's tables, which no page links to."""
    world()
    for link in sorted(_public_csv_links(client)):
        twin = client.get(link.replace(".csv", ".xlsx", 1))
        assert twin.status_code == 200 and LICENCE_LINK in twin.headers.getlist("Link"), link
        book, rows = _xlsx(twin), _csv(client.get(link))
        assert len(book["data"]) == len(rows), link
        for csv_row, xlsx_row in zip(rows, book["data"], strict=True):
            assert len(csv_row) == len(xlsx_row) and all(map(_same, csv_row, xlsx_row)), (link, csv_row, xlsx_row)
        about = dict(row[:2] for row in book["About"])
        assert {"title", "date", "source", "licence"} <= set(about), (link, about)
        assert about["licence"].startswith("CC-BY-4.0"), link


def test_a_configured_licence_is_stated_in_every_export_and_the_api_document(make_app):
    cc0 = "https://creativecommons.org/publicdomain/zero/1.0/"
    app = make_app(DATA_LICENCE="CC0-1.0", DATA_LICENCE_TITLE="CC0 1.0", DATA_LICENCE_URL=cc0)
    client = app.test_client()
    link = f'<{cc0}>; rel="license"'
    for path in ("/data/datapackage.json", "/data/chambers.csv", "/data/areas.xlsx", "/api/v1/iati/activities.xml",
                 "/api/v1/chambers", "/chambers/export.csv", "/coverage/area.csv"):
        response = client.get(path)
        assert response.status_code == 200 and link in response.headers.getlist("Link"), path
    assert client.get("/data/datapackage.json").get_json()["licenses"] == [
        {"name": "CC0-1.0", "title": "CC0 1.0", "path": cc0}]
    assert f"Licence of this data: CC0-1.0 ({cc0})" in client.get("/api/v1/iati/activities.xml").get_data(True)
    about = dict(row[:2] for row in _xlsx(client.get("/data/areas.xlsx"))["About"])
    assert about["licence"] == f"CC0-1.0 ({cc0})"
    info = client.get("/api/v1/openapi.json").get_json()["info"]
    assert info["license"]["identifier"] == "CC0-1.0"
