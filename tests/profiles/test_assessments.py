"""The self-assessment's lifecycle: draft, submit, return, resubmit, read-only; optimistic locking; the admin's
question editor."""

import re

import pytest
from sqlalchemy import select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import Assessment, AssessmentQuestion
from tests import factories as f
from tests.profiles.factories import post, questions, signed_in


@pytest.fixture
def world(app):
    fr = f.make_chamber("FR-LC")
    return {"fr": fr, "parliament": signed_in(app, "parliament", fr), "staff": signed_in(app, "staff")}


def _answers(score="3", skip=()):
    data = {}
    for q in questions():
        data[f"score_{q.id}"] = "" if q.id in skip else score
        data[f"comment_{q.id}"] = "ok"
    return data


def _current_version(path, client):
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', page)
    return match.group(1)


def test_lifecycle_draft_submit_return_resubmit(world):
    parl, staff = world["parliament"], world["staff"]
    assert post(parl, "/profiles/FR-LC/assessments", {"year": "2024"},
                form_path="/profiles/FR-LC/assessments").status_code == 302
    again = post(parl, "/profiles/FR-LC/assessments", {"year": "2024"}, form_path="/profiles/FR-LC/assessments")
    assert again.status_code == 400 and b'id="year-error"' in again.data
    path = "/profiles/FR-LC/assessments/2024"
    first = questions()[0]
    # a draft may be incomplete
    draft = _answers(skip={first.id})
    assert post(parl, path, {**draft, "version": _current_version(path, parl), "save": "1"}).status_code == 302
    assessment = db.session.scalar(select(Assessment))
    assert assessment.status == "draft" and len([a for a in assessment.answers if a.score is not None]) == 19
    # submitting needs every answer, the message next to the missing one
    refused = post(parl, path, {**draft, "version": _current_version(path, parl), "submit": "1"})
    assert refused.status_code == 400 and f'id="score_{first.id}-error"'.encode() in refused.data
    # a value off the scale is refused too
    off = post(parl, path, {**_answers("9"), "version": _current_version(path, parl), "save": "1"})
    assert off.status_code == 400
    assert post(parl, path, {**_answers(), "version": _current_version(path, parl), "submit": "1"}).status_code == 302
    db.session.expire_all()
    assert assessment.status == "submitted" and assessment.submitted_at is not None
    # read-only now: the form is gone and a forged post is refused
    page = parl.get(path).get_data(as_text=True)
    assert 'name="submit"' not in page and "Answer: 3 = in place" in page
    forged = post(parl, path, {**_answers("1"), "version": str(assessment.version), "save": "1"})
    assert forged.status_code == 400 and b"read-only" in forged.data
    db.session.expire_all()
    assert {a.score for a in assessment.answers} == {3}
    # staff return it with comments
    assert post(staff, path + "/return", {"comment": "", "version": str(assessment.version)},
                form_path=path).status_code == 400
    assert post(staff, path + "/return", {"comment": "Check the website answers", "version": str(assessment.version)},
                form_path=path).status_code == 302
    db.session.expire_all()
    assert (assessment.status, assessment.reviewer_comment) == ("returned", "Check the website answers")
    assert "Check the website answers" in parl.get(path).get_data(as_text=True)
    # the parliament changes and resubmits
    assert post(parl, path, {**_answers("4"), "version": _current_version(path, parl), "submit": "1"}).status_code == 302
    db.session.expire_all()
    assert assessment.status == "submitted" and {a.score for a in assessment.answers} == {4}
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.entity_type == "assessments")).all()
    assert [r.action for r in audit] == ["create", "update", "update", "update", "update"]
    assert audit[-2].after["status"] == "returned"


def test_a_stale_save_is_refused_and_changes_nothing(world):
    parl = world["parliament"]
    assessment = f_assessment(world)
    path = "/profiles/FR-LC/assessments/2023"
    old_version = _current_version(path, parl)
    assert post(parl, path, {**_answers("2"), "version": old_version, "save": "1"}).status_code == 302
    stale = post(parl, path, {**_answers("1"), "version": old_version, "save": "1"})
    assert stale.status_code == 409 and b"meanwhile" in stale.data
    db.session.expire_all()
    assert {a.score for a in assessment.answers} == {2}


def f_assessment(world, year=2023, status="draft"):
    from tests.profiles.factories import make_assessment

    return make_assessment(world["fr"], year, status)


def test_staff_read_but_do_not_answer(world):
    f_assessment(world, 2022, "submitted")
    path = "/profiles/FR-LC/assessments/2022"
    page = world["staff"].get(path).get_data(as_text=True)
    assert "Return for changes" in page and 'name="save"' not in page
    assert post(world["staff"], path, {**_answers(), "version": "1", "save": "1"}).status_code == 403


def test_year_out_of_range_is_refused_next_to_the_field(world):
    response = post(world["parliament"], "/profiles/FR-LC/assessments", {"year": "1990"},
                    form_path="/profiles/FR-LC/assessments")
    assert response.status_code == 400 and b'id="year-error"' in response.data
    assert db.session.scalar(select(Assessment)) is None


def test_admin_edits_the_questionnaire(app):
    admin = signed_in(app, "admin")
    question = db.session.scalars(select(AssessmentQuestion).order_by(AssessmentQuestion.id)).first()
    path = f"/profiles/questions/{question.id}/edit"
    bad = post(admin, path, {"category": str(question.category_id), "code": question.code, "text": "Q?",
                             "scale": "none, some, all", "position": "1", "active": "1"})
    assert bad.status_code == 400 and b'id="scale-error"' in bad.data
    clash = post(admin, "/profiles/questions/new", {"category": str(question.category_id), "code": question.code,
                                                   "text": "Q?", "scale": "0 = no | 1 = yes", "active": "1"})
    assert clash.status_code == 400 and b'id="code-error"' in clash.data
    ok = post(admin, "/profiles/questions/new", {"category": str(question.category_id), "code": "ai_policy",
                                                "text": "Is there a policy on AI?", "scale": "0 = no | 1 = yes",
                                                "position": "9", "active": "1"})
    assert ok.status_code == 302
    added = db.session.scalar(select(AssessmentQuestion).where(AssessmentQuestion.code == "ai_policy"))
    assert added.scale_choices == [(0, "no"), (1, "yes")]
    assert post(admin, path, {"category": str(question.category_id), "code": question.code, "text": question.text,
                              "scale": question.scale, "position": "1", "active": "0"}).status_code == 302
    db.session.expire_all()
    assert question.active is False and question not in questions()


def test_admin_renames_a_category_and_answers_stay(app):
    from parliament_tracker.profiles.models import AssessmentCategory

    admin = signed_in(app, "admin")
    category = db.session.scalar(select(AssessmentCategory).where(AssessmentCategory.code == "website"))
    path = f"/profiles/categories/{category.id}/edit"
    assert post(admin, path, {"label": " ", "position": "5"}).status_code == 400
    assert post(admin, path, {"label": "Website and open data", "position": "5"}).status_code == 302
    db.session.expire_all()
    assert category.label == "Website and open data" and len(category.questions) == 3
    assert db.session.scalars(select(AuditRecord).where(AuditRecord.entity_type == "assessment_categories")).all()
