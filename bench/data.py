"""A large synthetic history over the full registry: activities, donors and participations, bulk-loaded.

The rows go straight to the driver (COPY on PostgreSQL, executemany of tuples on SQLite), around the ORM: ten
times today's data (2,000,000 participations) loads in well under two minutes. The coverage facts are then rebuilt
once and the data version is bumped, as the application does after a bulk write.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select, text

from parliament_tracker import data_version
from parliament_tracker.activities.models import ACTIVITY_TYPES, ActivityArea
from parliament_tracker.chambers.income_history import load_income_history
from parliament_tracker.chambers.loader import DATA_DIR, load_registry
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.dashboards import facts
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from parliament_tracker.organisations.services import home_organisation

FIRST_YEAR, YEARS = 2005, 20
ACTIVITY_COLUMNS = ("id", "ref", "title", "area_id", "activity_type", "start_date", "end_date", "venue", "online",
                    "description", "outcomes", "partners", "is_demo", "created_at", "updated_at", "version",
                    "deleted_at", "lead_organisation_id")
FUNDING_COLUMNS = ("activity_id", "organisation_id", "role")
PARTICIPATION_COLUMNS = ("activity_id", "chamber_id", "role", "participants", "women", "status", "status_note",
                         "created_at")


def load_chambers() -> int:
    """The real registry from its data files, with the World Bank income history; the number of chambers."""
    if not (DATA_DIR / "chambers.csv").exists():
        raise SystemExit("bench needs parliament_tracker/chambers/data/chambers.csv")
    load_registry(DATA_DIR)
    load_income_history()  # as `flask registry load` does: a period's income groups are its last fiscal year's
    return db.session.scalar(select(func.count(Chamber.id)))


def _rows(activities: int, participations: int, chambers: list, areas: list, donors: list, first_id: int, seed: int,
          leads: list):
    """(activity rows, funding rows, participation rows) as tuples in the column orders above; half the
    activities led by the first of leads (the centre), the others by the rest in turn."""
    rng = random.Random(seed)
    now = dt.datetime(2025, 1, 1)
    acts, funded, parts = [], [], []
    top = max(1, round(2 * participations / activities) - 1)
    for n in range(activities):
        aid = first_id + n
        start = dt.date(FIRST_YEAR + rng.randrange(YEARS), 1, 1) + dt.timedelta(days=rng.randrange(365))
        acts.append((aid, f"bench-{aid}", f"Bench activity {aid}", rng.choice(areas), rng.choice(ACTIVITY_TYPES),
                     start, start, "", False, "", "", "", True, now, now, 1, now if rng.random() < 0.02 else None,
                     leads[0] if rng.random() < 0.5 else rng.choice(leads[1:] or leads)))
        funded += [(aid, d, "funding") for d in rng.sample(donors, rng.randrange(3))]
        for chamber in rng.sample(chambers, min(len(chambers), rng.randint(1, top))):
            people = rng.randrange(1, 7)
            parts.append((aid, chamber, "expert" if rng.random() < 0.1 else "beneficiary", people,
                          rng.randrange(people + 1), "confirmed" if rng.random() < 0.3 else "claimed", "", now))
    return acts, funded, parts


def _load(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    connection = db.session.connection()
    raw = connection.connection.driver_connection
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for start in range(0, len(rows), 50_000):  # COPY's text format, written in large blocks
                copy.write("".join("\t".join(_copy_text(v) for v in row) + "\n" for row in rows[start:start + 50_000]))
    else:
        marks = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                        [tuple(v.isoformat(" ") if isinstance(v, dt.datetime) else v for v in row) for row in rows])


# SQLite while it loads and sums millions of rows: a large page cache and sorts in memory (the defaults, 2 MB and a
# temporary file, spilled every sort of the facts' rebuild to disk: 111 s of 214 at 10x), no waiting for the disk
# on each commit (a throw-away file), no foreign-key probe per row (the ids are its own); put back as the application has them afterwards.
# PostgreSQL while it copies: no foreign-key trigger per row (the ids are its own; superuser only, else skipped)
BULK_POSTGRESQL = ("SET session_replication_role = replica", "SET session_replication_role = DEFAULT")
BULK_PRAGMAS = {"cache_size": ("-524288", "-2000"), "temp_store": ("MEMORY", "DEFAULT"),
                "synchronous": ("OFF", "FULL"), "journal_mode": ("MEMORY", "DELETE"), "foreign_keys": ("OFF", "ON")}


@contextmanager
def _bulk_settings():
    connection = db.session.connection()
    sqlite = connection.dialect.name == "sqlite"
    for name, (bulk, _default) in BULK_PRAGMAS.items() if sqlite else ():
        connection.exec_driver_sql(f"PRAGMA {name} = {bulk}")
    replica = not sqlite and db.session.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    if replica:
        connection.exec_driver_sql(BULK_POSTGRESQL[0])
    yield
    for name, (_bulk, default) in BULK_PRAGMAS.items() if sqlite else ():
        db.session.connection().exec_driver_sql(f"PRAGMA {name} = {default}")
    if replica:
        db.session.connection().exec_driver_sql(BULK_POSTGRESQL[1])


def cpu_seconds() -> float:
    """CPU time of this process and, on PostgreSQL, of the session's server process when it runs on this machine:
    what building the data costs, whatever else loads the machine (wall time counts the other users too)."""
    total = time.process_time()
    if db.engine.dialect.name == "postgresql":
        pid = db.session.scalar(text("SELECT pg_backend_pid()"))
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
        except (OSError, IndexError, ValueError):
            pass  # another machine's server: its share is not counted
    return total


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return value.isoformat(" ") if isinstance(value, dt.datetime) else str(value)


def generate(activities: int, participations: int, seed: int = 4) -> dict:
    """activities live or deleted (2%) over twenty years, ~participations rows (10% expert, 30% confirmed), 12
    donors funding none, one or two of each activity; led by the centre (half) and 19 other organisations."""
    started, cpu = time.perf_counter(), cpu_seconds()
    chambers = list(db.session.scalars(select(Chamber.id)))
    areas = list(db.session.scalars(select(ActivityArea.id)))
    db.session.add_all(Organisation(name=f"Bench donor {i}", is_demo=True) for i in range(12))
    db.session.add_all(Organisation(name=f"Bench organisation {i}", org_type="ngo", is_demo=True) for i in range(19))
    db.session.flush()
    donors = list(db.session.scalars(select(Organisation.id).where(Organisation.name.like("Bench donor %"))))
    leads = [home_organisation().id, *db.session.scalars(select(Organisation.id).where(
        Organisation.name.like("Bench organisation %")).order_by(Organisation.id))]
    first_id = (db.session.scalar(text("SELECT max(id) FROM activities")) or 0) + 1
    acts, funded, parts = _rows(activities, participations, chambers, areas, donors, first_id, seed, leads)
    parts.sort(key=lambda row: row[:2])  # in the unique index's order (activity, chamber): appended, not inserted
    db.session.commit()
    with _bulk_settings():
        _load("activities", ACTIVITY_COLUMNS, acts)
        _load("activity_partners", FUNDING_COLUMNS, funded)
        _load("participations", PARTICIPATION_COLUMNS, parts)
        if db.engine.dialect.name == "postgresql":  # ids were given explicitly: move the sequence past them
            db.session.execute(text("SELECT setval(pg_get_serial_sequence('activities', 'id'), "
                                    "(SELECT max(id) FROM activities))"))
        rebuilt = time.perf_counter()
        facts.rebuild(db.session.connection())  # what the application does after a bulk write
        rebuilt = time.perf_counter() - rebuilt
        data_version.bump_version(db.session.connection())
        db.session.commit()
    return {"chambers": len(chambers), "activities": len(acts), "participations": len(parts),
            "seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu, "rebuild": rebuilt}
