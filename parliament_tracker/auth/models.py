"""User accounts, their roles and the chambers or donor they speak for."""

from __future__ import annotations

import datetime as dt

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.audit import utcnow
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

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donors.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The language of the mail they receive (one of LANGUAGES); None is the default language.
    locale: Mapped[str | None] = mapped_column(String(10))

    chambers = relationship("Chamber", secondary=user_chambers, lazy="selectin", order_by="Chamber.code")
    donor = relationship("Donor", lazy="joined")

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def audit_label(self) -> str:
        return self.email

    @property
    def chamber_ids(self) -> set[int]:
        return {c.id for c in self.chambers}

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"

