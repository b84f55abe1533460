"""User accounts, their roles and the chambers or organisation they speak for."""

from __future__ import annotations

import datetime as dt

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship, synonym

from parliament_tracker.audit import utcnow
from parliament_tracker.database import one_of
from parliament_tracker.extensions import db

ROLES = ("admin", "staff", "parliament", "donor")

user_chambers = Table(
    "user_chambers",
    db.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("chamber_id", ForeignKey("chambers.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (one_of("role", ROLES, "role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # staff: the organisation they work for (its activities are theirs to edit); donor accounts: the organisation
    # whose funded work they follow. None for a parliament's correspondent and for an installation admin.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                        index=True)
    # manages the staff accounts of their own organisation (an admin manages every organisation's)
    is_org_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Part of every session cookie; raising it (end_sessions) makes every cookie issued before invalid.
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The language of the mail they receive (one of LANGUAGES); None is the default language.
    locale: Mapped[str | None] = mapped_column(String(10))

    chambers = relationship("Chamber", secondary=user_chambers, lazy="selectin", order_by="Chamber.code")
    organisation = relationship("Organisation", lazy="joined")
    # a donor account's organisation is the donor whose funded work it follows
    donor = synonym("organisation")
    donor_id = synonym("organisation_id")

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and remember cookies: the id and the session generation."""
        return f"{self.id}:{self.session_generation or 0}"

    @property
    def audit_label(self) -> str:
        return self.email

    @property
    def chamber_ids(self) -> set[int]:
        return {c.id for c in self.chambers}

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class ApiToken(db.Model):
    """A personal API token: only its SHA-256 is stored; the token itself is shown once, when created."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    user = relationship("User", lazy="joined")

    def usable(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
