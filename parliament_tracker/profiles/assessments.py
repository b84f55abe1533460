"""The yearly ICT self-assessment: draft, submit, return with comments, resubmit. Each use case commits once.

Submitted years are read-only; a save based on an older version is refused (optimistic locking).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from parliament_tracker.audit import record_change, snapshot, utcnow
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import StaleEdit
from parliament_tracker.extensions import db
from parliament_tracker.numbers import parse_id
from parliament_tracker.profiles import queries
from parliament_tracker.profiles.models import Assessment, AssessmentAnswer, AssessmentCategory, AssessmentQuestion
from parliament_tracker.profiles.services import ProfileError

FIRST_YEAR = 2000


def questionnaire() -> list[AssessmentQuestion]:
    """The active questions, in category then question order."""
    stmt = (select(AssessmentQuestion).join(AssessmentQuestion.category)
            .where(AssessmentQuestion.active.is_(True))
            .order_by(AssessmentCategory.position, AssessmentQuestion.position, AssessmentQuestion.id))
    return list(db.session.scalars(stmt))


def chamber_assessments(chamber_id: int) -> list[Assessment]:
    """The chamber's self-assessments, newest year first, in any status."""
    stmt = select(Assessment).where(Assessment.chamber_id == chamber_id).order_by(Assessment.year.desc())
    return list(db.session.scalars(stmt))


def get_assessment_or_404(chamber, year: int) -> Assessment:
    """The chamber's assessment of that year; another chamber's or a missing year answers 404."""
    assessment = db.session.scalar(select(Assessment).where(Assessment.chamber_id == chamber.id,
                                                            Assessment.year == year))
    if assessment is None:
        abort(404)
    return assessment


def _answers_snapshot(assessment: Assessment) -> dict:
    return {"status": assessment.status, "reviewer_comment": assessment.reviewer_comment,
            "answers": {a.question.code: [a.score, a.comment] for a in assessment.answers}}


def start_assessment(chamber, year: int | None, by, today: dt.date | None = None) -> Assessment:
    """Open a draft for the year (from 2000 to next year); one per chamber and year."""
    latest = (today or dt.date.today()).year + 1
    if year is None or not FIRST_YEAR <= year <= latest:
        raise ProfileError(_l("Choose a year from %(first)s to %(last)s.", first=FIRST_YEAR, last=latest), "year")
    assessment = Assessment(chamber=chamber, year=year, status="draft")
    with unit_of_work(conflict=ProfileError(_l("This chamber already has a self-assessment for that year."),
                                            "year")):
        db.session.add(assessment)
        db.session.flush()
        record_change("create", assessment, before=None, after=_answers_snapshot(assessment), by=by)
    return assessment


def _check_scores(questions, answers: dict) -> None:
    for question in questions:
        score = answers.get(question.id, (None, ""))[0]
        if score is not None and score not in dict(question.scale_choices):
            raise ProfileError(_l("Choose a value of the stated scale."), f"score_{question.id}")


def save_answers(assessment: Assessment, version: int | None, answers: dict, by, submit: bool = False) -> None:
    """Save answers ({question id: (score or None, comment)}) of a draft or returned assessment; with submit,
    every active question needs a score and the year becomes read-only."""
    if not assessment.editable:
        raise ProfileError(_l("This self-assessment was submitted and is read-only."))
    if version != assessment.version:
        raise StaleEdit(_l("Someone saved this self-assessment meanwhile; reload it and enter your changes again."))
    questions = questionnaire()
    _check_scores(questions, answers)
    if submit:
        for question in questions:
            if answers.get(question.id, (None, ""))[0] is None:
                raise ProfileError(_l("Answer every question before submitting."), f"score_{question.id}")
    before = _answers_snapshot(assessment)
    existing = {a.question_id: a for a in assessment.answers}
    for question in questions:
        score, comment = answers.get(question.id, (None, ""))
        answer = existing.get(question.id)
        if answer is None:
            answer = AssessmentAnswer(question=question)
            assessment.answers.append(answer)
        answer.score, answer.comment = score, (comment or "").strip()
    if submit:
        assessment.status, assessment.submitted_at = "submitted", utcnow()
        assessment.submitted_by_id = getattr(by, "id", None)
    _commit_audited(assessment, before, by)


def return_assessment(assessment: Assessment, version: int | None, comment: str, by) -> None:
    """Staff send a submitted assessment back with comments; the chamber can then change and resubmit it."""
    if assessment.status != "submitted":
        raise ProfileError(_l("Only a submitted self-assessment can be returned."))
    if not (comment or "").strip():
        raise ProfileError(_l("Say what should change."), "comment")
    if version != assessment.version:
        raise StaleEdit(_l("The self-assessment changed meanwhile; reload it."), "comment")
    before = _answers_snapshot(assessment)
    assessment.status, assessment.reviewer_comment = "returned", comment.strip()
    assessment.returned_at, assessment.returned_by_id = utcnow(), getattr(by, "id", None)
    _commit_audited(assessment, before, by)


