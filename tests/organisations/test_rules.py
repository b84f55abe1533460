"""Row-level rules between organisations: staff edit only their organisation's activities, read other
organisations' public ones, and never learn of another's private ones, even by a guessed id; public pages and the
API count public activities only; an activity recorded by staff of an organisation is that organisation's."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from parliament_tracker.activities.models import Activity
from parliament_tracker.activities.services import ActivityValues, create_activity
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from parliament_tracker.organisations.services import create_organisation
from tests import factories
from tests.conftest import read_csrf_token


@pytest.fixture
def world(app):
    ke = factories.make_chamber("KE-LC")
    fr = factories.make_chamber("FR-LC")
    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    quiet = create_organisation("Quiet Fund", org_type="donor_agency", activities_public=False)
    centre = factories.make_activity("Centre workshop", chambers=[ke])
    theirs = factories.make_activity("WFD workshop", chambers=[ke, fr], lead=wfd)
    hidden = factories.make_activity("Quiet mission", chambers=[fr], lead=quiet, participants=9)
    return {"wfd": wfd, "quiet": quiet, "centre": centre.id, "theirs": theirs.id, "hidden": hidden.id}


def _post(client, path, **data):
    return client.post(path, data={"csrf_token": read_csrf_token(client), **data})


def test_staff_of_another_organisation_read_the_centres_activity_but_cannot_change_it(client, login_as, world):
    login_as("staff", donor=world["wfd"])
    page = client.get(f"/activities/{world['centre']}")
    assert page.status_code == 200 and "read only: another organisation leads it" in page.get_data(as_text=True)
    assert f"/activities/{world['centre']}/edit" not in page.get_data(as_text=True)
    assert client.get(f"/activities/{world['centre']}/edit").status_code == 403
    assert _post(client, f"/activities/{world['centre']}/delete").status_code == 403
    assert _post(client, f"/activities/{world['centre']}/participations/new", chambers="FR-LC").status_code == 403
    db.session.expire_all()
    assert db.session.get(Activity, world["centre"]).deleted_at is None
    assert client.get(f"/activities/{world['theirs']}/edit").status_code == 200  # their own


def test_another_organisations_private_activity_is_a_404_by_guessed_id_and_not_listed(client, login_as, world):
    login_as("staff")  # the centre's
    for path in (f"/activities/{world['hidden']}", f"/activities/{world['hidden']}/edit",
                 f"/api/v1/activities/{world['hidden']}", f"/profiles/feedback/{world['hidden']}"):
        assert client.get(path).status_code == 404, path
    assert _post(client, f"/activities/{world['hidden']}/delete").status_code == 404
    listed = client.get("/activities/").get_data(as_text=True)
    assert "WFD workshop" in listed and "Quiet mission" not in listed
    titles = {a["title"] for a in client.get("/api/v1/activities").get_json()["activities"]}
    assert titles == {"Centre workshop", "WFD workshop"}


def test_its_own_staff_and_admins_see_the_private_activity(client, login_as, world):
    login_as("staff", donor=world["quiet"])
    assert client.get(f"/activities/{world['hidden']}/edit").status_code == 200
    assert "Quiet mission" in client.get("/activities/").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    login_as("admin")
    assert client.get(f"/activities/{world['hidden']}").status_code == 200


def test_public_numbers_count_public_activities_and_an_organisation_its_own(client, world):
    everyone = client.get("/api/v1/coverage").get_json()
    assert everyone["activities"] == 2 and everyone["chambers_reached"] == 2  # the quiet mission is not counted
    wfd = client.get(f"/api/v1/coverage?donor={world['wfd'].id}").get_json()
    assert wfd["activities"] == 1 and wfd["chambers_reached"] == 2
    assert client.get(f"/api/v1/coverage?donor={world['quiet'].id}").status_code == 400  # not offered publicly
    for path in ("/", "/api/v1/iati/activities.xml", "/data/activities.csv", "/data/participations.csv",
                 "/profiles/FR-LC", "/api/v1/profiles/FR-LC", "/coverage/matrix.csv"):
        response = client.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert "Quiet mission" not in body and "Quiet Fund" not in body, path


def test_an_activity_recorded_by_staff_of_an_organisation_is_led_by_it(app, world):
    staff = factories.make_user("staff", donor=world["wfd"])
    activity = create_activity(ActivityValues("WFD training", "awareness", "training", dt.date(2012, 3, 1)), by=staff)
    assert activity.lead_organisation_id == world["wfd"].id
    home = db.session.scalar(select(Organisation).where(Organisation.is_home.is_(True)))
    assert create_activity(ActivityValues("Centre study", "research", "research", dt.date(2012, 3, 1))
                           ).lead_organisation == home
