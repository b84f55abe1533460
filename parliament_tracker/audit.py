"""The audit trail: one record per change, written in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.extensions import db


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class AuditRecord(db.Model):
    __tablename__ = "audit_records"
    __table_args__ = (
        Index("ix_audit_records_entity", "entity_type", "entity_id"),
        Index("ix_audit_records_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    entity_label: Mapped[str] = mapped_column(String(300), default="")
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)

    user = relationship("User", lazy="joined")

    @property
    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict:
    """The named attributes of obj as a JSON-safe dict, for before/after values."""
    return {name: jsonable(getattr(obj, name)) for name in fields}


def record_change(action: str, entity: Any, *, before: dict | None, after: dict | None,
                  by: Any = None, note: str | None = None) -> AuditRecord:
    """Add an audit record to the current session; the caller's commit writes it with the change."""
    if action == "update" and before == after:
        return None
    if entity.id is None:
        db.session.flush()
    user_id = getattr(by, "id", None) if by is not None and getattr(by, "is_authenticated", False) else None
    record = AuditRecord(
        user_id=user_id,
        entity_type=entity.__tablename__,
        entity_id=entity.id,
        entity_label=str(getattr(entity, "audit_label", entity))[:300],
        action=action,
        before=before,
        after=after,
        note=note,
    )
    db.session.add(record)
    return record
