"""Translations of the data admins write (area labels, self-assessment categories, questions and their scales), one
row per text and language; English stays in the data's own column and is what a reader gets where a language has
no translation yet (marked lang="en" on the page)."""

from __future__ import annotations

import datetime as dt

from flask import g, has_app_context
from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint, and_, column, select, table
from sqlalchemy.orm import Mapped, mapped_column

from parliament_tracker.audit import record_change
from parliament_tracker.database import one_of, unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.localised import locale_code

# "<table>.<column>" of every translatable text
SUBJECTS = ("activity_areas.label", "assessment_categories.label", "assessment_questions.text",
            "assessment_questions.scale", "organisations.name", "organisations.short_name")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ContentTranslation(db.Model):
    """The text of one translatable column of one row in one language."""

    __tablename__ = "content_translations"
    __table_args__ = (UniqueConstraint("subject", "row_id", "locale"), one_of("subject", SUBJECTS, "subject_known"))

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    locale: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    @property
    def audit_label(self) -> str:
        return f"{self.subject} {self.row_id} ({self.locale})"


def translations_of(subject: str, locale: str | None = None) -> dict[int, str]:
    """{row id: text} of a subject in a language (the request's by default): one select per subject and request."""
    locale = locale or locale_code()
    if locale == "en":
        return {}
    key = f"translations:{subject}:{locale}"
    found = g.get(key) if has_app_context() else None
    if found is None:
        found = dict(db.session.execute(select(ContentTranslation.row_id, ContentTranslation.text).where(
            ContentTranslation.subject == subject, ContentTranslation.locale == locale)).all())
        if has_app_context():
            setattr(g, key, found)
    return found


def translated(subject: str, row_id: int, english: str) -> tuple[str, str]:
    """(text, its language) of a row's column for the request's language, the English text where none is written."""
    locale = locale_code()
    text = translations_of(subject, locale).get(row_id)
    return (text, locale) if text else (english, "en")


def by_english(subject: str) -> dict[str, str]:
    """{English text: text in the request's language} of a subject, for rows that carry the English text rather
    than the row (the profile's and the dashboards' grouped rows): one select per subject and request."""
    locale = locale_code()
    if locale == "en":
        return {}
    key = f"by_english:{subject}:{locale}"
    found = g.get(key) if has_app_context() else None
    if found is None:
        table_name, column_name = subject.split(".")
        source = table(table_name, column("id"), column(column_name))
        found = dict(db.session.execute(
            select(source.c[column_name], ContentTranslation.text).join(ContentTranslation, and_(
                ContentTranslation.row_id == source.c.id, ContentTranslation.subject == subject,
                ContentTranslation.locale == locale))).all())
        if has_app_context():
            setattr(g, key, found)
    return found


def in_language(english: str | None, subject: str) -> str:
    """An English text of a subject in the request's language, itself where it has no translation."""
    return by_english(subject).get(english, english) if english else ""


def translations_for(subject: str, row_id: int) -> dict[str, str]:
    """{locale: text} of every language written for one row's column (the admin's translation form)."""
    stmt = select(ContentTranslation.locale, ContentTranslation.text).where(
        ContentTranslation.subject == subject, ContentTranslation.row_id == row_id)
    return dict(db.session.execute(stmt).all())


def save_translations(subject: str, row_id: int, texts: dict[str, str], by) -> None:
    """Write a row's column in each language given (an empty text removes that language's, so readers get the
    English again); audited per language changed. Joins the caller's transaction when there is one."""
    with unit_of_work():
        existing = {t.locale: t for t in db.session.scalars(select(ContentTranslation).where(
            ContentTranslation.subject == subject, ContentTranslation.row_id == row_id))}
        for locale, text in texts.items():
            text, row = (text or "").strip(), existing.get(locale)
            before = {"text": row.text} if row else None
            if row and not text:
                record_change("delete", row, before=before, after=None, by=by)
                db.session.delete(row)
            elif text and row is None:
                row = ContentTranslation(subject=subject, row_id=row_id, locale=locale, text=text)
                db.session.add(row)
                record_change("create", row, before=None, after={"text": text}, by=by)
            elif text and row.text != text:
                row.text = text
                record_change("update", row, before=before, after={"text": text}, by=by)
