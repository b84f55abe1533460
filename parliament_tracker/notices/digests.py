"""The daily digest: what the audit trail recorded since each user's last digest that concerns them.

Every change is audited in the transaction that makes it, so the trail is the one place to read "what happened
since"; the digests and the new `last_digest_at` of each user are committed together with the queued messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import column, select, table

from parliament_tracker.activities.models import Activity
from parliament_tracker.audit import AuditRecord, utcnow
from parliament_tracker.auth.models import User
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.mail.outbox import queue_message
from parliament_tracker.mail.render import public_url, render_mail
from parliament_tracker.notices.models import NoticePreference, kinds_for

# A digest never reaches further back than this (a cron job that stopped for a month sends one week).
LOOKBACK = dt.timedelta(days=7)
ENTITY_TYPES = ("participations", "participation_reports")
# The reports' activities, named rather than imported: notices reads the profiles feature's table without depending
# on it (the feature graph has no notices -> profiles arrow), as it reads the audit trail.
_reports = table("participation_reports", column("id"), column("activity_id"))


@dataclass
class Digest:
    records: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    resolutions: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.records or self.reports or self.resolutions)


def _chamber_of(record: AuditRecord) -> str:
    data = record.after or record.before or {}
    if data.get("chamber"):
        return data["chamber"]
    # Every writer labels a participation "<code> in activity <id>" and a report "<kind> report by <code>".
    label = record.entity_label or ""
    return label.split(" in activity ")[0] if record.entity_type == "participations" else label.rsplit(" ", 1)[-1]


def _activity_of(record: AuditRecord) -> int | None:
    data = record.after or record.before or {}
    value = data.get("activity_id") or (record.entity_label or "").rsplit(" ", 1)[-1]
    return int(value) if str(value).isdigit() else None


def _is_resolution(record: AuditRecord) -> bool:
    return (record.entity_type == "participation_reports" and record.action == "update"
            and (record.before or {}).get("status") == "open" and (record.after or {}).get("status") != "open")


def _context(records: list[AuditRecord]) -> tuple[dict, dict]:
    """Titles of the activities named, and who made each resolved report (its create record's author)."""
    activity_ids = {a for r in records if r.entity_type == "participations" and (a := _activity_of(r))}
    titles = dict(db.session.execute(select(Activity.id, Activity.title).where(Activity.id.in_(activity_ids))).all()
                  ) if activity_ids else {}
    resolved = {r.entity_id for r in records if _is_resolution(r)}
    authors = dict(db.session.execute(select(AuditRecord.entity_id, AuditRecord.user_id).where(
        AuditRecord.entity_type == "participation_reports", AuditRecord.action == "create",
        AuditRecord.entity_id.in_(resolved))).all()) if resolved else {}
    return titles, authors


def _leads(records: list[AuditRecord]) -> dict[int, int | None]:
    """{report id: the organisation leading the disputed activity, None for a report of a missing activity}
    of the reports named (one statement); a report no longer stored is absent."""
    ids = {r.entity_id for r in records if r.entity_type == "participation_reports"}
    if not ids:
        return {}
    stmt = (select(_reports.c.id, Activity.lead_organisation_id)
            .outerjoin(Activity, Activity.id == _reports.c.activity_id).where(_reports.c.id.in_(ids)))
    return dict(db.session.execute(stmt).all())


def _routed_to(user: User, record: AuditRecord, leads: dict[int, int | None]) -> bool:
    """Whether a report's record reaches user, by the rule of the staff queue (profiles.disputes.routed_to): a
    dispute the staff of the organisation that leads the disputed activity, a report of a missing activity the
    home organisation's staff; an admin (and the parliament account whose report was answered) every one."""
    if user.role != "staff":
        return True
    if record.entity_id not in leads:
        return False
    lead = leads[record.entity_id]
    if lead is None:
        return bool(user.organisation is not None and user.organisation.is_home)
    return lead == user.organisation_id


def _index(records: list[AuditRecord]) -> tuple[dict, list]:
    """Participation records by chamber code, and the report records: each user reads only their share."""
    by_chamber, reports = {}, []
    for record in records:
        if record.entity_type == "participations":
            by_chamber.setdefault(_chamber_of(record), []).append(record)
        else:
            reports.append(record)
    return by_chamber, reports


def _digest_for(user: User, wanted: set[str], since: dt.datetime, indexed: tuple[dict, list], titles: dict,
                authors: dict, leads: dict) -> Digest:
    digest, (by_chamber, reports) = Digest(), indexed
    mine = [r for c in user.chambers for r in by_chamber.get(c.code, ())] if "records" in wanted else []
    for record in sorted(mine, key=lambda r: (r.at, r.id)):
        if record.at > since and record.user_id != user.id:  # nobody is told of what they did themself
            activity = _activity_of(record)
            digest.records.append({"chamber": _chamber_of(record), "action": record.action,
                                   "title": titles.get(activity, ""), "activity": activity,
                                   "fields": [f for f in record.changed_fields if f != "chamber"]})
    for record in reports if wanted & {"reports", "resolutions"} else ():
        if record.at <= since or record.user_id == user.id or not _routed_to(user, record, leads):
            continue
        after = record.after or {}
        if record.action == "create" and "reports" in wanted:
            digest.reports.append({"chamber": _chamber_of(record), "kind": after.get("kind"),
                                   "text": after.get("note") or after.get("missing_activity") or ""})
        elif _is_resolution(record) and "resolutions" in wanted and authors.get(record.entity_id) == user.id:
            digest.resolutions.append({"chamber": _chamber_of(record), "kind": after.get("kind"),
                                       "decision": after.get("status"), "note": after.get("resolution_note", "")})
    return digest


def _recipients(now: dt.datetime) -> list[tuple[User, NoticePreference, dt.datetime]]:
    users = db.session.scalars(select(User).where(User.active.is_(True), User.role.in_(("admin", "staff",
                                                                                         "parliament"))))
    prefs = {p.user_id: p for p in db.session.scalars(select(NoticePreference))}
    found = []
    for user in users:
        pref = prefs.get(user.id)
        if pref is None:
            pref = NoticePreference(user_id=user.id, records=True, reports=True, resolutions=True)
            db.session.add(pref)
        since = max(pref.last_digest_at or user.created_at or now, now - LOOKBACK)
        found.append((user, pref, since))
    return found


def send_digests(now: dt.datetime | None = None) -> int:
    """Queue one digest per user who has something to hear of since their last digest, and move every user's
    last digest to now, in one transaction; the number of digests queued. Switched-off kinds are left out."""
    now = now or utcnow()
    with unit_of_work():  # the digests and every user's new mark, or none of them
        recipients = _recipients(now)
        if not recipients:
            return 0
        since_all = min(since for _, _, since in recipients)
        records = list(db.session.scalars(select(AuditRecord).where(
            AuditRecord.entity_type.in_(ENTITY_TYPES), AuditRecord.at > since_all, AuditRecord.at <= now)
            .order_by(AuditRecord.at, AuditRecord.id)))
        titles, authors = _context(records)
        indexed, leads = _index(records), _leads(records)
        queued = 0
        for user, pref, since in recipients:
            wanted = {kind for kind in kinds_for(user.role) if getattr(pref, kind)}
            digest = _digest_for(user, wanted, since, indexed, titles, authors, leads)
            if digest:
                _queue(user, digest)
                queued += 1
            pref.last_digest_at = now
    return queued


def _queue(user: User, digest: Digest) -> None:
    links = {"mine": public_url("profiles.mine"), "queue": public_url("profiles.queue"),
             "notices": public_url("notices.settings")}
    subject, body = render_mail("digest", user.locale, user=user, digest=digest, links=links)
    queue_message(user.email, subject, body, "digest", user=user)
