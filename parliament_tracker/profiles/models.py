"""Profile data a chamber keeps itself: contacts, reports on its record, feedback and ICT self-assessments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.audit import utcnow
from parliament_tracker.database import one_of
from parliament_tracker.extensions import db

REPORT_KINDS = ("dispute", "missing")
REPORT_STATUSES = ("open", "accepted", "corrected", "rejected")
ASSESSMENT_STATUSES = ("draft", "submitted", "returned")


class ChamberContact(db.Model):
    """A contact person a chamber's own account keeps for the centre."""

    __tablename__ = "chamber_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    chamber_id: Mapped[int] = mapped_column(ForeignKey("chambers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(50), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optimistic locking: an edit based on an older version is refused (409), never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1)

    chamber = relationship("Chamber")

    __mapper_args__ = {"version_id_col": version}

    @property
    def audit_label(self) -> str:
        return f"{self.name} ({self.chamber.code if self.chamber else self.chamber_id})"


class ParticipationReport(db.Model):
    """A parliament's dispute of a participation record, or its report of a missing one, and its resolution."""

    __tablename__ = "participation_reports"
    __table_args__ = (
        one_of("kind", REPORT_KINDS, "kind_known"),
        one_of("status", REPORT_STATUSES, "status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    chamber_id: Mapped[int] = mapped_column(ForeignKey("chambers.id", ondelete="CASCADE"), index=True)
    # Kept when an accepted dispute removes the participation, so the report still says which activity.
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id", ondelete="SET NULL"))
    participation_id: Mapped[int | None] = mapped_column(ForeignKey("participations.id", ondelete="SET NULL"))
    missing_activity: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    chamber = relationship("Chamber", lazy="joined")
    activity = relationship("Activity", lazy="joined")
    participation = relationship("Participation")
    created_by = relationship("User", foreign_keys=[created_by_id])
    resolved_by = relationship("User", foreign_keys=[resolved_by_id])

    @property
    def audit_label(self) -> str:
        return f"{self.kind} report by {self.chamber.code if self.chamber else self.chamber_id}"


class Feedback(db.Model):
    """A chamber's rating of an activity it took part in, and the follow-up it asks for."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("activity_id", "chamber_id"),
        CheckConstraint("usefulness BETWEEN 1 AND 5", name="usefulness_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    chamber_id: Mapped[int] = mapped_column(ForeignKey("chambers.id", ondelete="CASCADE"), index=True)
    usefulness: Mapped[int] = mapped_column(Integer)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    activity = relationship("Activity", lazy="joined")
    chamber = relationship("Chamber", lazy="joined")

    @property
    def audit_label(self) -> str:
        return f"feedback of {self.chamber.code if self.chamber else self.chamber_id} on {self.activity_id}"


class AssessmentCategory(db.Model):
    """A category of the ICT self-assessment (World e-Parliament Report categories); data, edited by admins."""

    __tablename__ = "assessment_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    questions = relationship("AssessmentQuestion", back_populates="category",
                             order_by="AssessmentQuestion.position")

    @property
    def audit_label(self) -> str:
        return self.label


class AssessmentQuestion(db.Model):
    """One question, answered on its stated scale ("0 = none | 1 = planned | ..."); inactive ones are not asked."""

    __tablename__ = "assessment_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("assessment_categories.id", ondelete="RESTRICT"),
                                             index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(Text)
    scale: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    category = relationship("AssessmentCategory", back_populates="questions", lazy="joined")

    @property
    def scale_choices(self) -> list[tuple[int, str]]:
        """The scale as (score, label) pairs, parsed from "0 = none | 1 = planned"."""
        pairs = []
        for part in self.scale.split("|"):
            score, _, label = part.partition("=")
            if score.strip().isdigit():
                pairs.append((int(score.strip()), label.strip()))
        return pairs

    @property
    def audit_label(self) -> str:
        return self.code


class Assessment(db.Model):
    """A chamber's self-assessment for one year: draft, then submitted; staff may return it for changes."""

    __tablename__ = "assessments"
    __table_args__ = (
        UniqueConstraint("chamber_id", "year"),
        one_of("status", ASSESSMENT_STATUSES, "status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chamber_id: Mapped[int] = mapped_column(ForeignKey("chambers.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)
    reviewer_comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    returned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optimistic locking: a save based on an older version is refused, never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1)

    chamber = relationship("Chamber", lazy="joined")
    answers = relationship("AssessmentAnswer", back_populates="assessment", cascade="all, delete-orphan",
                           lazy="selectin")

    __mapper_args__ = {"version_id_col": version}

    @property
    def editable(self) -> bool:
        return self.status in ("draft", "returned")

    @property
    def audit_label(self) -> str:
        return f"{self.chamber.code if self.chamber else self.chamber_id} {self.year}"


class AssessmentAnswer(db.Model):
    __tablename__ = "assessment_answers"
    __table_args__ = (
        UniqueConstraint("assessment_id", "question_id"),
        CheckConstraint("score IS NULL OR score >= 0", name="score_nonneg"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("assessment_questions.id", ondelete="RESTRICT"),
                                             index=True)
    score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")

    assessment = relationship("Assessment", back_populates="answers")
    question = relationship("AssessmentQuestion", lazy="joined")
