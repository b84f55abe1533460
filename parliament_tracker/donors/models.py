"""A donor funding activities (the table activities and donor accounts point at)."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from parliament_tracker.extensions import db


class Donor(db.Model):
    __tablename__ = "donors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def audit_label(self) -> str:
        return self.name
