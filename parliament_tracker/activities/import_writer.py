"""Committing a previewed import: all rows in one transaction with their audit records, or nothing at all."""

from __future__ import annotations

from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import insert, select, update

from parliament_tracker.activities.aliases import remember_choices
from parliament_tracker.activities.import_rows import cells_of
from parliament_tracker.activities.imports import ImportReport, preview_import
from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.activities.services import ACTIVITY_FIELDS, activity_snapshot, lead_for
from parliament_tracker.audit import AuditRecord, jsonable, utcnow
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation, activity_partners
from parliament_tracker.organisations.services import set_funders


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
# Activities read from the store and written per batch.
BATCH = 500


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


def _donor_names(report: ImportReport) -> tuple[set[str], set[str]]:
    """Every donor name the activities of the file give, and those a person chose to create."""
    names, to_create = set(), set()
    for batch in report.store.group_batches(BATCH, "deleted = 0"):
        for _ref, cells, *_rest in batch:
            cells = cells_of(cells)
            names |= set(cells.donors)
            to_create |= set(cells.new_donors)
    return names, to_create


def _donors(report: ImportReport, user_id, audits: _Audits) -> dict[str, int]:
    """Donor name -> id for the donors the activities name; only those a person chose to create are created
    (never silently)."""
    names, to_create = _donor_names(report)
    found = {n: i for n, i in db.session.execute(select(Organisation.name, Organisation.id).where(Organisation.name.in_(sorted(names))))}
    for name in sorted(names - set(found)):
        if name not in to_create:
            raise ImportConflict(_("The donor %(d)s was removed while this file was imported; nothing was "
                                   "written. Check the file again.", d=name))
        donor = Organisation(name=name)
        db.session.add(donor)
        db.session.flush()
        found[name] = donor.id
        _audit(audits, user_id, "donors", donor.id, name, "create", None, {"name": name})
    return found


def _new_activity(ref: str, cells, area_id: int, lead_id: int) -> dict:
    now = utcnow()
    return {"lead_organisation_id": lead_id, "ref": ref, "title": cells.title, "area_id": area_id, "activity_type": cells.activity_type,
            "start_date": cells.start_date, "end_date": cells.end_date, "venue": cells.venue, "online": cells.online,
            "description": "", "outcomes": "", "partners": "", "is_demo": False, "created_at": now, "updated_at": now,
            "version": 1}


def _create_activities(report: ImportReport, areas, donors, lead_id: int, user_id, audits: _Audits) -> None:
    """The new activities, inserted BATCH at a time (one statement each, so the coverage aggregates are
    brought up to date once, before the commit), with their donors and audit records."""
    for batch in report.store.group_batches(BATCH, "deleted = 0 AND activity_id IS NULL"):
        groups = [(ref, cells_of(cells)) for ref, cells, *_rest in batch]
        rows = [_new_activity(ref, cells, areas[cells.area_code].id, lead_id) for ref, cells in groups]
        ids = list(db.session.scalars(insert(Activity).returning(Activity.id, sort_by_parameter_order=True), rows))
        links = [{"activity_id": i, "organisation_id": donors[n], "role": "funding"}
                 for i, (_r, c) in zip(ids, groups, strict=True) for n in c.donors if donors[n] != lead_id]
        if links:
            db.session.execute(insert(activity_partners), links)
        for activity_id, row, (_ref, cells) in zip(ids, rows, groups, strict=True):
            after = {k: jsonable(row.get(k)) for k in ACTIVITY_FIELDS} | {"area": cells.area_code,
                                                                         "donors": list(cells.donors)}
            _audit(audits, user_id, "activities", activity_id, cells.title, "create", None, after)
        report.store.set_activity_ids(list(zip(ids, [ref for ref, _c in groups], strict=True)))
    report.store.commit()


