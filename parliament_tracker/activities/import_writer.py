"""Committing a previewed import: all rows in one transaction with their audit records, or nothing at all."""

from __future__ import annotations

from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import insert, select, update

from parliament_tracker.activities.aliases import remember_choices
from parliament_tracker.activities.imports import ImportReport, preview_import
from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.activities.services import activity_snapshot
from parliament_tracker.audit import AuditRecord, jsonable, utcnow
from parliament_tracker.database import unit_of_work
from parliament_tracker.donors.models import Donor
from parliament_tracker.extensions import db


class ImportConflict(ValueError):
    """Someone else wrote the same activities at the same moment; nothing of this import was written."""


class ImportRefused(ValueError):
    """The file has errors or ambiguous rows (or cannot be read); nothing was written."""

    def __init__(self, report: ImportReport):
        super().__init__(report.file_error or _("%(e)s rows in error and %(a)s ambiguous rows: nothing was imported.",
                                                e=report.summary.errors, a=report.summary.ambiguous))
        self.report = report


# Rows written per INSERT while committing: memory stays bounded whatever the file size.
WRITE_BATCH = 2_000


class _Audits(list):
    """Audit rows waiting to be inserted; written in batches inside the import's single transaction."""

    written = 0

    def flush(self, force: bool = False) -> None:
        if self and (force or len(self) >= WRITE_BATCH):
            db.session.execute(insert(AuditRecord), list(self))
            self.written += len(self)
            self.clear()


def _audit(rows: _Audits, user_id, entity_type: str, entity_id, label: str, action: str, before, after) -> None:
    rows.append({"user_id": user_id, "entity_type": entity_type, "entity_id": entity_id, "entity_label": label[:300],
                 "action": action, "before": before, "after": after, "note": "spreadsheet import", "at": utcnow()})
    rows.flush()


def _donors(report: ImportReport, user_id, audits: _Audits) -> dict[str, Donor]:
    """The donors the activities name; only those a person chose to create are created (never silently)."""
    names = sorted({n for g in report.groups.values() for n in g.cells.donors})
    to_create = {n for g in report.groups.values() for n in g.cells.new_donors}
    found = {d.name: d for d in db.session.scalars(select(Donor).where(Donor.name.in_(names)))} if names else {}
    for name in names:
        if name not in found:
            if name not in to_create:
                raise ImportConflict(_("The donor %(d)s was removed while this file was imported; nothing was "
                                       "written. Check the file again.", d=name))
            found[name] = Donor(name=name)
            db.session.add(found[name])
            db.session.flush()
            _audit(audits, user_id, "donors", found[name].id, name, "create", None, {"name": name})
    return found


def _write_activities(report: ImportReport, user_id, audits: _Audits) -> None:
    areas = {a.code: a for a in db.session.scalars(select(ActivityArea))}
    donors = _donors(report, user_id, audits)
    created, updated = [], []
    for ref, group in report.groups.items():
        if group.activity is not None and not group.changed:
            continue
        activity = group.activity or Activity(ref=ref, description="", outcomes="", partners="")
        before = activity_snapshot(activity) if group.activity is not None else None
        cells = group.cells
        activity.title, activity.area, activity.activity_type = cells.title, areas[cells.area_code], cells.activity_type
        activity.start_date, activity.end_date = cells.start_date, cells.end_date
        if cells.venue or group.activity is None:
            activity.venue, activity.online = cells.venue, cells.online
        if cells.donors:
            activity.donors = [donors[n] for n in cells.donors]
        if group.activity is None:
            db.session.add(activity)
            group.activity = activity
            created.append(activity)
        else:
            updated.append((activity, before))
    db.session.flush()
    for activity in created:
        _audit(audits, user_id, "activities", activity.id, activity.title, "create", None, activity_snapshot(activity))
    for activity, before in updated:
        _audit(audits, user_id, "activities", activity.id, activity.title, "update", before,
               activity_snapshot(activity))


def _insert_participations(new: list[dict], codes: dict[int, str], user_id, audits: _Audits) -> None:
    if not new:
        return
    ids = list(db.session.scalars(insert(Participation).returning(Participation.id, sort_by_parameter_order=True),
                                  new))
    for pid, row in zip(ids, new, strict=True):
        after = {k: jsonable(v) for k, v in row.items()} | {"chamber": codes[row["chamber_id"]]}
        _audit(audits, user_id, "participations", pid, f"{codes[row['chamber_id']]} in activity "
               f"{row['activity_id']}", "create", None, after)


def _write_participations(report: ImportReport, codes: dict[int, str], user_id, audits: _Audits) -> None:
    new, changed = [], []
    for group in report.groups.values():
        activity_id = group.activity.id
        for chamber_id, (outcome, participants, women) in group.chambers.items():
            values = {"participants": participants, "women": women}
            if outcome.status == "create":
                new.append({"activity_id": activity_id, "chamber_id": chamber_id, "role": "beneficiary",
                            "status": "claimed", "status_note": "", **values})
                if len(new) >= WRITE_BATCH:
                    _insert_participations(new, codes, user_id, audits)
                    new = []
            elif outcome.status == "update" and (current := report.existing.get((activity_id, chamber_id))):
                values = {k: v if v is not None else getattr(current, k) for k, v in values.items()}
                before = {"participants": current.participants, "women": current.women}
                if values != before:  # the version is checked and moved on: an edit form opened before is refused
                    changed.append({"id": current.id, "version": current.version, **values})
                    _audit(audits, user_id, "participations", current.id, f"{codes[chamber_id]} in activity "
                           f"{activity_id}", "update", before, values)
    _insert_participations(new, codes, user_id, audits)
    if changed:
        db.session.execute(update(Participation), changed)


def commit_import(path: Path, filename: str, *, excluded=(), choices=(), remember: bool = True, by=None,
                  max_rows: int = 100_000) -> ImportReport:
    """Check the file again (with the choices given) and write it in one transaction, with the choices it used
    saved as aliases unless remember is false; ImportRefused (nothing written) when any row is in error or
    ambiguous. Re-importing the same file writes nothing: every row is unchanged."""
    report = preview_import(path, filename, excluded=excluded, choices=choices, max_rows=max_rows)
    user_id = by.id if by is not None and getattr(by, "is_authenticated", False) else None
    codes = {o_id: o.chamber for g in report.groups.values() for o_id, (o, _p, _w) in g.chambers.items()}
    audits = _Audits()
    conflict = ImportConflict(_("Another change to the same activities was saved while this file was imported; "
                                "nothing was written. Check the file again."))
    with unit_of_work(conflict=conflict):
        if not report.ok:
            raise ImportRefused(report)
        _write_activities(report, user_id, audits)
        _write_participations(report, codes, user_id, audits)
        if remember:
            resolver = report.resolver
            used = [c for key, c in resolver.used.items() if resolver.choices.get(key) is c]
            report.remembered = remember_choices(used, by if user_id is not None else None)
        if audits or audits.written:
            summary = {k: v for k, v in vars(report.summary).items() if not k.startswith("_")}
            _audit(audits, user_id, "imports", None, filename, "import", None, summary)
            audits.flush(force=True)
    report.committed = True
    return report
