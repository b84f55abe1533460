"""What the pages show, read through the API by stable codes: parliaments and their chambers, countries and
vocabularies, the matrix and gaps a page at a time, a profile's time series, and capacity medians withheld below
five chambers."""

import datetime as dt

from tests import factories
from tests.profiles import factories as profile_factories


def test_the_two_chambers_of_a_parliament_share_their_parent(client):
    factories.make_chamber("FR-LC"), factories.make_chamber("FR-UC", "upper")
    factories.make_chamber("KE-LC", "unicameral")
    body = client.get("/api/v1/chambers").get_json()
    by_code = {o["id"]: o for o in body["organizations"]}
    assert by_code["FR-UC"]["parent_id"] == by_code["FR-LC"]["parent_id"] == "FR"
    assert by_code["FR-LC"]["parent"] == {"id": "FR", "classification": "parliament", "name": "Parliament of France",
                                          "chambers": ["FR-LC", "FR-UC"]}
    assert by_code["KE-LC"]["parent_id"] is None and by_code["KE-LC"]["parent"] is None
    assert client.get("/api/v1/chambers/fr-uc").get_json()["parent"]["chambers"] == ["FR-LC", "FR-UC"]
    only_upper = client.get("/api/v1/chambers?chamber_type=upper").get_json()["organizations"]
    assert [o["id"] for o in only_upper] == ["FR-UC"] and only_upper[0]["parent"]["chambers"] == ["FR-LC", "FR-UC"]


def test_countries_and_classifications(client):
    factories.make_chamber("KE-LC", "unicameral")
    countries = client.get("/api/v1/countries").get_json()
    assert countries["count"] == 1 and countries["countries"][0]["chambers"] == ["KE-LC"]
    kenya = client.get("/api/v1/countries/ken").get_json()
    assert (kenya["iso2"], kenya["m49_region"]) == ("KE", "Africa")
    assert client.get("/api/v1/countries/KE").get_json()["iso3"] == "KEN"
    assert client.get("/api/v1/countries/ZZZZ").get_json()["status"] == 404
    vocab = client.get("/api/v1/classifications").get_json()
    assert {"research", "advocacy", "awareness", "information"} <= {a["code"] for a in vocab["areas"]}
    assert "workshop" in {t["code"] for t in vocab["activity_types"]} and vocab["regions"] == ["Africa"]
    assert [a["code"] for a in client.get("/api/v1/areas").get_json()] == [a["code"] for a in vocab["areas"]]


def test_matrix_and_gaps_are_paged_with_links(client):
    chambers = [factories.make_chamber(f"{iso}-LC") for iso in ("FR", "KE", "SE")]
    factories.make_activity(chambers=chambers[:1], start=dt.date(2012, 1, 1))
    matrix = client.get("/api/v1/coverage/matrix?per_page=2&from=2010").get_json()
    assert (matrix["total"], matrix["pages"], len(matrix["rows"])) == (3, 2, 2)
    assert matrix["links"]["prev"] is None and "page=2" in matrix["links"]["next"] and "from=2010" in matrix["links"]["next"]
    second = client.get(matrix["links"]["next"]).get_json()
    assert second["links"]["next"] is None and len(second["rows"]) == 1
    france = next(r for r in matrix["rows"] + second["rows"] if r["code"] == "FR-LC")
    assert france["areas"]["awareness"] == 1 and france["breadth"] == 1
    gaps = client.get("/api/v1/coverage/gaps").get_json()
    assert gaps["chambers_total"] == 3 and sorted(r["code"] for r in gaps["rows"]) == ["KE-LC", "SE-LC"]
    assert all(r["last_reached"] is None for r in gaps["rows"])
    assert client.get("/api/v1/coverage/gaps?area=nowhere").get_json()["fields"] == {
        "area": ["Not a valid choice."]}


def test_a_profile_has_its_time_series(client):
    chamber = factories.make_chamber("KE-LC")
    factories.make_activity(chambers=[chamber], start=dt.date(2011, 5, 1))
    factories.make_activity(chambers=[chamber], start=dt.date(2011, 6, 1))
    factories.make_activity(chambers=[chamber], area_code="research", activity_type="research",
                            start=dt.date(2013, 1, 1))
    body = client.get("/api/v1/profiles/KE-LC").get_json()
    assert [(p["year"], p["activities"]) for p in body["timeline"]] == [(2011, 2), (2013, 1)]
    assert "private" not in body


def test_capacity_medians_are_withheld_below_five_chambers(client):
    for i, code in enumerate(("FR-1", "FR-2", "FR-3", "SE-1", "SE-2", "KE-1")):
        profile_factories.make_assessment(factories.make_chamber(code), 2024, status="submitted", score=i % 4)
    body = client.get("/api/v1/capacity").get_json()
    assert body["minimum_chambers"] == 5
    europe = [r for r in body["by_region"] if r["group"] == "Europe"]
    africa = [r for r in body["by_region"] if r["group"] == "Africa"]
    assert europe and all(r["median"] is not None and r["chambers"] == 5 for r in europe)
    assert africa and all(r["median"] is None for r in africa)  # one chamber: never its own score


def test_activity_times_carry_their_offset(client, login_as):
    activity = factories.make_activity(chambers=[factories.make_chamber("KE-LC")])
    login_as("staff")
    assert client.get(f"/api/v1/activities/{activity.id}").get_json()["updated_at"].endswith("+00:00")


def test_every_api_route_refuses_a_bad_token_and_states_the_licence(client):
    for path in ("/api/v1/iati/activities.xml", "/api/v1/areas", "/api/v1/coverage"):
        refused = client.get(path, headers={"Authorization": "Bearer not-a-token"})
        assert refused.status_code == 401 and refused.get_json()["code"] == "unauthorized", path
        assert 'rel="license"' in client.get(path).headers["Link"], path


def test_participations_of_one_chamber_with_their_activities(client, login_as):
    kenya, france = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
    factories.make_activity(title="Old", chambers=[kenya, france], start=dt.date(2010, 1, 1))
    factories.make_activity(title="New", chambers=[kenya], start=dt.date(2012, 1, 1))
    factories.make_activity(title="Binned", chambers=[kenya], deleted=True)
    login_as("staff")
    body = client.get("/api/v1/participations?chamber=KE-LC&per_page=1").get_json()
    assert (body["total"], body["pages"]) == (2, 2) and body["participations"][0]["activity"]["title"] == "New"
    assert body["participations"][0]["chamber"] == "KE-LC" and "page=2" in body["links"]["next"]
    assert client.get("/api/v1/participations?year=2010").get_json()["total"] == 2
    assert client.get("/api/v1/participations?status=confirmed").get_json()["total"] == 0
