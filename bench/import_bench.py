"""Times the spreadsheet import on a generated 50,000-row CSV: preview, commit, and a re-import preview.

Run: .venv/bin/python -m bench.import_bench [--rows 50000] [--database-url URL]
Uses a throw-away SQLite database (or the given URL, which must be empty), loads the registry, and prints
seconds per step and the peak memory of the process."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
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
from parliament_tracker.donors.models import Donor
from parliament_tracker.extensions import db

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
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        config = type("BenchConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url})
        app = create_app(config)
        with app.app_context():
            upgrade()
            load_registry()
            db.session.add(Donor(name="UNDP"))  # the sheet's donor exists: a new donor would wait for a choice
            db.session.commit()
            chambers = list(db.session.scalars(db.select(Chamber).where(Chamber.status == "active")))
            sheet = Path(folder) / "bench.csv"
            timed(f"generate {args.rows:,} rows", lambda: write_sheet(sheet, args.rows, chambers))
            print(f"{'file size':<28} {sheet.stat().st_size / 1e6:7.2f} MB")
            report = timed("preview", lambda: preview_import(sheet, sheet.name, max_rows=args.rows))
            print(f"{'rows refused':<28} {report.summary.errors + report.summary.ambiguous:7d}")
            done = timed("commit (one transaction)", lambda: commit_import(sheet, sheet.name, max_rows=args.rows))
            print(f"{'participations created':<28} {done.summary.participations_created:7d}")
            again = timed("re-import preview", lambda: preview_import(sheet, sheet.name, max_rows=args.rows))
            unchanged = sum(r.status == "unchanged" for r in again.rows)
            print(f"{'unchanged on re-import':<28} {unchanged:7d}")
            db.session.remove()
            db.engine.dispose()
    print(f"{'peak memory (RSS)':<28} {peak_mb():7.0f} MB")


if __name__ == "__main__":
    main()
