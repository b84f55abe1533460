"""Times the spreadsheet import on generated CSVs of 50,000 and 500,000 rows: preview, commit, and a re-import
preview, with the peak resident memory of each step.

Run: .venv/bin/python -m bench.import_bench [--rows 50000 500000] [--database-url URL]   (make bench-import)
Each size runs in a process of its own (so one size's peak does not hide the other's), on a throw-away SQLite
database (or the given URL, which must be empty) with the registry loaded. The peak of a step is the process's
peak RSS at its end (a step's peak includes the steps before it: the figures only grow)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade

from config import TestingConfig
from parliament_tracker import create_app
from parliament_tracker.activities.import_writer import commit_import
from parliament_tracker.activities.importing import COLUMNS
from parliament_tracker.activities.imports import preview_import
from parliament_tracker.chambers.loader import load_registry
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation

CHAMBERS_PER_ACTIVITY = 10


def write_sheet(path: Path, rows: int, chambers: list[Chamber], seed: int = 2005) -> None:
    """rows participations: activities of ten chambers each, the chamber given by code, name or country+name."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for number in range(rows // CHAMBERS_PER_ACTIVITY):
            year = 2005 + number % 11
            start = f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            common = [f"B-{number:06d}", f"Workshop {number}", "awareness", "workshop", start, start, "Rome", "UNDP"]
            day = dt.date.fromisoformat(start)  # only chambers that sat then: matching is time-aware
            for chamber in rng.sample([c for c in chambers if c.existed_between(day, day)], CHAMBERS_PER_ACTIVITY):
                how = rng.random()
                cell, country = ((chamber.code, "") if how < 0.5 else (chamber.name, chamber.country.name)
                                 if how < 0.8 else (f"{chamber.country.iso3} {chamber.chamber_type}", ""))
                if chamber.chamber_type == "unicameral" and how >= 0.8:
                    cell = chamber.code
                participants = rng.randint(1, 6)
                writer.writerow(common + [cell, country, participants, rng.randint(0, participants)])


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{label:<28} {time.perf_counter() - started:7.2f} s   (peak memory so far {peak_mb():.0f} MB)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000, 500_000])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(args.rows[0], args.database_url)
    for rows in args.rows:
        print(f"--- {rows:,} rows")
        command = [sys.executable, "-m", "bench.import_bench", "--one", "--rows", str(rows)]
        subprocess.run(command + (["--database-url", args.database_url] if args.database_url else []), check=True)


def run_one(rows: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = database_url or f"sqlite:///{folder}/bench.db"
        config = type("BenchConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url})
        app = create_app(config)
        with app.app_context():
            upgrade()
            load_registry()
            db.session.add(Organisation(name="UNDP"))  # the sheet's donor exists: a new donor would wait for a choice
            db.session.commit()
            chambers = list(db.session.scalars(db.select(Chamber).where(Chamber.status == "active")))
            sheet = Path(folder) / "bench.csv"
            timed(f"generate {rows:,} rows", lambda: write_sheet(sheet, rows, chambers))
            print(f"{'file size':<28} {sheet.stat().st_size / 1e6:7.2f} MB")
            report = timed("preview", lambda: preview_import(sheet, sheet.name, max_rows=rows))
            print(f"{'rows refused':<28} {report.summary.errors + report.summary.ambiguous:7d}")
            del report
            done = timed("commit (one transaction)", lambda: commit_import(sheet, sheet.name, max_rows=rows))
            print(f"{'participations created':<28} {done.summary.participations_created:7d}")
            again = timed("re-import preview", lambda: preview_import(sheet, sheet.name, max_rows=rows))
            unchanged = again.store.count("unchanged")
            print(f"{'unchanged on re-import':<28} {unchanged:7d}")
            db.session.remove()
            db.engine.dispose()
    print(f"{'peak memory (RSS)':<28} {peak_mb():7.0f} MB")


if __name__ == "__main__":
    main()
