"""Logging activities by hand: create, validation refusals, edit with optimistic locking, bin and restore."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from tests import factories
from tests.activities.conftest import activity_data


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_create_with_chambers_writes_activity_participations_and_audit(client, staff, post, chambers):
    response = post("/activities/new", activity_data(chambers=["FR-LC", "FR-UC", "KE-LC"]))
    assert response.status_code == 302
    activity = db.session.scalar(select(Activity))
    assert activity.title == "Workshop on open data" and activity.version == 1
    assert sorted(p.chamber.code for p in activity.participations) == ["FR-LC", "FR-UC", "KE-LC"]
    records = db.session.scalars(select(AuditRecord).where(AuditRecord.entity_type.in_(
        ["activities", "participations"]))).all()
    assert len(records) == 4 and all(r.user_id == staff.id for r in records)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'href="/chambers/FR-UC"' in page and "History" in page


@pytest.mark.parametrize("changes, field, message", [
    ({"end_date": "2012-03-01"}, "end_date", "cannot be before the start date"),
    ({"start_date": "1985-01-01", "end_date": ""}, "start_date", "Give a date between"),
    ({"start_date": "2099-01-01", "end_date": ""}, "start_date", "Give a date between"),
    ({"area": "astrology"}, "area", "Unknown area"),
    ({"activity_type": "party"}, "activity_type", "Unknown activity type"),
    ({"chambers": ["FR-LC", "XX-LC"]}, "chambers", "Unknown chamber code"),
    ({"title": ""}, "title", "This field is required"),
    ({"start_date": "not a date"}, "start_date", "Not a valid date"),
])
def test_each_refusal_is_a_400_next_to_its_field_and_writes_nothing(client, staff, post, chambers, changes, field,
                                                                    message):
    before = _count(AuditRecord)
    response = post("/activities/new", activity_data(**changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page and message in page
    assert _count(Activity) == 0 and _count(Participation) == 0 and _count(AuditRecord) == before


def test_edit_saves_and_records_before_and_after(client, staff, post, chambers):
    activity = factories.make_activity(chambers=[chambers["FR-LC"]])
    response = post(f"/activities/{activity.id}/edit", activity_data(title="Renamed", version="1"))
    assert response.status_code == 302
    db.session.expire_all()
    assert activity.title == "Renamed" and activity.version == 2
    record = db.session.scalar(select(AuditRecord).where(AuditRecord.action == "update"))
    assert record.before["title"] == "Regional workshop" and record.after["title"] == "Renamed"


def test_second_save_from_a_stale_form_is_refused_and_keeps_what_was_typed(client, staff, post, chambers):
    activity = factories.make_activity()
    form = client.get(f"/activities/{activity.id}/edit").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in form
    assert post(f"/activities/{activity.id}/edit", activity_data(title="First save", version="1")).status_code == 302
    response = post(f"/activities/{activity.id}/edit", activity_data(title="Second typing", version="1"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else saved this activity" in page and 'value="Second typing"' in page
    assert "What is saved now (version 2)" in page and "First save" in page
    db.session.expire_all()
    assert activity.title == "First save" and activity.version == 2
    # Having seen the warning, the person may save again on purpose: the form now carries version 2.
    assert 'name="version" type="hidden" value="2"' in page


def test_bin_and_restore(client, staff, post, chambers):
    activity = factories.make_activity(title="To the bin", chambers=[chambers["KE-LC"]])
    assert post(f"/activities/{activity.id}/delete", {}).status_code == 302
    assert ">To the bin</a>" not in client.get("/activities/").get_data(as_text=True)
    assert ">To the bin</a>" in client.get("/activities/bin").get_data(as_text=True)
    assert client.get(f"/activities/{activity.id}/edit").status_code == 404
    assert post(f"/activities/{activity.id}/restore", {}).status_code == 302
    assert ">To the bin</a>" in client.get("/activities/").get_data(as_text=True)
    actions = db.session.scalars(select(AuditRecord.action).where(AuditRecord.entity_id == activity.id,
                                                                  AuditRecord.entity_type == "activities")).all()
    assert sorted(actions) == ["delete", "restore"]


def test_list_filters_are_in_the_url_and_paginate(client, staff, chambers, make_app):
    donor = factories.make_donor("UNDP")
    factories.make_activity(title="Kenya mission", activity_type="mission", area_code="research",
                            start=dt.date(2011, 2, 1), chambers=[chambers["KE-LC"]], donors=[donor])
    factories.make_activity(title="Paris seminar", start=dt.date(2013, 6, 1), chambers=[chambers["FR-LC"]])
    for year, expected in ((2011, "Kenya mission"), (2013, "Paris seminar")):
        page = client.get(f"/activities/?year={year}").get_data(as_text=True)
        assert expected in page
    cases = {"region=Africa": "Kenya mission", "region=Europe": "Paris seminar", "chamber=fr-lc": "Paris seminar",
             f"donor={donor.id}": "Kenya mission", "area=research": "Kenya mission", "activity_type=workshop":
             "Paris seminar", "q=kenya": "Kenya mission"}
    for query, expected in cases.items():
        page = client.get(f"/activities/?{query}").get_data(as_text=True)
        other = "Paris seminar" if expected == "Kenya mission" else "Kenya mission"
        assert expected in page and other not in page, query
    client.application.config["PAGE_SIZE"] = 1
    first = client.get("/activities/?sort=title").get_data(as_text=True)
    assert "Kenya mission" in first and "Paris seminar" not in first and "page=2" in first and "sort=title" in first
    assert "Paris seminar" in client.get("/activities/?sort=title&page=2").get_data(as_text=True)


def test_participations_add_edit_remove_with_validation(client, staff, post, chambers):
    activity = factories.make_activity(chambers=[chambers["FR-LC"]])
    url = f"/activities/{activity.id}/participations/new"
    bad = post(url, {"chambers": ["KE-LC"], "role": "beneficiary", "participants": "2", "women": "3"})
    assert bad.status_code == 400 and 'id="women-error"' in bad.get_data(as_text=True)
    negative = post(url, {"chambers": ["KE-LC"], "role": "beneficiary", "participants": "-1"})
    assert negative.status_code == 400 and 'id="participants-error"' in negative.get_data(as_text=True)
    duplicate = post(url, {"chambers": ["KE-LC", "FR-LC"], "role": "beneficiary"})
    assert duplicate.status_code == 400 and "Already taking part: FR-LC" in duplicate.get_data(as_text=True)
    assert len(activity.participations) == 1
    ok = post(url, {"chambers": ["FR-UC", "KE-LC"], "role": "expert", "participants": "4", "women": "2"})
    assert ok.status_code == 302
    db.session.expire_all()
    assert sorted(p.chamber.code for p in activity.participations) == ["FR-LC", "FR-UC", "KE-LC"]
    kenya = next(p for p in activity.participations if p.chamber.code == "KE-LC")
    edit = f"/activities/{activity.id}/participations/{kenya.id}/edit"
    assert post(edit, {"role": "beneficiary", "participants": "5", "women": "5",
                       "version": str(kenya.version)}).status_code == 302
    db.session.expire_all()
    assert (kenya.participants, kenya.women, kenya.role) == (5, 5, "beneficiary")
    assert post(f"/activities/{activity.id}/participations/{kenya.id}/delete", {}).status_code == 302
    history = client.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert history.count("KE-LC in activity") >= 3  # created, changed, removed


def test_audit_trail_filters(client, login_as, chambers):
    admin = login_as("admin")
    factories.make_activity()
    from parliament_tracker.activities import services

    activity = db.session.scalar(select(Activity))
    services.delete_activity(activity, by=admin)
    page = client.get("/activities/audit?action=delete&entity_type=activities").get_data(as_text=True)
    assert "Regional workshop" in page and admin.email in page
    assert "Regional workshop" not in client.get("/activities/audit?action=restore").get_data(as_text=True)
    assert client.get("/activities/audit?date_to=2000-01-01").get_data(as_text=True).count("Regional workshop") == 0


def test_reference_is_unique_and_links_the_activity_to_spreadsheet_rows(client, staff, post, chambers):
    factories.make_activity(title="Has the ref", ref="WS-9")
    taken = post("/activities/new", activity_data(ref="WS-9"))
    assert taken.status_code == 400 and 'id="ref-error"' in taken.get_data(as_text=True)
    assert post("/activities/new", activity_data(ref="WS-10", chambers=["KE-LC"])).status_code == 302
    assert db.session.scalar(select(Activity).where(Activity.ref == "WS-10")).title == "Workshop on open data"
