"""The second half of a preview: the grouped rows of the RowStore compared with the database, a batch of
activities at a time (a few queries per batch, nothing kept between batches), each row given its final status."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from parliament_tracker.activities.import_rows import ActivityCells, cells_of
from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.extensions import db

# Activities compared per batch of queries.
BATCH = 500
ROW_UPDATE = ("status", "message", "existing_id", "existing_version", "existing_participants", "existing_women")


def existing_participations(activity_ids: list[int]) -> dict[tuple[int, int], tuple]:
    """(activity id, chamber id) -> (participation id, version, participants, women) of these activities."""
    if not activity_ids:
        return {}
    columns = (Participation.activity_id, Participation.chamber_id, Participation.id, Participation.version,
               Participation.participants, Participation.women)
    return {(a, c): tuple(rest) for a, c, *rest in db.session.execute(
        select(*columns).where(Participation.activity_id.in_(activity_ids)))}


def activity_changed(activity: Activity, cells: ActivityCells) -> bool:
    """True when the file's cells would change the stored activity (a blank location or donor keeps its value)."""
    current = (activity.title, activity.area.code, activity.activity_type, activity.start_date, activity.end_date)
    wanted = (cells.title, cells.area_code, cells.activity_type, cells.start_date, cells.end_date)
    if current != wanted or (cells.venue and (activity.venue, activity.online) != (cells.venue, cells.online)):
        return True
    return bool(cells.donors) and tuple(sorted(d.name for d in activity.donors)) != cells.donors


def _status(row: dict, current: tuple | None, changed: bool, first_row: int) -> str:
    if current is None:
        return "create"
    participants, women = row["participants"], row["women"]
    if (participants is not None and participants != current[2]) or (women is not None and women != current[3]):
        return "update"
    return "update" if changed and row["row"] == first_row else "unchanged"


def _batch(report, batch: list[tuple]) -> None:
    store, summary = report.store, report.summary
    refs = [g[0] for g in batch]
    activities = {a.ref: a for a in db.session.scalars(select(Activity).where(Activity.ref.in_(refs)))}
    existing = existing_participations([a.id for a in activities.values()])
    rows_by_ref: dict[str, list[dict]] = {}
    for row in store.rows_of(refs):
        rows_by_ref.setdefault(row["ref"], []).append(row)
    groups, updates = [], []
    for ref, cells, first_row, *_rest in batch:
        activity = activities.get(ref)
        if activity is not None and activity.is_deleted:
            message = _("activity_ref %(r)s is in the bin; restore it first.", r=ref)
            updates += [("error", message, None, None, None, None, r["row"]) for r in rows_by_ref.get(ref, [])]
            groups.append((activity.id, 0, 1, ref))
            continue
        changed = activity is not None and activity_changed(activity, cells_of(cells))
        summary.activities_created += activity is None
        summary.activities_updated += changed
        groups.append((activity.id if activity else None, int(changed), 0, ref))
        for row in rows_by_ref.get(ref, []):
            current = existing.get((activity.id, row["chamber_id"])) if activity is not None else None
            status = _status(row, current, changed, first_row)
            summary.participations_created += status == "create"
            summary.participations_updated += status == "update" and current is not None and (
                _counts_change(row, current))
            updates.append((status, row["message"], *(current or (None,) * 4), row["row"]))
    store.set_groups(groups)
    store.update_rows(ROW_UPDATE, updates)


def _counts_change(row: dict, current: tuple) -> bool:
    return ((row["participants"] is not None and row["participants"] != current[2])
            or (row["women"] is not None and row["women"] != current[3]))


def decide(report, progress=None) -> None:
    """Give every pending row of report.store its status (create, update, unchanged; error for an activity in the
    bin) and count them in report.summary, BATCH activities at a time."""
    done = 0
    for batch in report.store.group_batches(BATCH):
        _batch(report, batch)
        # the loaded activities are not kept: the session's identity map holds unchanged objects weakly
        done += len(batch)
        if progress is not None:
            progress("matched", done)
