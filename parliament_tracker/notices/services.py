"""A user's notice settings: read them (every kind on until switched off) and save them, audited."""

from __future__ import annotations

from parliament_tracker.audit import record_change
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.notices.models import NoticePreference, kinds_for


def notice_settings(user) -> dict:
    """{kind: on} for the kinds of notice the user's role receives, plus their mail language."""
    pref = db.session.get(NoticePreference, user.id)
    return {kind: (getattr(pref, kind) if pref else True) for kind in kinds_for(user.role)} | {
        "locale": user.locale or ""}


def save_notice_settings(user, choices: dict) -> None:
    """Switch the user's notices (kinds their role does not receive are left as they are) and language."""
    with unit_of_work():
        pref = db.session.get(NoticePreference, user.id)
        if pref is None:
            pref = NoticePreference(user_id=user.id, records=True, reports=True, resolutions=True)
            db.session.add(pref)
        before = notice_settings(user)
        for kind in kinds_for(user.role):
            setattr(pref, kind, bool(choices.get(kind)))
        if "locale" in choices:
            user.locale = choices["locale"] or None
        db.session.flush()
        record_change("update", user, before=before, after=notice_settings(user), by=user, note="notice settings")
