"""The admin's editor of the self-assessment categories and questions (data: a new survey round needs no release)."""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import role_required
from parliament_tracker.pages import form_page
from parliament_tracker.profiles import assessments, question_texts
from parliament_tracker.profiles.forms import (
    CATEGORY_TRANSLATION,
    QUESTION_TRANSLATION,
    CategoryForm,
    QuestionForm,
    translation_form_class,
)
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


def _translation_page(fields, item, current: dict, save, title: str, english: dict):
    form_class = translation_form_class(fields, question_texts.other_languages())
    form = form_class(data=current) if request.method == "GET" else form_class()
    return form_page(form, lambda: save(item, form.data, by=current_user), "profiles/translation_form.html",
                     title=title, english=english, languages=question_texts.other_languages(),
                     columns=list(fields), saved=(_("Translations saved."), url_for("profiles.questions")))


@bp.route("/questions/<int:question_id>/translations", methods=["GET", "POST"])
@role_required("admin")
def question_translations(question_id: int):
    """The question's text and scale in each language besides English."""
    question = assessments.get_question_or_404(question_id)
    return _translation_page(QUESTION_TRANSLATION, question, question_texts.question_translations(question),
                             question_texts.save_question_translations,
                             _("Translations of question %(code)s", code=question.code),
                             {"text": question.text, "scale": question.scale})


@bp.route("/categories/<int:category_id>/translations", methods=["GET", "POST"])
@role_required("admin")
def category_translations(category_id: int):
    """The category's name in each language besides English."""
    category = assessments.get_category_or_404(category_id)
    return _translation_page(CATEGORY_TRANSLATION, category, question_texts.category_translations(category),
                             question_texts.save_category_translations,
                             _("Translations of category %(label)s", label=category.label), {"label": category.label})
