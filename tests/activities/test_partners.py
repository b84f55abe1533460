"""The activity form's organisations: the lead (an admin's choice, else the recorder's organisation), partners by
role (one role per organisation, never the lead), saved with their audit record and the coverage facts; and who
edits: the lead's staff, and the staff of its implementing and co-organising partners when it lets them (funders
never)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.activities.rules import ActivityError
from parliament_tracker.activities.services import ActivityValues, create_activity
from parliament_tracker.audit import AuditRecord
from parliament_tracker.dashboards.facts import differences
from parliament_tracker.dashboards.models import ANY_TYPE, CoverageActivityCount
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import ActivityPartner
from parliament_tracker.organisations.services import create_organisation, home_organisation
from tests import factories
from tests.activities.conftest import activity_data
from tests.conftest import read_csrf_token


@pytest.fixture
def orgs(app, chambers):
    return {"wfd": create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD"),
            "undp": create_organisation("UN Development Programme", org_type="un_agency", short_name="UNDP"),
            "fund": create_organisation("Open Parliament Fund", org_type="donor_agency"),
            "other": create_organisation("Other Institute", org_type="academic"),
            "quiet": create_organisation("Quiet Fund", org_type="donor_agency", activities_public=False)}


def _post(client, path, data):
    return client.post(path, data={**data, "csrf_token": read_csrf_token(client, "/activities/")})


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _partners(activity_id) -> dict[str, str]:
    rows = db.session.execute(select(ActivityPartner).where(ActivityPartner.activity_id == activity_id)).scalars()
    return {link.organisation.short_name or link.organisation.name: link.role for link in rows}


def _slice_count(organisation_id) -> int:
    """The activities the stored counts give the organisation's own slice (every type)."""
    return db.session.scalar(select(func.coalesce(func.sum(CoverageActivityCount.activities), 0)).where(
        CoverageActivityCount.donor_id == organisation_id, CoverageActivityCount.activity_type == ANY_TYPE))


def _partnered(orgs, chambers, **kwargs):
    """A centre activity in KE-LC: WFD implements it, UNDP co-organises it, the fund funds it."""
    return factories.make_activity("Centre budget workshop", chambers=[chambers["KE-LC"]],
                                   partners=[(orgs["wfd"], "implementing"), (orgs["undp"], "co_organising"),
                                             (orgs["fund"], "funding")], **kwargs)


def test_staff_record_partners_by_role_with_the_activity_its_audit_and_the_facts(client, staff, orgs, chambers):
    wfd, undp, fund = orgs["wfd"], orgs["undp"], orgs["fund"]
    form = client.get("/activities/new").get_data(as_text=True)
    assert 'name="lead"' not in form and "Global Centre for ICT in Parliament" in form  # the lead, read-only
    assert 'name="implementing"' in form and 'name="co_organising"' in form and 'name="partners_may_edit"' in form
    response = _post(client, "/activities/new", activity_data(
        chambers=["KE-LC"], implementing=[str(wfd.id)], co_organising=[str(undp.id)], donors=[str(fund.id)],
        partners_may_edit="y"))
    assert response.status_code == 302
    activity = db.session.scalar(select(Activity))
    assert activity.lead_organisation == home_organisation() and activity.partners_may_edit and activity.version == 1
    assert _partners(activity.id) == {"WFD": "implementing", "UNDP": "co_organising",
                                      "Open Parliament Fund": "funding"}
    record = db.session.scalar(select(AuditRecord).where(AuditRecord.entity_type == "activities"))
    assert record.after["implementing"] == [wfd.name] and record.after["co_organising"] == [undp.name]
    assert record.after["donors"] == [fund.name] and record.after["partners_may_edit"] is True
    # every partner's own slice counts the public activity, as a recount would
    assert differences() == (set(), set())
    assert _slice_count(wfd.id) == _slice_count(undp.id) == _slice_count(fund.id) == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r"Implementing partners</dt><dd[^>]*>Westminster Foundation for Democracy<", page)
    assert re.search(r"Co-organising partners</dt><dd[^>]*>UN Development Programme<", page)
    assert "yes: the staff of its implementing and co-organising partners edit it" in page


def test_changing_partners_moves_the_activity_between_slices_and_is_a_new_version(client, staff, orgs, chambers):
    activity = _partnered(orgs, chambers)
    assert _slice_count(orgs["wfd"].id) == 1 and _slice_count(orgs["other"].id) == 0
    # WFD becomes a funder, the other institute implements, UNDP leaves: nothing else changes
    response = _post(client, f"/activities/{activity.id}/edit", activity_data(
        title=activity.title, start_date="2010-05-03", end_date="2010-05-03", venue="", version="1",
        implementing=[str(orgs["other"].id)], donors=[str(orgs["wfd"].id), str(orgs["fund"].id)]))
    assert response.status_code == 302
    db.session.expire_all()
    assert _partners(activity.id) == {"WFD": "funding", "Other Institute": "implementing",
                                      "Open Parliament Fund": "funding"}
    assert activity.version == 2  # a change of partners alone moves the optimistic lock
    assert differences() == (set(), set())
    assert _slice_count(orgs["undp"].id) == 0 and _slice_count(orgs["other"].id) == 1
    record = db.session.scalar(select(AuditRecord).where(AuditRecord.action == "update"))
    assert record.before["implementing"] == [orgs["wfd"].name] and record.after["implementing"] == ["Other Institute"]
    assert record.before["co_organising"] == [orgs["undp"].name] and record.after["co_organising"] == []