def _update_activities(report: ImportReport, areas, donors, user_id, audits: _Audits) -> None:
    """The activities whose cells changed, through the ORM (their version moves on), BATCH at a time."""
    for batch in report.store.group_batches(BATCH, "deleted = 0 AND changed = 1"):
        cells_by_ref = {ref: cells_of(cells) for ref, cells, *_rest in batch}
        for activity in db.session.scalars(select(Activity).where(Activity.ref.in_(list(cells_by_ref)))):
            cells, before = cells_by_ref[activity.ref], activity_snapshot(activity)
            activity.title, activity.area, activity.activity_type = (cells.title, areas[cells.area_code],
                                                                     cells.activity_type)
            activity.start_date, activity.end_date = cells.start_date, cells.end_date
            if cells.venue:
                activity.venue, activity.online = cells.venue, cells.online
            if cells.donors:
                set_funders(activity, [donors[n] for n in cells.donors])
            db.session.flush()
            _audit(audits, user_id, "activities", activity.id, activity.title, "update", before,
                   activity_snapshot(activity))


def _insert_participations(new: list[dict], user_id, audits: _Audits) -> None:
    if not new:
        return
    codes = [row.pop("_code") for row in new]
    ids = list(db.session.scalars(insert(Participation).returning(Participation.id, sort_by_parameter_order=True),
                                  new))
    for pid, row, code in zip(ids, new, codes, strict=True):
        after = {k: jsonable(v) for k, v in row.items()} | {"chamber": code}
        _audit(audits, user_id, "participations", pid, f"{code} in activity {row['activity_id']}", "create", None,
               after)


def _write_participations(report: ImportReport, user_id, audits: _Audits) -> None:
    """Every create and update row of the store, WRITE_BATCH at a time (bulk INSERT, and a bulk UPDATE by id and
    version)."""
    activity_ids = {}
    new, changed = [], []
    for row in report.store.iter_rows("status IN ('create', 'update')"):
        if row["ref"] not in activity_ids:
            activity_ids = {row["ref"]: report.store.activity_id(row["ref"])}
        activity_id = activity_ids[row["ref"]]
        values = {"participants": row["participants"], "women": row["women"]}
        if row["existing_id"] is None:
            new.append({"activity_id": activity_id, "chamber_id": row["chamber_id"], "role": "beneficiary",
                        "status": "claimed", "status_note": "", **values, "_code": row["chamber"]})
            if len(new) >= WRITE_BATCH:
                _insert_participations(new, user_id, audits)
                new = []
            continue
        before = {"participants": row["existing_participants"], "women": row["existing_women"]}
        values = {k: v if v is not None else before[k] for k, v in values.items()}
        if values != before:  # the version is checked and moved on: an edit form opened before is refused
            changed.append({"id": row["existing_id"], "version": row["existing_version"], **values})
            _audit(audits, user_id, "participations", row["existing_id"], f"{row['chamber']} in activity "
                   f"{activity_id}", "update", before, values)
            if len(changed) >= WRITE_BATCH:
                db.session.execute(update(Participation), changed)
                changed = []
    _insert_participations(new, user_id, audits)
    if changed:
        db.session.execute(update(Participation), changed)


def commit_import(path: Path, filename: str, *, excluded=(), choices=(), remember: bool = True, by=None,
                  max_rows: int | None = None, store_path: Path | None = None, progress=None,
                  organisation=None) -> ImportReport:
    """Check the file again (with the choices given) and write it in one transaction, with the choices it used
    saved as aliases unless remember is false; ImportRefused (nothing written) when any row is in error or
    ambiguous. Re-importing the same file writes nothing: every row is unchanged. The writes are batched
    (WRITE_BATCH rows per statement) inside that one transaction, read back from the preview's RowStore, so
    memory stays flat; store_path and progress are preview_import's. Options are keyword-only: new ones (an
    organisation, say) go at the end with a default."""
    report = preview_import(path, filename, excluded=excluded, choices=choices, max_rows=max_rows,
                            store_path=store_path, progress=progress)
    user_id = by.id if by is not None and getattr(by, "is_authenticated", False) else None
    audits = _Audits()
    conflict = ImportConflict(_("Another change to the same activities was saved while this file was imported; "
                                "nothing was written. Check the file again."))
    with unit_of_work(conflict=conflict):
        if not report.ok:
            raise ImportRefused(report)
        areas = {a.code: a for a in db.session.scalars(select(ActivityArea))}
        donors = _donors(report, user_id, audits)
        _create_activities(report, areas, donors, lead_for(by, organisation).id, user_id, audits)
        if progress is not None:
            progress("written", 0)
        _write_participations(report, user_id, audits)
        _update_activities(report, areas, donors, user_id, audits)
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
