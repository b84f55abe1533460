"""Each user's choice of notices, and when their last digest was made."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.extensions import db

# kind of notice -> roles it is for; every kind is on until the user switches it off.
NOTICE_KINDS = {
    "records": ("parliament",),  # new or changed records of their chambers, to confirm
    "reports": ("admin", "staff"),  # new disputes and missing-activity reports
    "resolutions": ("parliament",),  # the answer to a dispute or report they made
}


class NoticePreference(db.Model):
    __tablename__ = "notice_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    records: Mapped[bool] = mapped_column(Boolean, default=True)
    reports: Mapped[bool] = mapped_column(Boolean, default=True)
    resolutions: Mapped[bool] = mapped_column(Boolean, default=True)
    # The audit records after this moment go into the next digest.
    last_digest_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    user = relationship("User")

    @property
    def audit_label(self) -> str:
        return f"notices of user {self.user_id}"


def kinds_for(role: str) -> tuple[str, ...]:
    return tuple(kind for kind, roles in NOTICE_KINDS.items() if role in roles)
