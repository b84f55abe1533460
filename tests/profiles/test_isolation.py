"""Isolation: a parliament account sees and changes only its own chambers' private data.

Every private route, JSON endpoint and CSV of FR-LC's profile is tried by FR-LC's own account, another chamber's
account (KE-LC), a donor, staff and an anonymous visitor, with guessed identifiers too (FR-LC's ids under
KE-LC's own code); each answer is asserted, no answer of someone not entitled carries FR-LC's private data, and
no refused write leaves a trace.
"""

import datetime as dt

import pytest
from sqlalchemy import func, select

from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import Assessment, ChamberContact, Feedback, ParticipationReport
from tests import factories as f
from tests.profiles import factories as pf

ACTORS = ("own", "other", "donor", "staff", "anon")
SECRETS = ("secret-fr@example.org", "FR-SECRET-DISPUTE", "FR-SECRET-ANSWER", "FR-SECRET-FEEDBACK")
ENTITLED = {"own", "staff"}


def _s(own, other, donor, staff, anon):
    return dict(zip(ACTORS, (own, other, donor, staff, anon), strict=True))


ALL_200 = _s(200, 200, 200, 200, 200)
# (method, path, data, expected status per actor, secrets that the entitled must see in the answer)
MATRIX = [
    ("GET", "/profiles/FR-LC", None, ALL_200, ("secret-fr@example.org", "FR-SECRET-DISPUTE")),
    ("GET", "/profiles/FR-LC/print", None, ALL_200, ("secret-fr@example.org",)),
    ("GET", "/profiles/FR-LC/records.csv", None, ALL_200, ("FR-SECRET-DISPUTE",)),
    ("GET", "/api/v1/profiles/FR-LC", None, ALL_200, ("FR-SECRET-DISPUTE",)),
    ("GET", "/api/v1/profiles/FR-LC/contacts", None, _s(200, 403, 403, 200, 401), ("secret-fr@example.org",)),
    ("GET", "/profiles/FR-LC/assessments", None, _s(200, 403, 403, 200, 302), ()),
    ("GET", "/profiles/FR-LC/assessments/2024", None, _s(200, 403, 403, 200, 302), ("FR-SECRET-ANSWER",)),
    ("GET", "/profiles/FR-LC/contacts/{contact}/edit", None, _s(200, 403, 403, 403, 302), ("secret-fr@example.org",)),
    ("GET", "/profiles/FR-LC/participations/{participation}/dispute", None, _s(200, 403, 403, 403, 302), ()),
    ("GET", "/profiles/FR-LC/participations/{participation}/feedback", None, _s(200, 403, 403, 403, 302),
     ("FR-SECRET-FEEDBACK",)),
    ("GET", "/profiles/queue", None, _s(403, 403, 403, 200, 302), ("FR-SECRET-DISPUTE",)),
    ("GET", "/profiles/reports/{report}", None, _s(403, 403, 403, 200, 302), ("FR-SECRET-DISPUTE",)),
    ("GET", "/profiles/feedback/{activity}", None, _s(403, 403, 403, 200, 302), ("FR-SECRET-FEEDBACK",)),
    # guessed identifiers: FR-LC's ids under KE-LC's code (the other account's own chamber) are unknown there
    ("GET", "/profiles/KE-LC/contacts/{contact}/edit", None, _s(403, 404, 403, 403, 302), ()),
    ("GET", "/profiles/KE-LC/participations/{participation}/dispute", None, _s(403, 404, 403, 403, 302), ()),
    ("GET", "/profiles/KE-LC/participations/{participation}/feedback", None, _s(403, 404, 403, 403, 302), ()),
    ("GET", "/profiles/KE-LC/assessments/2024", None, _s(403, 404, 403, 404, 302), ()),
    ("GET", "/api/v1/profiles/KE-LC/contacts", None, _s(403, 200, 403, 200, 401), ()),
    ("POST", "/profiles/KE-LC/contacts/{contact}/delete", {}, _s(403, 404, 403, 403, 302), ()),
    ("POST", "/profiles/KE-LC/participations/{participation}/confirm", {}, _s(403, 404, 403, 403, 302), ()),
    # writes to FR-LC's record by anyone but its own account are refused
    ("POST", "/profiles/FR-LC/contacts/new", {"name": "Intruder", "email": "in@example.org"},
     _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/contacts/{contact}/edit", {"name": "Renamed", "email": "secret-fr@example.org", "version": "1"},
     _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/participations/{participation}/confirm", {}, _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/participations/{participation}/dispute", {"note": "again"},
     _s(400, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/missing", {"missing_activity": "Intruder report"}, _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/participations/{participation}/feedback", {"usefulness": "1"},
     _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/assessments", {"year": "2023"}, _s(302, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/assessments/2024", {"version": "1", "save": "1"}, _s(400, 403, 403, 403, 302), ()),
    ("POST", "/profiles/FR-LC/assessments/2024/return", {"comment": "Please check", "version": "1"},
     _s(403, 403, 403, 302, 302), ()),
    ("POST", "/profiles/reports/{report}", {"decision": "rejected", "resolution_note": "No"},
     _s(403, 403, 403, 302, 302), ()),
    ("POST", "/profiles/FR-LC/contacts/{contact}/delete", {}, _s(302, 403, 403, 403, 302), ()),
]


def build(app):
    fr, ke = f.make_chamber("FR-LC"), f.make_chamber("KE-LC")
    activity = f.make_activity("Workshop", start=dt.date(2010, 5, 3), chambers=[fr, ke])
    participation = activity.participations[0]
    participation.status, participation.status_note = "disputed", "FR-SECRET-DISPUTE"
    db.session.commit()
    report = pf.make_report(fr, "dispute", participation, note="FR-SECRET-DISPUTE")
    contact = pf.make_contact(fr, email="secret-fr@example.org")
    pf.make_contact(ke, email="ke@example.org")
    feedback = pf.make_feedback(activity, fr, 4)
    feedback.comment = "FR-SECRET-FEEDBACK"
    assessment = pf.make_assessment(fr, 2024, "submitted", score=2)
    assessment.answers[0].comment = "FR-SECRET-ANSWER"
    db.session.commit()
    return {"fr": fr, "ke": ke, "contact": contact.id, "participation": participation.id, "report": report.id,
            "activity": activity.id}


def client_for(app, actor, world):
    if actor == "anon":
        return pf.SeparateClient(app, app.response_class, use_cookies=True)
    if actor in ("own", "other"):
        return pf.signed_in(app, "parliament", world["fr" if actor == "own" else "ke"])
    return pf.signed_in(app, actor)


@pytest.mark.parametrize("actor", ACTORS)
def test_isolation_matrix(app, actor):
    world = build(app)
    client = client_for(app, actor, world)
    token_page = "/login" if actor == "anon" else "/"
    failures = []
    for method, path, data, expected, must_show in MATRIX:
        url = path.format(**world)
        if method == "POST":
            response = pf.post(client, url, data, form_path=token_page)
        else:
            response = client.get(url)
        body = response.get_data(as_text=True)
        if response.status_code != expected[actor]:
            failures.append(f"{method} {url}: expected {expected[actor]}, got {response.status_code}")
        if actor in ENTITLED and response.status_code == 200:
            failures += [f"{method} {url}: {s} missing" for s in must_show if s not in body]
        if actor not in ENTITLED:
            failures += [f"{method} {url}: leaks {s}" for s in SECRETS if s in body]
        if actor == "staff" and "/feedback" not in url and "FR-SECRET-FEEDBACK" in body and url != "/":
            failures.append(f"{method} {url}: feedback comment outside the feedback pages")
    assert not failures, "\n".join(failures)
    _assert_no_trace_of_refused_writes(actor)


def _assert_no_trace_of_refused_writes(actor):
    db.session.expire_all()
    contacts = db.session.scalar(select(func.count()).select_from(ChamberContact))
    names = set(db.session.scalars(select(ChamberContact.name)))
    assessment = db.session.scalar(select(Assessment).where(Assessment.year == 2024))
    report = db.session.scalar(select(ParticipationReport).where(ParticipationReport.kind == "dispute"))
    feedback = db.session.scalar(select(Feedback))
    missing = db.session.scalar(select(func.count()).select_from(ParticipationReport)
                                .where(ParticipationReport.kind == "missing"))
    if actor == "own":
        assert names == {"Intruder", "Ada Lovelace"} and contacts == 2  # added one, removed the renamed one
        assert (missing, feedback.usefulness, report.status, assessment.status) == (1, 1, "open", "submitted")
    elif actor == "staff":
        assert contacts == 2 and "Intruder" not in names and (missing, feedback.usefulness) == (0, 4)
        assert (report.status, assessment.status) == ("rejected", "returned")
    else:
        assert contacts == 2 and names == {"Ada Lovelace"}
        assert (missing, feedback.usefulness, report.status, assessment.status) == (0, 4, "open", "submitted")
