"""The registry in open formats: Popolo JSON, a Frictionless Data Package, HXL hashtags."""

import csv
import datetime as dt
import io

from tests import factories


def test_chambers_api_returns_popolo_organizations_with_classifications(client):
    factories.make_chamber("KE-LC", "lower", official_names="Bunge la Kenya")
    factories.make_chamber("FR-UC", "upper", status="dissolved", established=dt.date(1958, 1, 1),
                           ended=dt.date(2020, 6, 30))
    data = client.get("/api/v1/chambers").get_json()
    assert data["count"] == 2
    france = next(o for o in data["organizations"] if o["id"] == "FR-UC")
    assert france["classification"] == "upper" and france["area"] == {"id": "FRA", "name": "France"}
    assert (france["founding_date"], france["dissolution_date"]) == ("1958-01-01", "2020-06-30")
    assert france["classifications"]["income_group"] == "high"
    kenya = client.get("/api/v1/chambers/ke-lc").get_json()
    assert kenya["other_names"] == [{"name": "Bunge la Kenya", "note": "official"}]
    assert {"scheme": "ISO 3166-1 alpha-3", "identifier": "KEN"} in kenya["identifiers"]


def test_chambers_api_filters_and_refuses_bad_values_with_400(client):
    factories.make_chamber("KE-LC", "lower")
    factories.make_chamber("FR-LC", "lower")
    assert [o["id"] for o in client.get("/api/v1/chambers?region=Africa").get_json()["organizations"]] == ["KE-LC"]
    for query in ("region=Mars", "income_group=rich", "chamber_type=x", "status=asleep", "q=" + "a" * 101):
        response = client.get(f"/api/v1/chambers?{query}")
        assert response.status_code == 400 and "error" in response.get_json(), query
    assert client.get("/api/v1/chambers/ZZ-LC").status_code == 404


def test_datapackage_describes_the_csv_columns(client):
    factories.make_chamber("KE-LC", "lower")
    package = client.get("/chambers/datapackage.json").get_json()
    resource = package["resources"][0]
    header = next(csv.reader(io.StringIO(client.get("/chambers/export.csv").get_data(as_text=True))))
    assert [f["name"] for f in resource["schema"]["fields"]] == header
    assert resource["schema"]["primaryKey"] == ["code"] and resource["path"].endswith("/chambers/export.csv")


def test_csv_with_hxl_has_a_hashtag_row_under_the_header(client):
    factories.make_chamber("KE-LC", "lower")
    rows = list(csv.reader(io.StringIO(client.get("/chambers/export.csv?hxl=1").get_data(as_text=True))))
    assert rows[1][0] == "#org+code" and len(rows[1]) == len(rows[0]) and rows[2][0] == "KE-LC"
