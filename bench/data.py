"""A large synthetic history over the full registry: activities, donors and participations, bulk-inserted."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, insert, select, text

from parliament_tracker.activities.models import (
    ACTIVITY_TYPES,
    Activity,
    ActivityArea,
    Donor,
    Participation,
    activity_donors,
)
from parliament_tracker.chambers.loader import DATA_DIR, load_registry
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.extensions import db

FIRST_YEAR, YEARS = 2005, 20
BATCH = 20_000


def load_chambers() -> int:
    """The real registry from its data file; the number of chambers."""
    if not (DATA_DIR / "chambers.csv").exists():
        raise SystemExit("bench needs parliament_tracker/chambers/data/chambers.csv")
    load_registry(DATA_DIR)
    return db.session.scalar(select(func.count(Chamber.id)))


def _insert(table, rows: list[dict]) -> None:
    for i in range(0, len(rows), BATCH):
        db.session.execute(insert(table), rows[i:i + BATCH])


def generate(activities: int, participations: int, seed: int = 4) -> dict:
    """activities live or deleted (2%) over twenty years, ~participations rows (10% expert, 30% confirmed)."""
    rng = random.Random(seed)
    chambers = list(db.session.scalars(select(Chamber.id)))
    areas = list(db.session.scalars(select(ActivityArea.id)))
    _insert(Donor.__table__, [{"name": f"Bench donor {i}", "is_demo": True} for i in range(12)])
    donors = list(db.session.scalars(select(Donor.id).where(Donor.name.like("Bench donor %"))))
    first_id = (db.session.scalar(select(func.max(Activity.id))) or 0) + 1
    now = dt.datetime(2025, 1, 1)
    acts, funded, parts = [], [], []
    per_activity = participations / activities
    for n in range(activities):
        aid = first_id + n
        start = dt.date(FIRST_YEAR + rng.randrange(YEARS), 1, 1) + dt.timedelta(days=rng.randrange(365))
        acts.append({"id": aid, "ref": f"bench-{aid}", "title": f"Bench activity {aid}", "area_id": rng.choice(areas),
                     "activity_type": rng.choice(ACTIVITY_TYPES), "start_date": start, "end_date": start,
                     "venue": "", "online": False, "description": "", "outcomes": "", "partners": "",
                     "is_demo": True, "created_at": now, "updated_at": now, "version": 1,
                     "deleted_at": now if rng.random() < 0.02 else None})
        funded += [{"activity_id": aid, "donor_id": d} for d in rng.sample(donors, rng.randrange(3))]
        count = min(len(chambers), rng.randint(1, max(1, round(2 * per_activity) - 1)))
        for chamber in rng.sample(chambers, count):
            people = rng.randrange(1, 7)
            parts.append({"activity_id": aid, "chamber_id": chamber,
                          "role": "expert" if rng.random() < 0.1 else "beneficiary", "participants": people,
                          "women": rng.randrange(people + 1), "status": "confirmed" if rng.random() < 0.3 else "claimed",
                          "status_note": "", "created_at": now})
    _insert(Activity.__table__, acts)
    _insert(activity_donors, funded)
    _insert(Participation.__table__, parts)
    if db.engine.dialect.name == "postgresql":  # ids were given explicitly: move the sequence past them
        db.session.execute(text("SELECT setval(pg_get_serial_sequence('activities', 'id'), (SELECT max(id) FROM activities))"))
    db.session.commit()
    return {"chambers": len(chambers), "activities": len(acts), "participations": len(parts)}