def _commit_audited(assessment: Assessment, before: dict, by) -> None:
    assessment.updated_at = utcnow()  # bumps the version even when only answers changed
    with unit_of_work(stale=StaleEdit(_l("Someone saved this self-assessment meanwhile; reload it."))):
        db.session.flush()
        record_change("update", assessment, before=before, after=_answers_snapshot(assessment), by=by)


@dataclass
class Capacity:
    """A chamber's category scores per year beside its region's and income group's medians (None: withheld)."""

    years: list[int]
    categories: list[str]
    own: dict
    region: dict
    income: dict


def capacity_for(chamber) -> Capacity:
    """The chamber's category scores per submitted year beside the medians of its M49 region and of the income group
    it was in that year (None where fewer than queries.MIN_GROUP chambers answered)."""
    own = {(r.year, r.category): r.score for r in queries.chamber_category_scores(chamber.id)}
    country = chamber.country
    region = {(m.year, m.category): m.median for m in queries.category_medians("region")
              if m.group == country.m49_region}
    then = queries.income_groups_by_year(country)  # each round beside the group the country was in that year
    income = {(m.year, m.category): m.median for m in queries.category_medians("income_group")
              if m.group == then.get(m.year, country.income_group or "")}
    categories = list(db.session.scalars(select(AssessmentCategory.label).order_by(AssessmentCategory.position)))
    return Capacity(sorted({y for y, _ in own}), categories, own, region, income)


QUESTION_FIELDS = ("category_id", "code", "text", "scale", "position", "active")


def all_questions() -> list[AssessmentQuestion]:
    """Every question, asked or not, in category then question order (the admin's editor)."""
    stmt = (select(AssessmentQuestion).join(AssessmentQuestion.category)
            .order_by(AssessmentCategory.position, AssessmentQuestion.position, AssessmentQuestion.id))
    return list(db.session.scalars(stmt))


def category_choices() -> list[tuple[str, str]]:
    """(id, label) of the categories, for the question form."""
    stmt = select(AssessmentCategory.id, AssessmentCategory.label).order_by(AssessmentCategory.position)
    return [(str(i), label) for i, label in db.session.execute(stmt)]


def get_question_or_404(question_id: int) -> AssessmentQuestion:
    return db.get_or_404(AssessmentQuestion, question_id)


def save_question(question: AssessmentQuestion | None, data: dict, by) -> AssessmentQuestion:
    """Create or change a question (admins); its scale must read "0 = none | 1 = planned | ...", codes unique."""
    category_id = parse_id(data.get("category"))
    category = db.session.get(AssessmentCategory, category_id) if category_id is not None else None
    if category is None:
        raise ProfileError(_l("Choose a category."), "category")
    probe = AssessmentQuestion(scale=data.get("scale") or "")
    if len(probe.scale_choices) < 2:
        raise ProfileError(_l('Write the scale as "0 = none | 1 = planned | ...", at least two steps.'), "scale")
    before = snapshot(question, QUESTION_FIELDS) if question else None
    with unit_of_work(conflict=ProfileError(_l("Another question has this code."), "code")):
        if question is None:
            question = AssessmentQuestion()
            db.session.add(question)
        question.category_id, question.code = category.id, data["code"].strip()
        question.text, question.scale = data["text"].strip(), data["scale"].strip()
        question.position, question.active = data.get("position") or 0, data.get("active") == "1"
        db.session.flush()
        record_change("update" if before else "create", question, before=before,
                      after=snapshot(question, QUESTION_FIELDS), by=by)
    return question


def get_category_or_404(category_id: int) -> AssessmentCategory:
    return db.get_or_404(AssessmentCategory, category_id)


def save_category(category: AssessmentCategory, label: str, position: int | None, by) -> None:
    """Rename or reorder a category (admins); its questions and past answers stay with it."""
    label = (label or "").strip()
    if not label:
        raise ProfileError(_l("Give the category a name."), "label")
    before = snapshot(category, ("label", "position"))
    with unit_of_work():
        category.label, category.position = label, position if position is not None else category.position
        record_change("update", category, before=before, after=snapshot(category, ("label", "position")), by=by)


def list_categories() -> list[AssessmentCategory]:
    """The categories in their order."""
    return list(db.session.scalars(select(AssessmentCategory).order_by(AssessmentCategory.position)))
