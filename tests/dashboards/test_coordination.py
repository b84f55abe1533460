"""The coordination view's answers (overlaps, who worked where, chambers no one reached) on a hand-made world."""

import datetime as dt

import pytest
from sqlalchemy import insert

from parliament_tracker.dashboards import coordination as c
from parliament_tracker.dashboards import tables
from parliament_tracker.dashboards.filters import CoverageFilters as F
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation, activity_partners
from parliament_tracker.organisations.services import home_organisation
from tests.factories import make_activity, make_chamber, make_country


def _org(name, short, org_type="ngo", public=True):
    org = Organisation(name=name, short_name=short, org_type=org_type, activities_public=public)
    db.session.add(org)
    db.session.commit()
    return org


@pytest.fixture
def world(app):
    """Chambers KE-LC, SE-LC, ML-LC (never reached). Organisations: the centre (home), WFD (ngo), IPU
    (inter_parliamentary), Secret (private).

    KE-LC awareness: centre 2020-01-10; WFD 2020-11-05 (10 months later: overlap); IPU 2022-06-01 (29 months
      after the centre's, 19 after WFD's: outside the window); centre again 2020-03-01 (same organisation: no
      overlap with its own); Secret 2020-02-01 (private: never shown); WFD deleted 2020-02-02.
    KE-LC research: IPU 2020-05-01, with WFD as implementing partner and the centre as funder only.
    SE-LC awareness: IPU 2021-01-01 (the centre's KE activity is not in this chamber: no overlap).
    """
    make_country("KE")
    make_country("SE")
    make_country("ML")
    ke, se = make_chamber("KE-LC", "unicameral"), make_chamber("SE-LC", "unicameral")
    make_chamber("ML-LC", "unicameral")
    home = home_organisation()
    wfd, ipu = _org("Westminster Foundation", "WFD"), _org("Inter-Parliamentary Union", "IPU", "inter_parliamentary")
    secret = _org("Secret Partner", "Secret", public=False)
    acts = {
        "centre": make_activity("Centre KE", start=dt.date(2020, 1, 10), chambers=[ke]),
        "centre2": make_activity("Centre KE again", start=dt.date(2020, 3, 1), chambers=[ke]),
        "wfd": make_activity("WFD KE", start=dt.date(2020, 11, 5), chambers=[ke], lead=wfd),
        "ipu": make_activity("IPU KE", start=dt.date(2022, 6, 1), chambers=[ke], lead=ipu),
        "secret": make_activity("Secret KE", start=dt.date(2020, 2, 1), chambers=[ke], lead=secret),
        "deleted": make_activity("WFD deleted", start=dt.date(2020, 2, 2), chambers=[ke], lead=wfd, deleted=True),
        "research": make_activity("IPU research", "research", "research", start=dt.date(2020, 5, 1), chambers=[ke],
                                  lead=ipu, donors=[home]),
        "se": make_activity("IPU SE", start=dt.date(2021, 1, 1), chambers=[se], lead=ipu),
    }
    db.session.execute(insert(activity_partners).values(activity_id=acts["research"].id, organisation_id=wfd.id,
                                                        role="implementing"))
    db.session.commit()
    return {"wfd": wfd.id, "ipu": ipu.id, "home": home.label}


def _pairs(found):
    return [(o.chamber_code, o.area_code, o.organisations, [a.title for a in o.activities]) for o in found]


def test_an_overlap_inside_the_window_is_found_and_outside_it_not(world):
    home = world["home"]
    assert _pairs(c.overlaps(c.CoordinationFilters())) == [
        # the centre's two KE activities are both within 12 months of WFD's; its research funding is no work
        ("KE-LC", "awareness", tuple(sorted((home, "WFD"), key=lambda n: n != home)),
         ["Centre KE", "Centre KE again", "WFD KE"]),
    ]


def test_a_wider_window_brings_in_more_and_the_organisation_filters_narrow(world):
    wide = c.overlaps(c.CoordinationFilters(window_months=30))
    assert {o.organisations for o in wide} == {(world["home"], "WFD"), (world["home"], "IPU"), ("WFD", "IPU")}
    ipu_only = c.overlaps(c.CoordinationFilters(window_months=30, organisation_id=world["ipu"]))
    assert {o.organisations for o in ipu_only} == {(world["home"], "IPU"), ("WFD", "IPU")}
    assert {o.organisations for o in c.overlaps(c.CoordinationFilters(window_months=30,
                                                                      org_type="inter_parliamentary"))} == {
        (world["home"], "IPU"), ("WFD", "IPU")}
    assert c.overlaps(c.CoordinationFilters(F(area="research"), window_months=30)) == []
    assert c.overlaps(c.CoordinationFilters(F(year_from=2021), window_months=30)) == []


