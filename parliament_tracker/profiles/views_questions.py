"""The admin's editor of the self-assessment categories and questions (data: a new survey round needs no release)."""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import role_required
from parliament_tracker.pages import form_page
from parliament_tracker.profiles import assessments
from parliament_tracker.profiles.forms import CategoryForm, QuestionForm
from parliament_tracker.profiles.views import bp


@bp.get("/questions")
@role_required("admin")
def questions():
    return render_template("profiles/questions.html", questions=assessments.all_questions(),
                           categories=assessments.list_categories())


def _question_page(question=None):
    form = QuestionForm(obj=question) if request.method == "GET" else QuestionForm()
    form.category.choices = assessments.category_choices()
    if question is not None and request.method == "GET":
        form.category.data, form.active.data = str(question.category_id), "1" if question.active else "0"
    return form_page(form, lambda: assessments.save_question(question, form.data, by=current_user),
                     "profiles/question_form.html", question=question,
                     saved=(_("Question saved."), url_for("profiles.questions")))


@bp.route("/questions/new", methods=["GET", "POST"])
@role_required("admin")
def new_question():
    return _question_page()


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit_question(question_id: int):
    return _question_page(assessments.get_question_or_404(question_id))


@bp.route("/categories/<int:category_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit_category(category_id: int):
    category = assessments.get_category_or_404(category_id)
    form = CategoryForm(obj=category) if request.method == "GET" else CategoryForm()
    return form_page(form, lambda: assessments.save_category(category, form.label.data, form.position.data,
                                                             by=current_user),
                     "profiles/category_form.html", category=category,
                     saved=(_("Category saved."), url_for("profiles.questions")))
