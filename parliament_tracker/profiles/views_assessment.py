"""The ICT self-assessment: a chamber's yearly questionnaire, staff review, the admin's questions, and the
public capacity page (aggregates only)."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import (
    STAFF_ROLES,
    can_edit_chamber_records,
    can_view_chamber,
    role_required,
)
from parliament_tracker.chambers.services import get_chamber_or_404
from parliament_tracker.numbers import parse_id
from parliament_tracker.pages import form_page
from parliament_tracker.profiles import assessments, question_texts
from parliament_tracker.profiles.forms import ReturnForm, StartAssessmentForm, assessment_form_class
from parliament_tracker.profiles.views import YEAR, bp
from parliament_tracker.profiles.views_selfservice import own_chamber_or_403

PRIVATE = ("admin", "staff", "parliament")


def private_chamber_or_403(code: str):
    """The chamber, when the current user may see its private data (its own accounts, staff, admin)."""
    chamber = get_chamber_or_404(code)
    if not can_view_chamber(current_user, chamber):
        abort(403)
    return chamber


@bp.get("/<code>/assessments")
@role_required(*PRIVATE)
def assessment_list(code: str):
    chamber = private_chamber_or_403(code)
    return render_template("profiles/assessments.html", chamber=chamber, form=StartAssessmentForm(),
                           assessments=assessments.chamber_assessments(chamber.id),
                           can_edit=can_edit_chamber_records(current_user, chamber))


@bp.post("/<code>/assessments")
@role_required("parliament")
def start_assessment(code: str):
    chamber = own_chamber_or_403(code)
    form = StartAssessmentForm()
    return form_page(form, lambda: assessments.start_assessment(chamber, form.year.data, by=current_user),
                     "profiles/assessments.html", chamber=chamber, can_edit=True,
                     assessments=assessments.chamber_assessments(chamber.id),
                     saved=lambda started: (None, _assessment_url(chamber, started.year)))


def _answer_form(assessment, questions):
    form = assessment_form_class([(q.id, q.text, q.scale_choices) for q in questions])()
    if not form.is_submitted():
        form.version.data = assessment.version
        for answer in assessment.answers:
            if hasattr(form, f"score_{answer.question_id}"):
                form[f"score_{answer.question_id}"].data = "" if answer.score is None else str(answer.score)
                form[f"comment_{answer.question_id}"].data = answer.comment
    return form


def _version(form) -> int | None:
    return parse_id(form.version.data)


def _assessment_url(chamber, year: int) -> str:
    return url_for("profiles.assessment", code=chamber.code, year=year)


def _score(value) -> int | None:
    return parse_id(value)


def _answers(form, questions) -> dict:
    return {q.id: (_score(form[f"score_{q.id}"].data), form[f"comment_{q.id}"].data or "") for q in questions}


def _refused_as_stale(_error) -> None:
    """A save based on an older version answers 409 (the typed answers stay in the form; the message says to
    reload): the version is not refreshed, so saving again cannot overwrite unseen answers."""


@bp.route(f"/<code>/assessments/<{YEAR}:year>", methods=["GET", "POST"])
@role_required(*PRIVATE)
def assessment(code: str, year: int):
    chamber = private_chamber_or_403(code)
    record = assessments.get_assessment_or_404(chamber, year)
    if request.method == "POST" and not can_edit_chamber_records(current_user, chamber):
        abort(403)
    questions = question_texts.shown_questions(assessments.questionnaire())
    form = _answer_form(record, questions)
    return form_page(form, lambda: assessments.save_answers(record, _version(form), _answers(form, questions),
                                                            by=current_user, submit=bool(form.submit.data)),
                     "profiles/assessment.html", chamber=chamber, assessment=record, questions=questions,
                     can_edit=can_edit_chamber_records(current_user, chamber),
                     return_form=ReturnForm(version=record.version), stale=_refused_as_stale,
                     saved=(_("Self-assessment submitted.") if form.submit.data else _("Draft saved."),
                            _assessment_url(chamber, year)))


@bp.post(f"/<code>/assessments/<{YEAR}:year>/return")
@role_required(*STAFF_ROLES)
def return_assessment(code: str, year: int):
    chamber = get_chamber_or_404(code)
    record = assessments.get_assessment_or_404(chamber, year)
    form = ReturnForm()
    questions = question_texts.shown_questions(assessments.questionnaire())
    return form_page(form, lambda: assessments.return_assessment(record, _version(form), form.comment.data,
                                                                 by=current_user),
                     "profiles/assessment.html", chamber=chamber, assessment=record, questions=questions,
                     form=_answer_form(record, questions), can_edit=False, return_form=form, stale=_refused_as_stale,
                     saved=(_("Self-assessment returned to the parliament."), _assessment_url(chamber, year)))


from parliament_tracker.profiles import views_capacity, views_questions  # noqa: E402, F401