def test_private_and_deleted_activities_are_never_shown(world):
    for f in (c.CoordinationFilters(window_months=600), c.CoordinationFilters(window_months=600, org_type="ngo")):
        titles = {a.title for o in c.overlaps(f) for a in o.activities}
        assert "Secret KE" not in titles and "WFD deleted" not in titles
        assert "Secret" not in {o for ov in c.overlaps(f) for o in ov.organisations}
    assert "Secret" not in {w.organisation for w in c.work_by_chamber(c.CoordinationFilters())[1]}


def test_who_worked_where_and_chambers_no_one_reached(world):
    home = world["home"]
    work = {(w.chamber_code, w.organisation, w.area_code, w.activities)
            for w in c.work_by_chamber(c.CoordinationFilters())[1]}
    assert work == {("KE-LC", home, "awareness", 2), ("KE-LC", "WFD", "awareness", 1), ("KE-LC", "WFD", "research", 1),
                    ("KE-LC", "IPU", "awareness", 1), ("KE-LC", "IPU", "research", 1), ("SE-LC", "IPU", "awareness", 1)}
    assert c.chambers_reached_by_no_one(c.CoordinationFilters()) == c.Unreached(chambers=3, unreached=1)
    assert c.chambers_reached_by_no_one(c.CoordinationFilters(F(year_from=2022))) == c.Unreached(3, 2)


def test_the_page_shows_the_overlap_and_the_unreached_count(world, client):
    page = client.get("/coordination").get_data(as_text=True)
    assert "1 overlap within 12 months" in page and "1 of 3 chambers reached by no organisation" in page
    assert "WFD KE" in page and "Secret" not in page and "WFD deleted" not in page
    narrowed = client.get("/coordination?window=30&org_type=inter_parliamentary").get_data(as_text=True)
    assert "2 overlaps within 30 months" in narrowed


@pytest.mark.parametrize("query", ["window=-1", "window=abc", "organisation=999999", "org_type=spaceship",
                                   "from=2020&to=2010"])
def test_bad_filters_get_a_message_and_a_400(world, client, query):
    response = client.get(f"/coordination?{query}")
    assert response.status_code == 400
    assert "Some filters are not valid" in response.get_data(as_text=True)


def test_the_api_answers_the_same_overlaps(world, client):
    body = client.get("/api/v1/coordination/overlaps?window=30&org_type=inter_parliamentary").get_json()
    assert body["total"] == 2
    assert {tuple(o["organisations"]) for o in body["overlaps"]} == {(world["home"], "IPU"), ("WFD", "IPU")}
    assert all("Secret" not in a["organisation"] for o in body["overlaps"] for a in o["activities"])
    refused = client.get("/api/v1/coordination/overlaps?organisation=999999")
    assert refused.status_code == 400 and "organisation" in refused.get_json()["fields"]


def test_the_download_has_a_row_per_overlap_and_activity(world, client):
    response = client.get("/coordination/overlaps.csv")
    assert response.status_code == 200
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == ",".join(tables.OVERLAP_HEADER)
    assert [line.split(",")[5] for line in lines[1:]] == ["Centre KE", "Centre KE again", "WFD KE"]
    assert client.get("/coordination/overlaps.xlsx").status_code == 200
    assert client.get("/coordination/overlaps.csv?window=-3").status_code == 400


