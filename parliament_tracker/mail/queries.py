"""What the outbox holds, for the admins' page."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select

from parliament_tracker.extensions import db
from parliament_tracker.mail.models import STATUSES, OutboxMessage


class OutboxRow(NamedTuple):
    id: int
    created_at: object
    kind: str
    recipient: str
    subject: str
    status: str
    attempts: int
    last_error: str
    next_attempt_at: object
    sent_at: object


def outbox_counts() -> dict[str, int]:
    """Messages per status, every status present (zero when none)."""
    rows = db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
    return {status: 0 for status in STATUSES} | dict(rows.all())


def outbox_messages(status: str | None = None, limit: int = 200) -> list[OutboxRow]:
    """The latest messages (of one status), newest first; the bodies are not read: they may hold a link."""
    stmt = select(OutboxMessage.id, OutboxMessage.created_at, OutboxMessage.kind, OutboxMessage.recipient,
                  OutboxMessage.subject, OutboxMessage.status, OutboxMessage.attempts, OutboxMessage.last_error,
                  OutboxMessage.next_attempt_at, OutboxMessage.sent_at)
    if status:
        stmt = stmt.where(OutboxMessage.status == status)
    stmt = stmt.order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc()).limit(limit)
    return [OutboxRow(*row) for row in db.session.execute(stmt)]
