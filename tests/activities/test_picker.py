"""The chamber picker's JSON search: by country, chamber name in any language, code and ISO code."""

import pytest


@pytest.mark.parametrize("q, first_codes", [
    ("FR-LC", ["FR-LC"]),
    ("fra", ["FR-LC", "FR-UC"]),
    ("france", ["FR-LC", "FR-UC"]),
    ("assemblee nationale", ["FR-LC"]),
    ("Sénat", ["FR-UC"]),
    ("kenya", ["KE-LC"]),
])
def test_search_finds_chambers(client, staff, chambers, q, first_codes):
    results = client.get("/activities/chambers/search", query_string={"q": q}).get_json()["results"]
    codes = [item["code"] for item in results if item["code"]]
    assert codes[:len(first_codes)] == first_codes


def test_a_bicameral_parliament_can_be_added_whole(client, staff, chambers):
    results = client.get("/activities/chambers/search?q=france").get_json()["results"]
    both = [item for item in results if item["type"] == "parliament"]
    assert both and both[0]["codes"] == ["FR-LC", "FR-UC"] and "both chambers" in both[0]["label"]
    mali = client.get("/activities/chambers/search?q=mali").get_json()["results"]
    assert [item["type"] for item in mali] == ["unicameral"]


def test_empty_query_finds_nothing_and_the_form_works_without_javascript(client, staff, chambers):
    assert client.get("/activities/chambers/search?q=").get_json() == {"results": []}
    page = client.get("/activities/new").get_data(as_text=True)
    assert 'id="chambers" multiple name="chambers"' in page and 'value="FR-UC"' in page
    assert 'data-search-url="/activities/chambers/search"' in page and "js/activities.js" in page
    assert client.get("/static/js/activities.js").status_code == 200


def test_search_is_for_staff_only(client, login_as, chambers):
    assert client.get("/activities/chambers/search?q=fr", headers={"Accept": "application/json"}).status_code == 401
    login_as("donor")
    response = client.get("/activities/chambers/search?q=fr", headers={"Accept": "application/json"})
    assert response.status_code == 403 and response.get_json()["status"] == 403


@pytest.mark.parametrize("q, first", [
    ("Kenya National Assembly", "KE-LC"),
    ("National Assembly Kenya", "KE-LC"),
    ("Assemblée nationale", "FR-LC"),
    ("france", "FR-LC"),
    ("France Sénat", "FR-UC"),
    ("FR-UC", "FR-UC"),
])
def test_an_exact_chamber_comes_first_and_both_chambers_is_never_the_default(client, staff, chambers, q, first):
    """Enter on the first entry adds that one chamber: 'both chambers' follows its country's chambers."""
    results = client.get("/activities/chambers/search", query_string={"q": q}).get_json()["results"]
    assert results[0]["code"] == first and results[0]["codes"] == [first]
    both = [i for i, item in enumerate(results) if item["type"] == "parliament"]
    assert all(i > 0 for i in both)


@pytest.mark.slow
def test_exact_names_come_first_on_the_real_registry(client, staff, runner):
    assert runner.invoke(args=["registry", "load"]).exit_code == 0
    for q, first in (("Kenya National Assembly", "KE-LC"), ("Bundestag", "DE-LC"), ("Senado Federal", "BR-UC"),
                     ("Sejm", "PL-LC")):
        results = client.get("/activities/chambers/search", query_string={"q": q}).get_json()["results"]
        assert results[0]["codes"] == [first], (q, results[:3])
