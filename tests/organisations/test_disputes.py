"""A parliament's dispute goes to the staff of the organisation that leads the disputed activity; a report of a
missing activity to the home organisation's; admins see every report."""

from __future__ import annotations

from parliament_tracker.organisations.services import create_organisation
from parliament_tracker.profiles.disputes import dispute_participation, report_missing
from tests import factories
from tests.conftest import read_csrf_token


def test_disputes_are_routed_to_the_lead_organisations_staff(client, login_as, app):
    ke = factories.make_chamber("KE-LC")
    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    ours = factories.make_activity("Centre workshop", chambers=[ke])
    theirs = factories.make_activity("WFD seminar", chambers=[ke], lead=wfd)
    kenya = factories.make_user("parliament", chambers=[ke])
    on_ours = dispute_participation(ours.participations[0], "We were not there.", by=kenya)
    on_theirs = dispute_participation(theirs.participations[0], "Only two of us came.", by=kenya)
    missing = report_missing(ke, "A study visit to Nairobi in 2012", "", by=kenya)

    def queue():
        return client.get("/profiles/queue").get_data(as_text=True)

    login_as("staff", donor=wfd)
    assert "Only two of us came." in queue() and "We were not there." not in queue()
    assert "A study visit to Nairobi" not in queue()
    assert client.get(f"/profiles/reports/{on_ours.id}").status_code == 404
    assert client.get(f"/profiles/reports/{on_theirs.id}").status_code == 200
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    login_as("staff")  # the centre's
    assert "We were not there." in queue() and "A study visit to Nairobi" in queue()
    assert "Only two of us came." not in queue()
    assert client.get(f"/profiles/reports/{on_theirs.id}").status_code == 404
    assert client.get(f"/profiles/reports/{missing.id}").status_code == 200
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    login_as("admin")
    assert all(text in queue() for text in ("We were not there.", "Only two of us came.", "A study visit"))
