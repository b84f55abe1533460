"""Small make_* helpers for the profile feature's rows (tests write rows directly; the app uses services)."""

from __future__ import annotations

from flask import g
from flask.testing import FlaskClient
from sqlalchemy import select

from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentQuestion,
    ChamberContact,
    Feedback,
    ParticipationReport,
)


def make_contact(chamber, name: str = "Ada Lovelace", email: str = "ada@example.org") -> ChamberContact:
    contact = ChamberContact(chamber_id=chamber.id, name=name, role="ICT director", email=email, phone="")
    db.session.add(contact)
    db.session.commit()
    return contact


def make_report(chamber, kind: str = "missing", participation=None, note: str = "We were there") -> ParticipationReport:
    report = ParticipationReport(kind=kind, chamber_id=chamber.id, note=note,
                                 participation_id=participation.id if participation else None,
                                 activity_id=participation.activity_id if participation else None,
                                 missing_activity="" if participation else "Webinar on open data, 2012")
    db.session.add(report)
    db.session.commit()
    return report


def questions() -> list[AssessmentQuestion]:
    return list(db.session.scalars(select(AssessmentQuestion).where(AssessmentQuestion.active.is_(True))
                                   .order_by(AssessmentQuestion.id)))


def make_assessment(chamber, year: int = 2024, status: str = "draft", score: int | None = None,
                    scores: dict | None = None) -> Assessment:
    """An assessment; score answers every question with that score, scores maps category code -> score."""
    assessment = Assessment(chamber_id=chamber.id, year=year, status=status)
    if score is not None or scores:
        for q in questions():
            value = (scores or {}).get(q.category.code, score)
            if value is not None:
                assessment.answers.append(AssessmentAnswer(question_id=q.id, score=value, comment=""))
    db.session.add(assessment)
    db.session.commit()
    return assessment


def make_feedback(activity, chamber, usefulness: int = 4, follow_up: str = "") -> Feedback:
    feedback = Feedback(activity_id=activity.id, chamber_id=chamber.id, usefulness=usefulness, follow_up=follow_up)
    db.session.add(feedback)
    db.session.commit()
    return feedback


class SeparateClient(FlaskClient):
    """A test client that does not share the per-request caches (signed-in user, CSRF token) that tests' pushed
    app context would otherwise carry from another client's request."""

    def open(self, *args, **kwargs):
        for name in ("_login_user", "csrf_token"):
            g.pop(name, None)
        return super().open(*args, **kwargs)


def signed_in(app, role: str, chamber=None, donor=None):
    """A fresh test client signed in as a new user of role (a parliament account speaks for chamber)."""
    from tests import factories
    from tests.conftest import read_csrf_token

    client = SeparateClient(app, app.response_class, use_cookies=True)
    user = factories.make_user(role, chambers=[chamber] if chamber else None, donor=donor)
    response = client.post("/login", data={"email": user.email, "password": factories.PASSWORD,
                                           "csrf_token": read_csrf_token(client)})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    client.user = user
    return client


def post(client, path: str, data: dict | None = None, form_path: str | None = None):
    """POST with the client's real CSRF token, read from form_path (default: the page itself or /)."""
    from tests.conftest import CSRF_RE

    page = client.get(form_path or path).get_data(as_text=True)
    match = CSRF_RE.search(page) or CSRF_RE.search(client.get("/").get_data(as_text=True))
    return client.post(path, data={**(data or {}), "csrf_token": match.group(1)})
