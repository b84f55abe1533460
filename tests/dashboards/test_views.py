"""The dashboard pages, their CSV files, the public setting, the donor lens and the cache's freshness."""

import csv
import datetime as dt
import io
import re

import pytest
from sqlalchemy import update

from parliament_tracker.activities.models import Activity
from parliament_tracker.extensions import db
from parliament_tracker.settings import put_setting
from tests.factories import make_activity, make_chamber, make_donor


@pytest.fixture
def small(app):
    fr, ke = make_chamber("FR-LC"), make_chamber("KE-LC")
    make_chamber("FR-UC", "upper", name="=HYPERLINK(\"x\")")
    ec = make_donor("European Commission")
    make_activity("W", "awareness", start=dt.date(2010, 3, 1), chambers=[fr, ke], donors=[ec])
    make_activity("R", "research", "research", start=dt.date(2015, 3, 1), chambers=[fr])
    return {"ec": ec}


def _csv(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_dashboard_shows_the_headline_and_its_figures(client, small):
    html = client.get("/").get_data(as_text=True)
    assert "2 of 3" in html  # chambers reached of chambers in the registry
    assert 'id="chart-map"' in html and 'class="coverage-figure"' in html
    # no inline script code: every script either loads a file or carries JSON data
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "/assets/" in html and "world_50m.json" not in html.split("data-topojson-url")[0][-200:]


def test_the_table_alternatives_escape_every_cell(client, small):
    mali = make_chamber("ML-LC", name='<img src=x onerror="alert(1)"> Assemblée & Co')
    make_activity("S", "awareness", start=dt.date(2011, 3, 1), chambers=[mali])
    html = client.get("/").get_data(as_text=True)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Assemblée &amp; Co (Awareness" in html
    assert '<tr><th scope="row">MLI</th><td>Mali</td><td>1</td><td>1</td><td>100%</td><td>1</td>' in html


def test_filters_in_the_url_change_the_numbers(client, small):
    html = client.get("/?from=2015&to=2015").get_data(as_text=True)
    assert "1 of 3" in html
    assert client.get("/?from=2016&to=2015").status_code == 400
    assert client.get("/?area=nonsense").status_code == 400
    assert client.get("/coverage/area.csv?from=abc").status_code == 400


def test_csv_holds_exactly_the_charts_numbers(client, small):
    rows = _csv(client, "/coverage/area.csv?from=2010&to=2010")
    assert rows[0] == ["area", "chambers_reached", "chambers_total", "share", "activities", "participants"]
    awareness = next(r for r in rows if r[0] == "Awareness and coordination")
    assert awareness[1:5] == ["2", "3", "67%", "1"]
    matrix = _csv(client, "/coverage/matrix.csv")
    assert any(r[1] == "'=HYPERLINK(\"x\")" for r in matrix)  # formula neutralised
    gaps = _csv(client, "/coverage/gaps.csv")
    assert [r[0] for r in gaps[1:]] == ["FR-UC"]
    for name in ("map", "breadth", "region", "subregion", "income", "group", "bicameral", "activities_by_year",
                 "first_reached", "cumulative"):
        assert len(_csv(client, f"/coverage/{name}.csv")) >= 1


def test_matrix_sorts_and_gaps_list(client, small):
    html = client.get("/coverage/matrix?sort=total&order=desc").get_data(as_text=True)
    assert html.index(">FR-LC<") < html.index(">KE-LC<") < html.index(">FR-UC<")
    assert 'aria-sort="descending"' in html
    assert "FR-UC" in client.get("/coverage/gaps").get_data(as_text=True)


def test_dashboards_can_be_made_private(client, small, login_as):
    put_setting("public_dashboards", "0")
    assert client.get("/").status_code == 302
    assert client.get("/coverage/gaps.csv").status_code == 302
    assert client.get("/api/v1/coverage").status_code == 401
    login_as("parliament")
    assert client.get("/").status_code == 200


def test_a_donor_sees_its_lens_beside_the_whole(client, small, login_as):
    login_as("donor", donor=small["ec"])
    html = client.get("/").get_data(as_text=True)
    assert "The activities you funded" in html


def test_a_saved_activity_is_never_hidden_by_the_cache(client, small):
    assert client.get("/api/v1/coverage").get_json()["activities"] == 2
    assert client.get("/api/v1/coverage").get_json()["activities"] == 2  # served from the cache
    make_activity("New", start=dt.date(2020, 1, 1), chambers=[make_chamber("ML-LC")])
    assert client.get("/api/v1/coverage").get_json()["activities"] == 3
    db.session.execute(update(Activity).where(Activity.title == "New").values(deleted_at=dt.datetime(2021, 1, 1)))
    db.session.commit()
    assert client.get("/api/v1/coverage").get_json()["activities"] == 2


def test_assets_are_fingerprinted_compressed_and_long_cached(client, app):
    html = client.get("/").get_data(as_text=True)
    url = re.search(r'src="(/assets/[^"]+dashboards\.js)"', html).group(1)
    response = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/assets/0/js/dashboards.js").headers["Cache-Control"] == "no-cache"
    assert client.get("/assets/0/../config.py").status_code == 404
    assert client.get("/assets/0/js/missing.js").status_code == 404


def test_every_page_asset_bootstrap_included_has_a_fingerprinted_long_cached_url(client):
    html = client.get("/chambers/").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="(/(?:assets|static|bootstrap)/[^"]+)"', html)
    assert len(urls) >= 5 and all(u.startswith("/assets/") for u in urls), urls  # nothing to revalidate next visit
    for name in ("bootstrap.min.css", "popper.min.js", "bootstrap.min.js", "app.css", "favicon.svg"):
        url = next(u for u in urls if u.endswith(name))
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"], name
    assert client.get("/assets/0/bootstrap/../../__init__.py").status_code == 404
    assert client.get("/assets/0/bootstrap/css/missing.css").status_code == 404


def test_figures_use_only_the_trace_types_in_the_vendored_bundle(client, small):
    import json
    html = client.get("/").get_data(as_text=True)
    figures = [json.loads(m) for m in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)]
    assert figures and {t["type"] for f in figures for t in f["data"]} <= {"bar", "scatter", "choropleth"}


def test_pages_and_static_files_are_gzipped_for_clients_that_accept_it(client, small):
    import gzip
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "2 of 3" in gzip.decompress(response.data).decode()
    assert "Content-Encoding" not in client.get("/").headers
    css = client.get("/static/css/app.css", headers={"Accept-Encoding": "gzip"})
    assert css.status_code == 200
