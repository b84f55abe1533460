"""The activities read API: same filters as the list, paginated, participations with chamber codes."""

import datetime as dt

from tests import factories


def test_list_filters_paginates_and_lists_participations(client, login_as):
    kenya, france = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
    donor = factories.make_donor("UNDP")
    factories.make_activity(title="Nairobi workshop", start=dt.date(2011, 1, 1), chambers=[kenya], donors=[donor],
                            participants=5, women=3)
    factories.make_activity(title="Paris meeting", start=dt.date(2012, 1, 1), chambers=[france, kenya])
    factories.make_activity(title="Gone", chambers=[france], deleted=True)
    login_as("staff")
    data = client.get("/api/v1/activities").get_json()
    assert data["total"] == 2 and [a["title"] for a in data["activities"]] == ["Paris meeting", "Nairobi workshop"]
    nairobi = data["activities"][1]
    assert nairobi["donors"] == ["UNDP"] and nairobi["participations"][0]["chamber"] == "KE-LC"
    assert (nairobi["participations"][0]["participants"], nairobi["participations"][0]["women"]) == (5, 3)
    assert [a["title"] for a in client.get("/api/v1/activities?chamber=FR-LC").get_json()["activities"]] == [
        "Paris meeting"]
    assert client.get("/api/v1/activities?region=Africa&year=2011").get_json()["total"] == 1
    paged = client.get("/api/v1/activities?per_page=1&page=2").get_json()
    assert paged["pages"] == 2 and paged["activities"][0]["title"] == "Nairobi workshop"
    bad = client.get("/api/v1/activities?per_page=5000")
    assert bad.status_code == 400 and bad.get_json()["status"] == 400


def test_detail_and_access(client, login_as):
    activity = factories.make_activity(chambers=[factories.make_chamber("KE-LC")])
    assert client.get(f"/api/v1/activities/{activity.id}").status_code == 401
    login_as("parliament")
    response = client.get(f"/api/v1/activities/{activity.id}")
    assert response.status_code == 403 and response.is_json


def test_detail_for_staff(client, login_as):
    activity = factories.make_activity(chambers=[factories.make_chamber("KE-LC")], ref="R-1")
    login_as("admin")
    data = client.get(f"/api/v1/activities/{activity.id}").get_json()
    assert data["ref"] == "R-1" and data["participations"][0]["chamber"] == "KE-LC" and data["version"] == 1
    assert client.get("/api/v1/activities/999").get_json()["status"] == 404
