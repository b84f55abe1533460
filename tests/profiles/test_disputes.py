"""The dispute workflow end to end: the parliament confirms, disputes and reports; staff resolve; the audit
trail records every step."""

import datetime as dt

import pytest
from sqlalchemy import select

from parliament_tracker.activities.models import Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import ParticipationReport
from tests import factories as f
from tests.conftest import read_csrf_token
from tests.profiles.factories import SeparateClient, post, signed_in


@pytest.fixture
def world(app):
    fr, ke = f.make_chamber("FR-LC"), f.make_chamber("KE-LC")
    a1 = f.make_activity("Workshop", start=dt.date(2010, 5, 3), chambers=[fr, ke], ref="A-1")
    a2 = f.make_activity("Seminar", start=dt.date(2011, 5, 3), chambers=[ke], ref="A-2")
    return {"fr": fr, "ke": ke, "a1": a1, "a2": a2, "p": a1.participations[0],
            "parliament": signed_in(app, "parliament", fr), "staff": signed_in(app, "staff")}


def _audit(entity_type):
    return list(db.session.scalars(select(AuditRecord).where(AuditRecord.entity_type == entity_type)
                                   .order_by(AuditRecord.id)))


def test_parliament_account_lands_on_its_profile(app, world):
    client = SeparateClient(app, app.response_class, use_cookies=True)
    user = f.make_user("parliament", chambers=[world["fr"]])
    response = client.post("/login", data={"email": user.email, "password": f.PASSWORD,
                                           "csrf_token": read_csrf_token(client)})
    assert response.headers["Location"].endswith("/profiles/mine")
    assert client.get("/profiles/mine").headers["Location"].endswith("/profiles/FR-LC")


def test_account_of_several_chambers_chooses(app, world):
    client = signed_in(app, "parliament", world["fr"])
    client.user.chambers.append(world["ke"])
    db.session.commit()
    page = client.get("/profiles/mine")
    assert page.status_code == 200 and b"/profiles/KE-LC" in page.data and b"/profiles/FR-LC" in page.data


def test_confirm_sets_status_and_is_audited(world):
    p = world["p"]
    response = post(world["parliament"], f"/profiles/FR-LC/participations/{p.id}/confirm", form_path="/profiles/FR-LC")
    assert response.status_code == 302
    db.session.refresh(p)
    assert p.status == "confirmed"
    assert _audit("participations")[-1].after["status"] == "confirmed"


def test_dispute_needs_a_note_next_to_the_field(world):
    p = world["p"]
    response = post(world["parliament"], f"/profiles/FR-LC/participations/{p.id}/dispute", {"note": " "})
    assert response.status_code == 400
    assert b'id="note-error"' in response.data
    assert db.session.scalar(select(ParticipationReport)) is None


def _dispute(world, note="We sent 4 people, not 2"):
    p = world["p"]
    response = post(world["parliament"], f"/profiles/FR-LC/participations/{p.id}/dispute", {"note": note})
    assert response.status_code == 302
    return db.session.scalars(select(ParticipationReport).order_by(ParticipationReport.id.desc())).first()


def test_dispute_then_correct(world):
    report = _dispute(world)
    db.session.refresh(world["p"])
    assert (world["p"].status, world["p"].status_note) == ("disputed", "We sent 4 people, not 2")
    queue = world["staff"].get("/profiles/queue")
    assert b"We sent 4 people" in queue.data
    # a second dispute of the same record is refused, and confirming waits for the answer
    again = post(world["parliament"], f"/profiles/FR-LC/participations/{world['p'].id}/dispute", {"note": "again"})
    assert again.status_code == 400
    response = post(world["staff"], f"/profiles/reports/{report.id}", {
        "decision": "corrected", "resolution_note": "Counts corrected", "role": "beneficiary",
        "participants": "4", "women": "2"})
    assert response.status_code == 302
    db.session.refresh(world["p"])
    db.session.refresh(report)
    assert (world["p"].participants, world["p"].women, world["p"].status) == (4, 2, "confirmed")
    assert (report.status, report.resolution_note, report.resolved_by_id) == ("corrected", "Counts corrected",
                                                                            world["staff"].user.id)
    assert b"We sent 4 people" not in world["staff"].get("/profiles/queue").data
    actions = [(r.entity_type, r.action) for r in db.session.scalars(select(AuditRecord).order_by(AuditRecord.id))
               if r.entity_type in ("participations", "participation_reports")]
    assert actions == [("participations", "update"), ("participation_reports", "create"),
                       ("participations", "update"), ("participation_reports", "update")]


