"""Synthetic demo self-assessments for the demo history: every one carries a [Demo] reviewer comment."""

from __future__ import annotations

import random

from sqlalchemy import delete, select

from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import Assessment, AssessmentAnswer, AssessmentQuestion

DEMO_MARK = "[Demo] synthetic answers"
SURVEY_YEARS = (2008, 2010, 2012)
# Typical maturity (0-4) by income group: the divide the World e-Parliament Reports describe.
BASE_SCORE = {"high": 3.0, "upper_middle": 2.3, "lower_middle": 1.7, "low": 1.1, None: 1.5}


def load_demo_assessments(seed: int = 2008) -> int:
    """Submitted self-assessments for about two chambers in three, in the survey years; returns how many."""
    rng = random.Random(seed)
    questions = list(db.session.scalars(select(AssessmentQuestion).where(AssessmentQuestion.active.is_(True))))
    rows = db.session.execute(select(Chamber.id, Country.income_group).join(Chamber.country)
                              .where(Chamber.status == "active").order_by(Chamber.code)).all()
    taken = set(db.session.execute(select(Assessment.chamber_id, Assessment.year)).tuples())
    assessments = []
    for chamber_id, income in rows:
        if rng.random() > 0.65:
            continue
        for step, year in enumerate(SURVEY_YEARS):
            if (chamber_id, year) in taken:
                continue
            level = BASE_SCORE.get(income, 1.5) + 0.3 * step
            answers = [AssessmentAnswer(question_id=q.id, score=max(0, min(4, round(rng.gauss(level, 0.8)))))
                       for q in questions]
            assessments.append(Assessment(chamber_id=chamber_id, year=year, status="submitted",
                                          reviewer_comment=DEMO_MARK, answers=answers))
    with unit_of_work():
        db.session.add_all(assessments)
    return len(assessments)


def clear_demo_assessments() -> int:
    """Delete exactly the demo self-assessments (their answers go with them)."""
    ids = select(Assessment.id).where(Assessment.reviewer_comment == DEMO_MARK)
    with unit_of_work():
        db.session.execute(delete(AssessmentAnswer).where(AssessmentAnswer.assessment_id.in_(ids)))
        count = db.session.execute(delete(Assessment).where(Assessment.reviewer_comment == DEMO_MARK)).rowcount
    return count
