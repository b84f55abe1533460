"""GET /api/v1/coverage: the dashboard's numbers as JSON, and a 400 naming each bad parameter."""

import datetime as dt

import pytest

from tests.factories import make_activity, make_chamber, make_donor


@pytest.fixture
def data(app):
    fr, ke = make_chamber("FR-LC"), make_chamber("KE-LC")
    make_chamber("FR-UC", "upper")
    ec = make_donor("European Commission")
    make_activity("W", "awareness", start=dt.date(2010, 3, 1), chambers=[fr, ke], donors=[ec], participants=10,
                  women=5)
    make_activity("R", "research", "research", start=dt.date(2015, 3, 1), chambers=[fr], participants=2, women=0)
    return {"ec": ec.id}


def test_coverage_json(client, data):
    body = client.get("/api/v1/coverage").get_json()
    assert (body["chambers_total"], body["chambers_reached"], body["countries_reached"]) == (3, 2, 2)
    assert (body["activities"], body["participants"], body["women"]) == (2, 22, 10)
    assert {"area": "awareness", "chambers_reached": 2}.items() <= next(
        a for a in body["by_area"] if a["area"] == "awareness").items()
    for key in ("breadth", "by_region", "by_subregion", "by_income_group", "by_geopolitical_group",
                "bicameral_one_reached", "trends", "countries", "expert_supply"):
        assert key in body
    assert body["bicameral_one_reached"] == [{"country": "France", "iso3": "FRA", "reached": ["FR-LC"],
                                              "not_reached": ["FR-UC"]}]


def test_filters_as_query_parameters(client, data):
    assert client.get("/api/v1/coverage?from=2015&to=2015").get_json()["chambers_reached"] == 1
    assert client.get("/api/v1/coverage?area=research").get_json()["chambers_reached"] == 1
    assert client.get("/api/v1/coverage?type=workshop&region=Africa").get_json()["chambers_reached"] == 1
    assert client.get(f"/api/v1/coverage?donor={data['ec']}").get_json()["activities"] == 1
    assert client.get("/api/v1/coverage?income_group=high").get_json()["chambers_total"] == 2


@pytest.mark.parametrize("query, field", [("from=abc", "from"), ("to=20155", "to"), ("from=2015&to=2010", "to"),
                                          ("area=nope", "area"), ("type=party", "type"), ("region=Mars", "region"),
                                          ("income_group=rich", "income_group"), ("donor=999", "donor"),
                                          ("donor=x", "donor")])
def test_bad_values_are_400_with_a_message(client, data, query, field):
    response = client.get(f"/api/v1/coverage?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] and field in body["fields"] and body["fields"][field]