def test_correction_refused_when_women_outnumber_participants_writes_nothing(world):
    report = _dispute(world)
    response = post(world["staff"], f"/profiles/reports/{report.id}", {
        "decision": "corrected", "resolution_note": "x", "role": "beneficiary", "participants": "1", "women": "3"})
    assert response.status_code == 400 and b'id="women-error"' in response.data
    db.session.expire_all()
    assert (world["p"].participants, world["p"].status) == (2, "disputed")
    assert db.session.get(ParticipationReport, report.id).status == "open"


def test_reject_needs_a_reason_and_restores_the_claim(world):
    report = _dispute(world)
    refused = post(world["staff"], f"/profiles/reports/{report.id}", {"decision": "rejected", "resolution_note": ""})
    assert refused.status_code == 400 and b'id="resolution_note-error"' in refused.data
    response = post(world["staff"], f"/profiles/reports/{report.id}",
                    {"decision": "rejected", "resolution_note": "The attendance sheet shows two."})
    assert response.status_code == 302
    db.session.expire_all()
    assert (world["p"].status, world["p"].status_note) == ("claimed", "The attendance sheet shows two.")
    # already resolved: a second answer is refused with a message, not a 500
    again = post(world["staff"], f"/profiles/reports/{report.id}", {"decision": "accepted"},
                 form_path="/profiles/queue")
    assert again.status_code == 400


def test_accept_removes_the_record_and_keeps_its_history(world):
    pid = world["p"].id
    report = _dispute(world, "We did not attend")
    assert post(world["staff"], f"/profiles/reports/{report.id}", {"decision": "accepted"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Participation, pid) is None
    assert db.session.get(ParticipationReport, report.id).activity_id == world["a1"].id
    deleted = [r for r in _audit("participations") if r.action == "delete"]
    assert deleted and deleted[0].before["participants"] == 2


def test_missing_report_accepted_adds_a_confirmed_record(world):
    response = post(world["parliament"], "/profiles/FR-LC/missing",
                    {"missing_activity": "Seminar, Nairobi, May 2011", "note": "Two clerks"})
    assert response.status_code == 302
    report = db.session.scalar(select(ParticipationReport))
    unknown = post(world["staff"], f"/profiles/reports/{report.id}",
                   {"decision": "accepted", "activity": "NOPE", "participants": "2", "women": "1"})
    assert unknown.status_code == 400 and b'id="activity-error"' in unknown.data
    done = post(world["staff"], f"/profiles/reports/{report.id}",
                {"decision": "accepted", "activity": "A-2", "role": "beneficiary", "participants": "2", "women": "1"})
    assert done.status_code == 302
    added = db.session.scalar(select(Participation).where(Participation.chamber_id == world["fr"].id,
                                                          Participation.activity_id == world["a2"].id))
    assert (added.status, added.participants, added.women) == ("confirmed", 2, 1)
    assert db.session.get(ParticipationReport, report.id).status == "accepted"
    assert [r.action for r in _audit("participations")] == ["create"]


def test_profile_shows_the_parliament_its_reports(world):
    _dispute(world)
    page = world["parliament"].get("/profiles/FR-LC").get_data(as_text=True)
    assert "We sent 4 people, not 2" in page and "Disputed" in page
