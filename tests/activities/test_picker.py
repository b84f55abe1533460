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
