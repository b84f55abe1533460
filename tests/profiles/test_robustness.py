"""Garbage in any field of any profile form is answered with a 4xx (or a redirect), never a 500, and writes
nothing it should not."""

import datetime as dt

import pytest

from tests import factories as f
from tests.profiles.factories import make_assessment, make_contact, make_report, post, signed_in

GARBAGE = ("", " ", "abc", "-1", "99999999999999999999", "=1+1", "\x00", "<script>", "1.5", "x" * 5000)


@pytest.fixture
def world(app):
    fr = f.make_chamber("FR-LC")
    activity = f.make_activity("Workshop", start=dt.date(2010, 5, 3), chambers=[fr])
    contact = make_contact(fr)
    report = make_report(fr, "missing")
    make_assessment(fr, 2024, "draft")
    make_assessment(fr, 2023, "submitted")
    return {"fr": fr, "p": activity.participations[0].id, "contact": contact.id, "report": report.id}


def _forms(world):
    p = world["p"]
    return [
        ("parliament", "/profiles/FR-LC/contacts/new", ("name", "role", "email", "phone")),
        ("parliament", f"/profiles/FR-LC/contacts/{world['contact']}/edit", ("name", "email")),
        ("parliament", f"/profiles/FR-LC/participations/{p}/dispute", ("note",)),
        ("parliament", "/profiles/FR-LC/missing", ("missing_activity", "note")),
        ("parliament", f"/profiles/FR-LC/participations/{p}/feedback", ("usefulness", "follow_up", "comment")),
        ("parliament", "/profiles/FR-LC/assessments", ("year",)),
        ("parliament", "/profiles/FR-LC/assessments/2024", ("version", "score_1", "comment_1", "save")),
        ("staff", "/profiles/FR-LC/assessments/2023/return", ("version", "comment")),
        ("staff", "/profiles/FR-LC/assessments/2024/return", ("version", "comment")),
        ("staff", f"/profiles/reports/{world['report']}", ("decision", "resolution_note", "activity", "role",
                                                          "participants", "women")),
        ("admin", "/profiles/questions/new", ("category", "code", "text", "scale", "position", "active")),
    ]


def test_garbage_never_makes_a_500(app, world):
    clients = {role: signed_in(app, role, world["fr"] if role == "parliament" else None)
               for role in ("parliament", "staff", "admin")}
    failures = []
    for role, path, fields in _forms(world):
        for value in GARBAGE:
            response = post(clients[role], path, {field: value for field in fields}, form_path="/")
            if response.status_code >= 500:
                failures.append(f"{role} {path} {value[:10]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("number", ["0", "2147483648", "99999999999999999999999"])
def test_huge_or_zero_identifiers_answer_404(app, world, number):
    staff = signed_in(app, "staff")
    parliament = signed_in(app, "parliament", world["fr"])
    for client, path in ((staff, f"/profiles/reports/{number}"), (staff, f"/profiles/feedback/{number}"),
                         (staff, f"/profiles/FR-LC/assessments/{number}"),
                         (parliament, f"/profiles/FR-LC/contacts/{number}/edit"),
                         (parliament, f"/profiles/FR-LC/participations/{number}/dispute")):
        assert client.get(path).status_code == 404, path


def test_forms_refuse_a_post_without_the_csrf_token(app, world):
    client = signed_in(app, "parliament", world["fr"])
    response = client.post("/profiles/FR-LC/contacts/new", data={"name": "No token", "email": "n@example.org"})
    assert response.status_code == 400
    assert client.post(f"/profiles/FR-LC/participations/{world['p']}/confirm").status_code == 400

