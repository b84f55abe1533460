"""The IATI export: valid against the 2.03 schema and its codelists, public data only, the list's filters."""

import datetime as dt
import os
from pathlib import Path

import pycountry
import pytest
from lxml import etree

from tests import factories

# The shared folder beside the clone (CI keeps a copy there); SHARED_DIR names another place.
SHARED = Path(os.environ.get("SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
STANDARDS = SHARED / "standards" / "iati"


def _codes(name: str) -> set[str]:
    return set(etree.parse(str(STANDARDS / "codelists" / f"{name}.xml")).xpath("//codelist-item/code/text()"))


@pytest.fixture(scope="module")
def schema():
    if not STANDARDS.is_dir():
        message = f"the IATI schemas are not at {STANDARDS} (set SHARED_DIR)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return etree.XMLSchema(etree.parse(str(STANDARDS / "iati-activities-schema.xsd")))


def _world():
    kenya, france = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
    senate = factories.make_chamber("FR-UC", "upper")
    donor = factories.make_donor("UNDP")
    done = factories.make_activity(title="Nairobi workshop", ref="WS-1", start=dt.date(2011, 1, 3),
                                   end=dt.date(2011, 1, 5), chambers=[kenya, france], donors=[donor],
                                   participants=5, women=3)
    done.description, done.outcomes, done.venue = "SECRET-DESCRIPTION", "SECRET-OUTCOME", "SECRET-VENUE"
    factories.make_activity(title="Future webinar", start=dt.date.today() + dt.timedelta(days=30),
                            chambers=[senate], role="expert", activity_type="webinar")
    factories.make_activity(title="Gone", chambers=[france], deleted=True)
    factories.db.session.commit()
    return done


def test_export_validates_against_the_schema_and_codelists(client, schema):
    _world()
    response = client.get("/api/v1/iati/activities.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert 'rel="license"' in response.headers["Link"]
    doc = etree.fromstring(response.data)
    schema.assertValid(doc)
    assert doc.get("version") == "2.03" and len(doc.findall("iati-activity")) == 2
    assert set(doc.xpath("//activity-status/@code")) <= _codes("ActivityStatus")
    assert set(doc.xpath("//activity-date/@type")) <= _codes("ActivityDateType")
    assert set(doc.xpath("//participating-org/@role")) <= _codes("OrganisationRole")
    countries = doc.xpath("//recipient-country/@code")
    assert countries and all(pycountry.countries.get(alpha_2=c) for c in countries)
    assert "CC-BY-4.0" in response.get_data(as_text=True)


def test_activity_content_and_no_private_data(client, schema):
    _world()
    text = client.get("/api/v1/iati/activities.xml").get_data(as_text=True)
    assert "SECRET" not in text and "Gone" not in text
    doc = etree.fromstring(text.encode())
    nairobi = doc.xpath("iati-activity[iati-identifier='XI-IATI-GCICTP-WS-1']")[0]
    assert nairobi.xpath("reporting-org/@ref") == ["XI-IATI-GCICTP"]
    assert nairobi.xpath("participating-org[@role='1']/narrative/text()") == ["UNDP"]
    assert nairobi.xpath("participating-org[@role='4']/@ref") == ["XI-IATI-GCICTP"]
    assert nairobi.xpath("sector/@code") == ["15152"] and nairobi.xpath("sector/@vocabulary") == ["1"]
    assert nairobi.xpath("recipient-country/@code") == ["FR", "KE"]
    assert sum(float(p) for p in nairobi.xpath("recipient-country/@percentage")) == 100
    assert nairobi.xpath("activity-status/@code") == ["4"]
    assert nairobi.xpath("activity-date/@type") == ["2", "4"]
    targets = nairobi.xpath("description[@type='3']/narrative/text()")[0]
    assert "KE-LC" in targets and "FR-LC" in targets
    actuals = nairobi.xpath("result/indicator/period/actual[not(dimension[@name='chamber'])]")
    assert [a.get("value") for a in actuals] == ["10", "6"]  # the totals
    assert actuals[1].xpath("dimension/@name") == ["sex"] and actuals[1].xpath("dimension/@value") == ["female"]
    kenya = nairobi.xpath("result/indicator/period/actual[dimension[@name='chamber' and @value='KE-LC']]")
    assert [(a.get("value"), a.xpath("dimension[@name='sex']/@value")) for a in kenya] == [("5", []),
                                                                                          ("3", ["female"])]
    tags = {t.get("vocabulary-uri"): t.get("code") for t in nairobi.xpath("tag[@vocabulary='99']")}
    assert tags == {"urn:parliament-tracker:area-of-work": "awareness",
                    "urn:parliament-tracker:activity-type": "workshop"}
    future = doc.xpath("iati-activity[title/narrative='Future webinar']")[0]
    assert future.xpath("activity-status/@code") == ["1"] and future.xpath("activity-date/@type") == ["1", "3"]
    assert not future.xpath("recipient-country") and "FR-UC" in future.xpath("description[@type='4']/narrative")[0].text


def test_filters_of_the_activity_list_and_bad_values(client, schema):
    _world()
    doc = etree.fromstring(client.get("/api/v1/iati/activities.xml?chamber=KE-LC").data)
    assert doc.xpath("iati-activity/title/narrative/text()") == ["Nairobi workshop"]
    assert not etree.fromstring(client.get("/api/v1/iati/activities.xml?year=2011&area=research").data).xpath(
        "iati-activity")
    # q searches what the public sees only: a word of the staff's description finds nothing.
    assert not etree.fromstring(client.get("/api/v1/iati/activities.xml?q=SECRET").data).xpath("iati-activity")
    bad = client.get("/api/v1/iati/activities.xml?year=1700")
    assert bad.status_code == 400 and bad.get_json()["code"] == "bad_request"


def test_configured_publisher_and_licence(make_app, schema):
    app = make_app(IATI_ORG_REF="XM-DAC-99999", IATI_ORG_NAME="Centre X", DATA_LICENCE="ODbL-1.0",
                   DATA_LICENCE_URL="https://opendatacommons.org/licenses/odbl/1-0/")
    with app.app_context():
        factories.make_activity(ref="R-9", chambers=[factories.make_chamber("KE-LC")])
        response = app.test_client().get("/api/v1/iati/activities.xml")
    doc = etree.fromstring(response.data)
    schema.assertValid(doc)
    assert doc.xpath("//iati-identifier/text()") == ["XM-DAC-99999-R-9"]
    assert doc.xpath("//reporting-org/narrative/text()") == ["Centre X"]
    assert "opendatacommons" in response.headers["Link"] and "ODbL-1.0" in response.get_data(as_text=True)