def test_overlaps_are_counted_and_paged_in_sql_and_each_page_holds_its_own(world, client, monkeypatch):
    every = c.overlaps(c.CoordinationFilters(window_months=30))
    assert len(every) == 3
    pages = [c.overlap_page(c.CoordinationFilters(window_months=30), limit=1, offset=n) for n in range(3)]
    assert [total for total, _rows in pages] == [3, 3, 3]
    assert [rows for _total, rows in pages] == [[o] for o in every]  # the same overlaps, activities and order
    assert c.overlap_page(c.CoordinationFilters(window_months=30), limit=1, offset=7) == (3, [])  # past the end
    assert c.overlap_page(c.CoordinationFilters(F(area="research"), window_months=30), limit=1) == (0, [])
    body = client.get("/api/v1/coordination/overlaps?window=30&per_page=1&page=2").get_json()
    assert body["total"] == 3 and body["pages"] == 3
    assert [tuple(o["organisations"]) for o in body["overlaps"]] == [every[1].organisations]
    monkeypatch.setattr(c, "SHOWN", 2)
    page = client.get("/coordination?window=30").get_data(as_text=True)
    assert "3 overlaps within 30 months" in page and "Page 1 of 2" in page
    second = client.get("/coordination?window=30&page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and second.split('id="overlaps-title"')[1].split('id="work-title"')[0].count('<th scope="row">') == 1


def test_who_worked_where_pages_by_chamber(world):
    everything = c.work_by_chamber(c.CoordinationFilters())
    assert everything[0] == 2
    assert c.work_by_chamber(c.CoordinationFilters(), limit=1) == (2, [w for w in everything[1] if w.chamber_code == "KE-LC"])
    assert c.work_by_chamber(c.CoordinationFilters(), limit=1, offset=1) == (
        2, [w for w in everything[1] if w.chamber_code == "SE-LC"])
    assert c.work_by_chamber(c.CoordinationFilters(), limit=1, offset=5) == (2, [])


def test_the_page_pages_its_two_lists(world, client, monkeypatch):
    monkeypatch.setattr(c, "CHAMBERS_SHOWN", 1)
    first, second = (client.get(f"/coordination?window=30&chambers_page={n}").get_data(as_text=True) for n in (1, 2))
    assert 'href="/profiles/SE-LC"' not in first.split('id="work-title"')[1]
    assert 'href="/profiles/SE-LC"' in second.split('id="work-title"')[1]
    assert "chambers_page=2" in first and 'rel="next"' in first
    for bad in ("chambers_page=abc", "page=-3", "page=99999999999999999999", "chambers_page=0"):
        assert client.get(f"/coordination?{bad}").status_code == 200


def test_questions_paired_per_request_and_downloads_are_rate_limited_per_address(make_app):
    """The stored answers are never limited; a period or another window, and every download, share one limit
    (dashboards/throttle.py) across the page, the API and the downloads: the third such request within the minute
    is a 429 with Retry-After, as a page or as the API's JSON error."""
    app = make_app(RATELIMIT_ENABLED=True, COORDINATION_RATE_LIMIT="2 per minute")
    client = app.test_client()
    for _ in range(4):
        assert client.get("/coordination").status_code == 200
        assert client.get("/api/v1/coordination/overlaps?window=12").status_code == 200
    assert client.get("/coordination?window=6").status_code == 200
    assert client.get("/api/v1/coordination/overlaps?from=2015").status_code == 200
    refused = client.get("/api/v1/coordination/overlaps?window=24")
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert refused.get_json()["code"] == "too_many_requests"
    page = client.get("/coordination/overlaps.csv")
    assert page.status_code == 429 and b"Too many" in page.data
    assert client.get("/coordination").status_code == 200  # the stored answer still comes
    other = app.test_client()  # another address has its own allowance
    assert other.get("/coordination?window=6", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200


def test_the_page_lists_a_few_activities_per_overlap_and_counts_the_rest(app, client):
    make_country("KE")
    ke = make_chamber("KE-LC", "unicameral")
    wfd = _org("Westminster Foundation", "WFD")
    for month in range(1, 6):
        make_activity(f"Centre {month}", start=dt.date(2020, month, 1), chambers=[ke])
        make_activity(f"WFD {month}", start=dt.date(2020, month, 2), chambers=[ke], lead=wfd)
    (overlap,) = c.overlaps(c.CoordinationFilters())
    assert len(overlap.activities) == 10
    page = client.get("/coordination").get_data(as_text=True)
    shown = overlap.activities[:c.ACTIVITIES_SHOWN]
    assert all(a.title in page for a in shown)
    assert not any(f"· {a.title}<" in page for a in overlap.activities[c.ACTIVITIES_SHOWN:])
    assert f"and {10 - c.ACTIVITIES_SHOWN} more" in page
    csv = client.get("/coordination/overlaps.csv").get_data(as_text=True)
    assert all(a.title in csv for a in overlap.activities)
