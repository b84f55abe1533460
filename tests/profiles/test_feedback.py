"""Feedback: only a chamber that took part, only after the activity, one per chamber and activity; the staff's
aggregates by area, type and activity."""

import datetime as dt

import pytest
from sqlalchemy import select

from parliament_tracker.extensions import db
from parliament_tracker.profiles import feedback
from parliament_tracker.profiles.models import Feedback
from tests import factories as f
from tests.profiles.factories import make_feedback, post, signed_in


@pytest.fixture
def world(app):
    fr, ke, ml = f.make_chamber("FR-LC"), f.make_chamber("KE-LC"), f.make_chamber("ML-LC")
    past = f.make_activity("Workshop", "awareness", "workshop", start=dt.date(2010, 5, 3), chambers=[fr, ke, ml])
    study = f.make_activity("Study", "research", "research", start=dt.date(2011, 1, 1), chambers=[fr])
    future = f.make_activity("Next year", "awareness", "webinar", start=dt.date.today() + dt.timedelta(days=30),
                             chambers=[fr])
    gone = f.make_activity("Gone", "awareness", "workshop", start=dt.date(2009, 1, 1), chambers=[fr], deleted=True)
    return {"fr": fr, "ke": ke, "ml": ml, "past": past, "study": study, "future": future, "gone": gone}


def _pid(activity, chamber):
    return next(p.id for p in activity.participations if p.chamber_id == chamber.id)


def test_a_chamber_that_took_part_rates_once_and_can_change_it(app, world):
    client = signed_in(app, "parliament", world["fr"])
    path = f"/profiles/FR-LC/participations/{_pid(world['past'], world['fr'])}/feedback"
    assert post(client, path, {"usefulness": "4", "follow_up": "A mission on XML"}).status_code == 302
    assert post(client, path, {"usefulness": "5", "follow_up": ""}).status_code == 302
    rows = db.session.scalars(select(Feedback)).all()
    assert [(r.usefulness, r.follow_up) for r in rows] == [(5, "")]
    assert "Your rating: 5 of 5" in client.get("/profiles/FR-LC").get_data(as_text=True)


def test_feedback_is_refused_before_the_end_and_off_the_scale(app, world):
    client = signed_in(app, "parliament", world["fr"])
    early = post(client, f"/profiles/FR-LC/participations/{_pid(world['future'], world['fr'])}/feedback",
                 {"usefulness": "4"})
    assert early.status_code == 400 and b'id="usefulness-error"' in early.data
    path = f"/profiles/FR-LC/participations/{_pid(world['past'], world['fr'])}/feedback"
    assert post(client, path, {"usefulness": "6"}).status_code == 400
    assert post(client, path, {}).status_code == 400
    assert db.session.scalar(select(Feedback)) is None


def test_only_a_chamber_that_took_part_can_rate(app, world):
    client = signed_in(app, "parliament", world["ke"])
    # KE-LC did not take part in the study: FR-LC's participation is not KE-LC's to rate
    assert post(client, f"/profiles/KE-LC/participations/{_pid(world['study'], world['fr'])}/feedback",
                {"usefulness": "5"}, form_path="/profiles/KE-LC").status_code == 404
    assert post(client, f"/profiles/FR-LC/participations/{_pid(world['study'], world['fr'])}/feedback",
                {"usefulness": "5"}, form_path="/profiles/KE-LC").status_code == 403
    # nor a deleted activity
    assert client.get(f"/profiles/KE-LC/participations/{_pid(world['gone'], world['fr'])}/feedback").status_code \
        == 404
    assert db.session.scalar(select(Feedback)) is None


def test_aggregates_by_area_type_and_activity(world):
    make_feedback(world["past"], world["fr"], 5, "XML")
    make_feedback(world["past"], world["ke"], 2)
    make_feedback(world["past"], world["ml"], 4, "Training")
    make_feedback(world["study"], world["fr"], 3)
    make_feedback(world["gone"], world["fr"], 1, "ignored: deleted activity")
    assert feedback.feedback_by_area() == [("research", "Analysis and research services", 1, 3.0, 0),
                                           ("awareness", "Awareness and coordination", 3, 3.67, 2)]
    assert feedback.feedback_by_type() == [("research", "research", 1, 3.0, 0), ("workshop", "workshop", 3, 3.67, 2)]
    assert [(r.label, r.responses) for r in feedback.feedback_by_activity()] == [("Study", 1), ("Workshop", 3)]


def test_staff_see_feedback_pages(app, world):
    make_feedback(world["past"], world["ke"], 2, "More training")
    staff = signed_in(app, "staff")
    overview = staff.get("/profiles/feedback")
    assert overview.status_code == 200 and b"Workshop" in overview.data
    detail = staff.get(f"/profiles/feedback/{world['past'].id}")
    assert detail.status_code == 200 and b"More training" in detail.data
    assert staff.get(f"/profiles/feedback/{world['gone'].id}").status_code == 404
