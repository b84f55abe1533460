"""Importing IATI activities files: the tracker's own export reads back as the same activities (round trip); another
publisher's file goes through the same reconciliation (its sector and aid type are words to map, a bicameral
country is a choice, never a guess); hostile or foreign XML is refused with a message and writes nothing."""

import datetime as dt
import json

import pytest
from sqlalchemy import delete, func, select

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import activity_partners
from parliament_tracker.organisations.services import create_organisation
from tests import factories

UNDP_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">
 <iati-activity last-updated-datetime="2026-01-01T00:00:00Z" xml:lang="en">
  <iati-identifier>XM-DAC-41114-PROJ-001</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
  <title><narrative xml:lang="fr">Appui au Parlement du Mali</narrative><narrative>Support to the Parliament of Mali</narrative></title>
  <participating-org role="1" ref="XI-IATI-EC_DEVCO"><narrative>European Commission</narrative></participating-org>
  <participating-org role="4" ref="XM-DAC-41114"><narrative>UNDP</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date iso-date="2014-01-01" type="1"/><activity-date iso-date="2014-02-03" type="2"/>
  <activity-date iso-date="2016-12-31" type="3"/>
  <recipient-country code="ML" percentage="100"/>
  <sector vocabulary="1" code="15152"/>
  <default-aid-type code="C01"/>
 </iati-activity>
 <iati-activity last-updated-datetime="2026-01-01T00:00:00Z">
  <iati-identifier>XM-DAC-41114-PROJ-002</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
  <title><narrative>Parliamentary development in France</narrative></title>
  <activity-date iso-date="2015-05-01" type="2"/>
  <recipient-country code="FR" percentage="100"/>
  <sector vocabulary="1" code="15152"/>
  <default-aid-type code="C01"/>
 </iati-activity>
</iati-activities>
"""


def _snapshot() -> dict:
    """Every live activity as the public file can carry it: ref, title, area, type, dates, donors, and each
    beneficiary chamber with its participants and women."""
    found = {}
    for a in db.session.scalars(select(Activity).where(Activity.deleted_at.is_(None))):
        found[a.ref] = (a.title, a.area.code, a.activity_type, a.start_date, a.end_date,
                        sorted(d.name for d in a.donors),
                        sorted((p.chamber.code, p.participants, p.women) for p in a.participations
                               if p.role == "beneficiary"))
    return found


def _import(runner, path, *args):
    result = runner.invoke(args=["activities", "import", str(path), "--format", "json", *args])
    return result, json.loads(result.output) if result.output.startswith("{") else None


def test_the_export_reads_back_as_the_same_activities(client, runner, chambers, tmp_path):
    undp = factories.make_donor("UNDP")
    factories.make_activity(title="Nairobi workshop", ref="WS-1", start=dt.date(2011, 1, 3),
                            end=dt.date(2011, 1, 5), chambers=[chambers["KE-LC"], chambers["FR-LC"]], donors=[undp],
                            participants=5, women=3)
    factories.make_activity(title="Senate study visit", ref="SV-9", activity_type="study_visit",
                            start=dt.date(2019, 6, 1), end=dt.date(2019, 6, 2), chambers=[chambers["FR-UC"]])
    db.session.commit()
    before = _snapshot()
    path = tmp_path / "export.xml"
    path.write_bytes(client.get("/api/v1/iati/activities.xml").data)
    db.session.execute(delete(Participation))
    db.session.execute(delete(activity_partners))
    db.session.execute(delete(Activity))
    db.session.commit()

    result, data = _import(runner, path)
    assert result.exit_code == 0, result.output
    assert data["summary"]["activities_created"] == 2 and data["summary"]["participations_created"] == 3
    assert _snapshot() == before
    again, data = _import(runner, path)
    assert again.exit_code == 0 and {r["status"] for r in data["rows"]} == {"unchanged"}


def test_another_publishers_file_asks_for_what_it_cannot_know(runner, chambers, tmp_path):
    factories.make_donor("European Commission")
    undp = create_organisation("United Nations Development Programme", org_type="un_agency", short_name="UNDP",
                               iati_id="XM-DAC-41114")
    db.session.commit()
    path = tmp_path / "undp.xml"
    path.write_text(UNDP_FILE, encoding="utf-8")
    result, data = _import(runner, path, "--dry-run")
    assert result.exit_code == 1
    rows = {r["row"]: r for r in data["rows"]}
    assert rows[2]["chamber"] == "ML-LC"  # Mali has one chamber: the recipient country names it
    assert rows[3]["status"] == "error" and rows[3]["chamber"] is None  # France has two: a choice
    choices = {(c["column"], c["value"]) for c in data["choices"]}
    assert choices == {("area", "IATI sector 15152"), ("type", "IATI aid type C01"), ("chamber", "Parliament")}

    maps = ["--map", "area:IATI sector 15152=awareness", "--map", "type:IATI aid type C01=mission",
            "--map", "chamber:Parliament|FR=FR-LC", "--no-remember", "--organisation", "UNDP"]
    done, data = _import(runner, path, *maps)
    assert done.exit_code == 0, done.output
    mali = db.session.scalar(select(Activity).where(Activity.ref == "XM-DAC-41114-PROJ-001"))
    assert mali.title == "Support to the Parliament of Mali"  # the English narrative, not the first
    assert (mali.start_date, mali.end_date) == (dt.date(2014, 2, 3), dt.date(2016, 12, 31))  # actual before planned
    assert [d.name for d in mali.donors] == ["European Commission"] and mali.area.code == "awareness"
    assert mali.lead_organisation_id == undp.id  # imported as the publisher's own activities
    france = db.session.scalar(select(Activity).where(Activity.ref == "XM-DAC-41114-PROJ-002"))
    assert [p.chamber.code for p in france.participations] == ["FR-LC"] and france.lead_organisation_id == undp.id
    unknown, _data = _import(runner, path, *maps[:-1], "Nobody")
    assert unknown.exit_code == 2 and "No organisation named 'Nobody'" in unknown.output


@pytest.mark.parametrize("content, message", [
    ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
     "<iati-activities>&lol2;</iati-activities>", "cannot be read as XML"),
    ("<iati-activities><iati-activity><title>", "cannot be read as XML"),
    ("<html><body>Not IATI</body></html>", "not an IATI activities file"),
])
def test_hostile_or_foreign_xml_is_refused_and_writes_nothing(client, staff, chambers, content, message):
    from tests.activities.test_import import upload

    response = upload(client, content, "programme.xml")
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0


def test_an_iati_file_is_previewed_on_the_page_with_its_choices(client, staff, chambers):
    from tests.activities.test_import import upload

    factories.make_donor("European Commission")
    db.session.commit()
    response = upload(client, UNDP_FILE, "undp-programme.xml")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Import preview" in page
    assert "“IATI sector 15152” means" in page and "“IATI aid type C01” means" in page
    assert "“Parliament” means" in page and "FR-LC" in page  # France's two chambers offered
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0