def _refusal(orgs, key):
    wfd, undp, home = str(orgs["wfd"].id), str(orgs["undp"].id), str(home_organisation().id)
    return {
        "implementing and funding": ({"implementing": [wfd], "donors": [wfd]}, "donors", "chosen in two roles"),
        "implementing and co-organising": ({"implementing": [wfd, undp], "co_organising": [undp]}, "co_organising",
                                           "chosen in two roles"),
        "the lead as partner": ({"co_organising": [home]}, "co_organising", "leads this activity"),
        "an unknown id": ({"implementing": ["999999"]}, "implementing", "Unknown organisation"),
        "not an id": ({"donors": ["abc"]}, "donors", "Unknown organisation"),
        "an id beyond any integer": ({"implementing": ["99999999999999999999"]}, "implementing",
                                     "Unknown organisation"),
    }[key]


@pytest.mark.parametrize("key", ["implementing and funding", "implementing and co-organising", "the lead as partner",
                                 "an unknown id", "not an id", "an id beyond any integer"])
def test_each_partner_refusal_is_a_400_next_to_its_field_and_writes_nothing(client, staff, orgs, chambers, key):
    changes, field, message = _refusal(orgs, key)
    audits = _count(AuditRecord)
    response = _post(client, "/activities/new", activity_data(chambers=["KE-LC"], **changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page and message in page
    assert _count(Activity) == 0 and _count(ActivityPartner) == 0 and _count(AuditRecord) == audits
    # the same refusal on an edit keeps the saved partners as they were
    activity = _partnered(orgs, chambers)
    response = _post(client, f"/activities/{activity.id}/edit", activity_data(version="1", **changes))
    assert response.status_code == 400 and f'id="{field}-error"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert activity.version == 1 and len(_partners(activity.id)) == 3


def test_an_admin_chooses_the_lead_of_a_new_activity_and_changes_that_of_an_existing_one(client, login_as, orgs,
                                                                                          chambers):
    login_as("admin")
    form = client.get("/activities/new").get_data(as_text=True)
    assert re.search(r'<select[^>]*name="lead"', form)
    assert _post(client, "/activities/new", activity_data(lead=str(orgs["wfd"].id))).status_code == 302
    created = db.session.scalar(select(Activity))
    assert created.lead_organisation == orgs["wfd"]
    activity = _partnered(orgs, chambers)
    # UNDP cannot lead while it co-organises: refused next to the field that still names it
    response = _post(client, f"/activities/{activity.id}/edit", activity_data(
        version="1", lead=str(orgs["undp"].id), implementing=[str(orgs["wfd"].id)],
        co_organising=[str(orgs["undp"].id)]))
    assert response.status_code == 400 and 'id="co_organising-error"' in response.get_data(as_text=True)
    response = _post(client, f"/activities/{activity.id}/edit", activity_data(
        version="1", lead=str(orgs["undp"].id), implementing=[str(orgs["wfd"].id)]))
    assert response.status_code == 302
    db.session.expire_all()
    assert activity.lead_organisation == orgs["undp"] and _partners(activity.id) == {"WFD": "implementing"}
    record = db.session.scalar(select(AuditRecord).where(AuditRecord.action == "update"))
    assert record.before["lead_organisation"] == home_organisation().name
    assert record.after["lead_organisation"] == orgs["undp"].name
    assert differences() == (set(), set())
    assert _post(client, f"/activities/{activity.id}/edit", activity_data(version="2", lead="999999")
                 ).status_code == 400


def test_staff_cannot_name_another_lead_even_by_a_forged_field(client, staff, orgs, chambers):
    assert _post(client, "/activities/new", activity_data(lead=str(orgs["wfd"].id))).status_code == 302
    assert db.session.scalar(select(Activity)).lead_organisation == home_organisation()
    activity = factories.make_activity()
    form = client.get(f"/activities/{activity.id}/edit").get_data(as_text=True)
    assert 'name="lead"' not in form
    assert _post(client, f"/activities/{activity.id}/edit", activity_data(version="1", lead=str(orgs["wfd"].id))
                 ).status_code == 302
    db.session.expire_all()
    assert activity.lead_organisation == home_organisation()


def test_the_service_refuses_another_lead_from_staff(app, orgs):
    staff = factories.make_user("staff")
    values = ActivityValues("Forged", "awareness", "workshop", dt.date(2012, 1, 1), lead_id=orgs["wfd"].id)
    with pytest.raises(ActivityError, match="Only an administrator"):
        create_activity(values, by=staff)
    assert _count(Activity) == 0


def _as(login_as, organisation):
    return login_as("staff", donor=organisation)


@pytest.mark.parametrize("partner", ["wfd", "undp"])
def test_a_working_partners_staff_edit_only_when_the_lead_lets_them(client, login_as, orgs, chambers, partner):
    activity = _partnered(orgs, chambers)
    participation = activity.participations[0]
    _as(login_as, orgs[partner])
    edit, add = f"/activities/{activity.id}/edit", f"/activities/{activity.id}/participations/new"
    assert client.get(edit).status_code == 403
    assert _post(client, add, {"chambers": "FR-LC", "role": "beneficiary"}).status_code == 403
    assert "read only: another organisation leads it" in client.get(f"/activities/{activity.id}").get_data(
        as_text=True)
    activity.partners_may_edit = True
    db.session.commit()
    page = client.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert f'href="{edit}"' in page and "you edit it as a partner" in page and "Move to the bin" not in page
    form = client.get(edit).get_data(as_text=True)
    assert 'name="implementing"' not in form and "The lead organisation chooses the partners." in form
    # they change its details; the partners, the lead and the flag stay the lead's, whatever the post says
    response = _post(client, edit, activity_data(title="Renamed by the partner", version=str(activity.version),
                                                 lead=str(orgs[partner].id), implementing=[str(orgs["other"].id)],
                                                 donors=[]))
    assert response.status_code == 302
    db.session.expire_all()
    assert activity.title == "Renamed by the partner" and activity.partners_may_edit
    assert activity.lead_organisation == home_organisation() and len(_partners(activity.id)) == 3
    assert _post(client, add, {"chambers": "FR-LC", "role": "beneficiary"}).status_code == 302
    assert _post(client, f"/activities/{activity.id}/participations/{participation.id}/edit",
                 {"role": "beneficiary", "participants": "7", "women": "3", "version": "1"}).status_code == 302
    assert _post(client, f"/activities/{activity.id}/delete", {}).status_code == 403  # the bin is the lead's
    db.session.expire_all()
    assert activity.deleted_at is None and _count(Participation) == 2
    assert differences() == (set(), set())


@pytest.mark.parametrize("who", ["fund", "other"])
def test_a_funders_staff_and_anyone_elses_never_edit(client, login_as, orgs, chambers, who):
    activity = _partnered(orgs, chambers, partners_may_edit=True)
    _as(login_as, orgs[who])
    assert client.get(f"/activities/{activity.id}").status_code == 200  # public: read-only
    assert client.get(f"/activities/{activity.id}/edit").status_code == 403
    assert _post(client, f"/activities/{activity.id}/edit", activity_data(title="Taken", version="1")
                 ).status_code == 403
    assert _post(client, f"/activities/{activity.id}/participations/new",
                 {"chambers": "FR-LC", "role": "beneficiary"}).status_code == 403
    assert client.get(f"/activities/{activity.id}/participations/{activity.participations[0].id}/edit"
                      ).status_code == 403
    db.session.expire_all()
    assert activity.title == "Centre budget workshop" and _count(Participation) == 1


def test_a_private_activity_is_seen_by_the_partners_it_lets_edit_and_a_404_to_everyone_else(client, login_as, orgs,
                                                                                           chambers):
    hidden = factories.make_activity("Quiet mission", chambers=[chambers["FR-LC"]], lead=orgs["quiet"],
                                     partners=[(orgs["wfd"], "implementing"), (orgs["fund"], "funding")],
                                     partners_may_edit=True)
    paths = (f"/activities/{hidden.id}", f"/activities/{hidden.id}/edit",
             f"/activities/{hidden.id}/participations/new")
    _as(login_as, orgs["wfd"])
    assert [client.get(path).status_code for path in paths] == [200, 200, 200]
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    _as(login_as, orgs["fund"])  # a funder of a private activity learns nothing of it, as any other organisation
    assert [client.get(path).status_code for path in paths] == [404, 404, 404]
    assert _post(client, f"/activities/{hidden.id}/delete", {}).status_code == 404
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    login_as("staff")  # the centre's
    assert [client.get(path).status_code for path in paths] == [404, 404, 404]


def test_a_stale_save_keeps_the_partners_that_were_chosen(client, staff, orgs, chambers):
    activity = _partnered(orgs, chambers)
    first = activity_data(version="1", implementing=[str(orgs["wfd"].id)])
    assert _post(client, f"/activities/{activity.id}/edit", first).status_code == 302
    response = _post(client, f"/activities/{activity.id}/edit", activity_data(
        title="Second typing", version="1", implementing=[str(orgs["other"].id)], partners_may_edit="y"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and 'value="Second typing"' in page
    assert re.search(rf'<option selected value="{orgs["other"].id}">Other Institute</option>', page)
    assert re.search(r'name="partners_may_edit"[^>]*checked|checked[^>]*name="partners_may_edit"', page)
    assert "What is saved now (version 2)" in page
    db.session.expire_all()
    assert _partners(activity.id) == {"WFD": "implementing"} and not activity.partners_may_edit
