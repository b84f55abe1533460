"""The data package of the public data: served, complete, public fields only, and valid for `frictionless`."""

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests import factories

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def _write_package(client, folder: Path) -> dict:
    """The descriptor and every CSV it names, downloaded from the app into folder as a publisher would."""
    descriptor = client.get("/data/datapackage.json").get_json()
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for resource in descriptor["resources"]:
        response = client.get(f"/data/{resource['path']}")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        (folder / resource["path"]).write_bytes(response.data)
    return descriptor


def _world():
    kenya, france = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
    factories.make_chamber("FR-UC", "upper")
    activity = factories.make_activity(title="=Workshop", ref="WS-1", start=dt.date(2011, 1, 3),
                                       chambers=[kenya, france], donors=[factories.make_donor("UNDP")],
                                       participants=5, women=3)
    activity.description = "SECRET-DESCRIPTION"
    factories.make_activity(title="Expert mission", chambers=[france], role="expert", start=dt.date(2012, 2, 1))
    factories.make_activity(title="Gone", chambers=[france], deleted=True)
    factories.db.session.commit()


def test_frictionless_validates_the_package(client, tmp_path):
    _world()
    descriptor = _write_package(client, tmp_path)
    assert [r["name"] for r in descriptor["resources"]] == [
        "chambers", "countries", "areas", "activities", "participations", "coverage"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    command = [str(FRICTIONLESS) if FRICTIONLESS.exists() else shutil.which("frictionless"), "validate",
               "--json", str(tmp_path / "datapackage.json")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    report = json.loads(run.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert run.returncode == 0 and len(report["tasks"]) == 6


def test_frictionless_catches_a_broken_foreign_key(client, tmp_path):
    """The check above can fail: a participation of an unknown chamber makes the package invalid."""
    _world()
    _write_package(client, tmp_path)
    with (tmp_path / "participations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("WS-1,ZZ-LC,beneficiary,1,0\r\n")
    command = [str(FRICTIONLESS) if FRICTIONLESS.exists() else shutil.which("frictionless"), "validate",
               "--json", str(tmp_path / "datapackage.json")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode != 0 and not json.loads(run.stdout)["valid"]


def test_tables_hold_the_public_data_only(client):
    _world()
    activities = client.get("/data/activities.csv").get_data(as_text=True)
    assert "'=Workshop" in activities and "UNDP" in activities and "Gone" not in activities
    assert "SECRET" not in activities
    participations = client.get("/data/participations.csv").get_data(as_text=True).splitlines()
    assert participations[0] == "activity,chamber,role,participants,women"
    assert "WS-1,KE-LC,beneficiary,5,3" in participations and len(participations) == 4
    coverage = client.get("/data/coverage.csv").get_data(as_text=True).splitlines()
    assert "KE-LC,awareness,2011,1,0,0,5,3" in coverage and "FR-LC,awareness,2012,0,0,1,," in coverage
    hxl = client.get("/data/coverage.csv?hxl=1").get_data(as_text=True).splitlines()[1].split(",")
    assert hxl[:3] == ["#org+code", "#sector+code", "#date+year"]
    assert all(tag.startswith("#indicator+num") for tag in hxl[3:])


def test_the_package_follows_the_public_dashboards_setting(client, app):
    from parliament_tracker.settings import put_setting

    put_setting("public_dashboards", "0")
    assert client.get("/data/datapackage.json").status_code in (302, 401)
    assert client.get("/data/activities.csv").status_code in (302, 401)



def test_a_token_reads_the_package_when_the_dashboards_are_closed(make_app):
    """/data/ is in the API document with its bearer scheme: a valid token reads it, an unusable one is a 401."""
    from parliament_tracker.auth.tokens import create_token
    from parliament_tracker.settings import put_setting

    bare_app = make_app()
    with bare_app.app_context():  # only to seed: each request below has its own context, as in production
        _world()
        put_setting("public_dashboards", "0")
        _token, secret = create_token(factories.make_user("parliament"), "package")
        factories.db.session.commit()
    client = bare_app.test_client()
    assert client.get("/data/datapackage.json").status_code == 401
    refused = client.get("/data/datapackage.json", headers={"Authorization": "Bearer nonsense"})
    assert refused.status_code == 401 and refused.get_json()["code"] == "unauthorized"
    answer = client.get("/data/activities.csv", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 200 and "WS-1" in answer.get_data(as_text=True)
    assert answer.headers.get("Set-Cookie") is None
