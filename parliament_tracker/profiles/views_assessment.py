"""The ICT self-assessment: a chamber's yearly questionnaire, staff review, the admin's questions, and the
public capacity page (aggregates only)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import (
    STAFF_ROLES,
    can_edit_chamber_records,
    can_view_chamber,
    public_unless_disabled,
    role_required,
)
from parliament_tracker.auth.services import dashboards_are_public
from parliament_tracker.chambers.services import get_chamber_or_404
from parliament_tracker.profiles import assessments, queries
from parliament_tracker.profiles.forms import ReturnForm, StartAssessmentForm, assessment_form_class
from parliament_tracker.profiles.services import ProfileError
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
    if form.validate_on_submit():
        try:
            assessment = assessments.start_assessment(chamber, form.year.data, by=current_user)
        except ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            return redirect(url_for("profiles.assessment", code=chamber.code, year=assessment.year))
    return render_template("profiles/assessments.html", chamber=chamber, form=form, can_edit=True,
                           assessments=assessments.chamber_assessments(chamber.id)), 400


def _answer_form(assessment, questions):
    form = assessment_form_class([(q.id, q.text, q.scale_choices) for q in questions])()
    if not form.is_submitted():
        form.version.data = assessment.version
        for answer in assessment.answers:
            if hasattr(form, f"score_{answer.question_id}"):
                form[f"score_{answer.question_id}"].data = "" if answer.score is None else str(answer.score)
                form[f"comment_{answer.question_id}"].data = answer.comment
    return form


def _score(value) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _answers(form, questions) -> dict:
    return {q.id: (_score(form[f"score_{q.id}"].data), form[f"comment_{q.id}"].data or "") for q in questions}


@bp.route(f"/<code>/assessments/<{YEAR}:year>", methods=["GET", "POST"])
@role_required(*PRIVATE)
def assessment(code: str, year: int):
    chamber = private_chamber_or_403(code)
    record = assessments.get_assessment_or_404(chamber, year)
    if request.method == "POST" and not can_edit_chamber_records(current_user, chamber):
        abort(403)
    questions = assessments.questionnaire()
    form = _answer_form(record, questions)
    if form.validate_on_submit():
        version = int(form.version.data) if (form.version.data or "").isdigit() else None
        try:
            assessments.save_answers(record, version, _answers(form, questions), by=current_user,
                                     submit=bool(form.submit.data))
        except ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Self-assessment submitted.") if form.submit.data else _("Draft saved."), "success")
            return redirect(url_for("profiles.assessment", code=chamber.code, year=year))
    return render_template("profiles/assessment.html", chamber=chamber, assessment=record, form=form,
                           questions=questions, can_edit=can_edit_chamber_records(current_user, chamber),
                           return_form=ReturnForm(version=record.version)), 400 if form.errors else 200


@bp.post(f"/<code>/assessments/<{YEAR}:year>/return")
@role_required(*STAFF_ROLES)
def return_assessment(code: str, year: int):
    chamber = get_chamber_or_404(code)
    record = assessments.get_assessment_or_404(chamber, year)
    form = ReturnForm()
    if form.validate_on_submit():
        version = int(form.version.data) if (form.version.data or "").isdigit() else None
        try:
            assessments.return_assessment(record, version, form.comment.data, by=current_user)
        except ProfileError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Self-assessment returned to the parliament."), "success")
            return redirect(url_for("profiles.assessment", code=chamber.code, year=year))
    questions = assessments.questionnaire()
    return render_template("profiles/assessment.html", chamber=chamber, assessment=record, questions=questions,
                           form=_answer_form(record, questions), can_edit=False, return_form=form), 400


@bp.get("/capacity")
@public_unless_disabled(dashboards_are_public)
def capacity():
    return render_template("profiles/capacity.html", minimum=queries.MIN_GROUP,
                           by_region=queries.category_medians("region"),
                           by_income=queries.category_medians("income_group"),
                           before_after=queries.scores_before_after())


from parliament_tracker.profiles import views_questions  # noqa: E402, F401
