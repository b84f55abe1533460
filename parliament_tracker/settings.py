"""Site-wide settings an admin can change, and the keys other features keep in the same table (the data
version token of `dashboards/cache.py`): one small module every feature may read."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parliament_tracker.audit import AuditRecord
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db


class Setting(db.Model):
    """A site-wide setting an admin can change (e.g. whether dashboards are public)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def get_setting(key: str, default: str) -> str:
    setting = db.session.get(Setting, key)
    return setting.value if setting else default


def put_setting(key: str, value: str, by=None) -> None:
    """Store the value; a change is audited in the same transaction."""
    with unit_of_work():
        setting = db.session.get(Setting, key)
        before = setting.value if setting else None
        if setting is None:
            setting = Setting(key=key, value=value)
            db.session.add(setting)
        setting.value = value
        db.session.flush()
        if before != value:
            db.session.add(AuditRecord(user_id=getattr(by, "id", None), entity_type="settings", entity_id=None,
                                       entity_label=key, action="update", before={key: before}, after={key: value}))


def dashboards_are_public() -> bool:
    """Whether anonymous visitors may see the coverage dashboards (on unless an admin turned it off)."""
    return get_setting("public_dashboards", "1") == "1"
