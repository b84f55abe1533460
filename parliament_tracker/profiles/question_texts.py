"""The self-assessment's categories, questions and scales in the reader's language (translations admins write
per language, parliament_tracker.translated), falling back to the English, marked as such, where none is written."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from parliament_tracker.database import unit_of_work
from parliament_tracker.profiles.models import AssessmentCategory, AssessmentQuestion
from parliament_tracker.profiles.services import ProfileError
from parliament_tracker.translated import save_translations, translated, translations_for


@dataclass(frozen=True)
class ShownCategory:
    id: int
    label: str
    lang: str


@dataclass(frozen=True)
class ShownQuestion:
    """A question as the page shows it: its text and scale in the reader's language (lang says which)."""

    id: int
    code: str
    text: str
    lang: str
    scale_choices: list[tuple[int, str]]
    category: ShownCategory


def _scale(question: AssessmentQuestion) -> list[tuple[int, str]]:
    """The translated scale when it has the English scale's scores, else the English one."""
    text, _lang = translated("assessment_questions.scale", question.id, question.scale)
    choices = AssessmentQuestion(scale=text).scale_choices
    english = question.scale_choices
    return choices if [s for s, _l in choices] == [s for s, _l in english] else english


def shown_questions(questions: list[AssessmentQuestion]) -> list[ShownQuestion]:
    """The questionnaire in the request's language (one select per translated column, whatever the count)."""
    categories = {}
    for q in questions:
        if q.category_id not in categories:
            label, lang = translated("assessment_categories.label", q.category_id, q.category.label)
            categories[q.category_id] = ShownCategory(q.category_id, label, lang)
    return [ShownQuestion(q.id, q.code, *translated("assessment_questions.text", q.id, q.text), _scale(q),
                          categories[q.category_id]) for q in questions]


def other_languages() -> list[str]:
    return [code for code in current_app.config["LANGUAGES"] if code != "en"]


def question_translations(question: AssessmentQuestion) -> dict[str, str]:
    """{"text_fr": ..., "scale_fr": ..., ...} of a question, for the admin's translation form."""
    texts, scales = (translations_for(f"assessment_questions.{c}", question.id) for c in ("text", "scale"))
    return {f"{c}_{locale}": found.get(locale, "") for locale in other_languages()
            for c, found in (("text", texts), ("scale", scales))}


def save_question_translations(question: AssessmentQuestion, data: dict, by) -> None:
    """Write a question's text and scale in each other language (an empty one removes it). A scale must have the
    English scale's scores in the same order, so that an answer means the same score in every language."""
    scores = [s for s, _l in question.scale_choices]
    for locale in other_languages():
        scale = (data.get(f"scale_{locale}") or "").strip()
        if scale and [s for s, _l in AssessmentQuestion(scale=scale).scale_choices] != scores:
            raise ProfileError(_l("Give the English scale's scores, in its order: %(scores)s.",
                                  scores=" | ".join(f"{s} = …" for s in scores)), f"scale_{locale}")
    with unit_of_work():
        for column in ("text", "scale"):
            save_translations(f"assessment_questions.{column}", question.id,
                              {loc: data.get(f"{column}_{loc}") or "" for loc in other_languages()}, by=by)


def category_translations(category: AssessmentCategory) -> dict[str, str]:
    found = translations_for("assessment_categories.label", category.id)
    return {f"label_{locale}": found.get(locale, "") for locale in other_languages()}


def save_category_translations(category: AssessmentCategory, data: dict, by) -> None:
    """Write a category's name in each other language (an empty one removes it)."""
    save_translations("assessment_categories.label", category.id,
                      {loc: data.get(f"label_{loc}") or "" for loc in other_languages()}, by=by)
