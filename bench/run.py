"""make bench: /api/v1/coverage, the dashboard and a chamber profile on a large synthetic history, SQLite and
PostgreSQL, at today's full size (1x: 199,775 participations) and ten times it (10x), side by side.

Per backend: both sizes are built first (bulk loads, bench/data.py), then every scenario is timed cold (report
cache emptied before each request) with requests to the two sizes ALTERNATING, so the growth ratio 10x/1x is
measured under the same machine load; each API scenario is also answered by hand-written SQL (bench/baseline.py)
and both must give the same headline; then warm times, the profile, what a write pays, and the requests per second
of /healthz, the coverage API and the dashboard under gunicorn (2 workers, 127.0.0.1:5171-5179). Databases are
private (PostgreSQL names start with BENCH_PG_PREFIX) and dropped at the end. `--scales 1` (make bench-quick) runs
today's size alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from bench import baseline, data, serve, writes
from config import DevelopmentConfig, database_url
from parliament_tracker import create_app
from parliament_tracker.dashboards import cache, facts
from parliament_tracker.extensions import db

SCENARIOS = (("unfiltered", {}),
             ("period, area, region", {"from": 2010, "to": 2015, "area": "awareness", "region": "Africa"}),
             ("donor", {"donor": "{donor}"}),
             # the API's organisation filter is `donor` too: an organisation's own work (here one that leads 2.5%)
             ("organisation", {"donor": "{organisation}"}),
             ("type", {"type": "workshop"}),
             ("type, donor, region, confirmed", {"type": "workshop", "donor": "{donor}", "region": "Europe",
                                                 "confirmed": 1}),
             ("income group, confirmed", {"income_group": "low", "confirmed": 1}),
             # FY2015's low-income group has 16 countries more or fewer than today's: read from the stored income changes
             ("period, income group", {"from": 2010, "to": 2015, "income_group": "low"}),
             ("every filter", {"from": 2008, "to": 2018, "area": "awareness", "type": "workshop", "region": "Europe",
                               "income_group": "high", "donor": "{donor}", "confirmed": 1}))
PAGES = (("dashboard", "/"), ("dashboard, period, area, region", "/?from=2010&to=2015&area=awareness&region=Africa"))
# the coordination view (dashboards/coordination.py) over 20 lead organisations: from the stored overlaps (the default
# window over every year and type; a region narrows them by chamber), and paired on the fly from the stored facts (a
# period, or a window of 11 months or more). A window under 11 months pairs the work rows themselves, read from the
# participations: timed once by hand (README), as 15 cold requests of it at 10x would take minutes.
COORDINATION = (("coordination overlaps API", "/api/v1/coordination/overlaps"),
                ("coordination API, region", "/api/v1/coordination/overlaps?region=Africa"),
                ("coordination API, from 2015", "/api/v1/coordination/overlaps?from=2015"),
                ("coordination API, window 24", "/api/v1/coordination/overlaps?window=24"),
                ("coordination", "/coordination"))
PG_BASE = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
PG_PREFIX = os.environ.get("BENCH_PG_PREFIX", "bench_")


def make_database(backend: str, folder: Path) -> tuple[str, callable]:
    if backend == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
    name = f"{PG_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(database_url(f"{PG_BASE}/postgres", ""), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return database_url(f"{PG_BASE}/{name}", ""), drop


class Size:
    """One database of one size, its app, and what the scenarios need from it."""

    def __init__(self, backend: str, scale: float, folder: Path):
        self.scale = scale
        self.url, self.drop = make_database(backend, folder)
        config = type("BenchConfig", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": self.url,
                                                            "RATELIMIT_ENABLED": False, "CACHE_TYPE": "SimpleCache"})
        self.app = create_app(config)
        self.client = self.app.test_client()
        with self.app.app_context():
            started = time.perf_counter()
            upgrade()
            data.load_chambers()
            self.sizes = data.generate(int(20_000 * scale), int(200_000 * scale))
            if backend == "postgresql":  # what autovacuum does after a bulk load
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("VACUUM ANALYZE"))
            self.sizes["built_in"] = time.perf_counter() - started
            self.donor = db.session.scalar(text("SELECT min(id) FROM organisations WHERE name LIKE 'Bench donor %'"))
            self.organisation = db.session.scalar(text(
                "SELECT min(id) FROM organisations WHERE name LIKE 'Bench organisation %'"))
            self.chamber = db.session.scalar(text(
                "SELECT c.code FROM chambers c JOIN participations p ON p.chamber_id = c.id "
                "GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1"))
            db.session.remove()

    def query(self, params: dict) -> dict:
        return {k: str(v).format(donor=self.donor, organisation=self.organisation) for k, v in params.items()}

    def get(self, path: str, cold: bool, headers=None):
        if cold:
            with self.app.app_context():
                cache.clear()
        started = time.perf_counter()
        response = self.client.get(path, headers=headers or {"Accept-Encoding": "gzip"})
        elapsed = time.perf_counter() - started
        assert response.status_code in (200, 304), (path, response.status_code, response.data[:300])
        return elapsed, response

    def hand_sql(self, params: dict, repeats: int) -> tuple[float, tuple]:
        with self.app.app_context():
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                numbers = baseline.headline(self.query(params))
                times.append(time.perf_counter() - started)
            db.session.remove()
        return statistics.median(times), numbers


class Medians(list):
    """The median time of each size; rounds: how many rounds were timed, of the asked."""

    rounds = asked = 0

    def note(self) -> str:
        return f" ({self.rounds} rounds)" if self.rounds < self.asked else ""


# at least this many rounds, then up to --repeats while a scenario's rounds so far took under --budget seconds: the
# coordination scenarios paired per request take seconds each at 10x, and 15 rounds of them cold and warm were
# a fifth of the whole run, where the median of 5 such slow requests varies less than that of 15 fast ones
MIN_ROUNDS = 5


def interleaved(sizes: list[Size], path_of, repeats: int, cold: bool = True, budget: float = 0) -> Medians:
    """Median time of each size, the sizes' requests alternating, in rounds (one request to each size): repeats
    of them, or fewer (not under MIN_ROUNDS) once they took budget seconds (0: no budget)."""
    times = [[] for _ in sizes]
    for size in sizes:
        size.get(path_of(size), cold=False)  # imports, templates, statements built once
    started = time.perf_counter()
    for round_ in range(repeats):
        if budget and round_ >= MIN_ROUNDS and time.perf_counter() - started > budget:
            break
        for i, size in enumerate(sizes):
            times[i].append(size.get(path_of(size), cold)[0])
    medians = Medians(statistics.median(t) for t in times)
    medians.rounds, medians.asked = len(times[0]), repeats
    return medians


def profile(size: Size, repeats: int) -> dict:
    path = f"/profiles/{size.chamber}"
    times = [size.get(path, cold=True)[0] for _ in range(repeats)]  # cold: the shared page cache emptied each time
    _, response = size.get(path, cold=False)
    body, raw = response.get_data(), body_of(response)
    _, again = size.get(path, cold=False, headers={"If-None-Match": response.headers["ETag"],
                                                   "Accept-Encoding": "gzip"})
    return {"median": statistics.median(times), "sent": len(body), "html": len(raw), "repeat": again.status_code,
            "repeat_sent": len(again.get_data())}


def run_backend(backend: str, args, folder: Path) -> None:
    sizes = []
    try:
        for scale in args.scales:
            sizes.append(Size(backend, scale, folder))
        names = " / ".join(f"{s.scale:g}x" for s in sizes)
        print(f"\n== {backend}: " + "; ".join(
            f"{s.scale:g}x {s.sizes['participations']:,} participations, {s.sizes['activities']:,} activities "
            f"(generated in {s.sizes['seconds']:.0f} s, {s.sizes['cpu']:.0f} s of CPU; with the schema and "
            f"registry {s.sizes['built_in']:.0f} s)" for s in sizes))
        print(f"{'cold median (' + names + ')':<34}{'':>6}{'hand SQL':>24}{'app/SQL':>16}{'growth':>9}")
        for name, params in SCENARIOS if not args.scenarios else [s for s in SCENARIOS if s[0] in args.scenarios]:
            cold = interleaved(sizes, lambda s: "/api/v1/coverage?" + urlencode(s.query(params)), args.repeats)  # noqa: B023
            hand = []
            for size in sizes:
                if size.scale > args.baseline_max_scale:
                    hand.append(float("nan"))
                    continue
                seconds, numbers = size.hand_sql(params, args.baseline_repeats)
                _, answer = size.get("/api/v1/coverage?" + urlencode(size.query(params)), cold=False)
                report = json.loads(body_of(answer))
                assert numbers == baseline.of_report(report), (name, numbers, baseline.of_report(report))
                hand.append(seconds)
            print(f"api {name:<30}{' / '.join(ms(t) for t in cold):>24}{' / '.join(ms(t) for t in hand):>22}"
                  f"{' / '.join(f'{c / h:.2f}' for c, h in zip(cold, hand, strict=True)):>16}"
                  f"{growth(cold):>9}")
        for name, path in (*PAGES, *COORDINATION):
            cold = interleaved(sizes, lambda s: path, args.repeats, budget=args.budget)  # noqa: B023
            warm = interleaved(sizes, lambda s: path, args.repeats, cold=False, budget=args.budget)  # noqa: B023
            print(f"page {name:<32}{' / '.join(ms(t) for t in cold):>22}   warm {' / '.join(ms(t) for t in warm)}"
                  f"{growth(cold):>9}{cold.note()}")
        warm = interleaved(sizes, lambda s: "/api/v1/coverage?" + urlencode(s.query(SCENARIOS[4][1])), args.repeats,
                           cold=False)
        print(f"api, warm (type, donor, region, confirmed): {' / '.join(ms(t) for t in warm)}")
        for size in sizes:
            p = profile(size, args.repeats)
            print(f"profile {size.chamber} at {size.scale:g}x: {ms(p['median'])}, {p['sent'] / 1024:.0f} KiB sent "
                  f"({p['html'] / 1024:.0f} KiB HTML); repeat visit {p['repeat']}, {p['repeat_sent']} bytes")
        largest = sizes[-1]
        with largest.app.app_context():
            w = writes.measure(max(4, args.repeats // 4))
            db.session.remove()
            db.engine.dispose()
        print(f"at {largest.scale:g}x, save one activity (its coverage facts refreshed in the same transaction): median "
              f"{ms(w['save'])}, of which the facts {ms(w['facts'])}; full rebuild of the facts "
              + " / ".join(f"{s.sizes['rebuild']:.1f} s" for s in sizes))
        with sizes[0].app.app_context():  # the stored facts equal their recount (at the smaller size: a recount
            assert facts.differences() == (set(), set())  # of the larger one takes minutes)
            db.session.remove()
        print(f"at {sizes[0].scale:g}x, the stored coverage facts equal a recount from the participations")
        if args.seconds:
            for size in sizes:
                with size.app.app_context():
                    db.engine.dispose()
            tp = serve.throughput(largest.url, args.seconds, args.max_requests)
            print(f"gunicorn at {largest.scale:g}x, 2 workers, {tp['clients']} clients, warm: /healthz "
                  f"{tp['healthz']:.0f} req/s; coverage API {tp['api']:.0f} req/s (ratio {tp['api'] / tp['healthz']:.2f}); "
                  f"dashboard {tp['dashboard']:.0f} req/s (ratio {tp['dashboard'] / tp['healthz']:.2f})")
    finally:
        for size in sizes:
            with size.app.app_context():
                db.session.remove()
                db.engine.dispose()
            size.drop()


def body_of(response) -> bytes:
    body = response.get_data()
    return gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body


def growth(times: list[float]) -> str:
    return f"x{times[-1] / times[0]:.2f}" if len(times) > 1 else ""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--scales", default="1,10", help="sizes as multiples of 20,000 activities")
    parser.add_argument("--repeats", type=int, default=15, help="timed requests per scenario and size")
    parser.add_argument("--budget", type=float, default=12,
                        help="seconds per page scenario after which its rounds stop (at least 5; 0: always --repeats)")
    parser.add_argument("--baseline-repeats", type=int, default=1, help="timed runs of the hand-written SQL")
    parser.add_argument("--baseline-max-scale", type=float, default=100, help="no hand-written SQL above this size")
    parser.add_argument("--seconds", type=float, default=8, help="per endpoint under gunicorn (0: skip)")
    parser.add_argument("--max-requests", type=int, default=3000, help="per endpoint under gunicorn")
    parser.add_argument("--scenarios", default="", help="only these API scenarios, names separated by |")
    args = parser.parse_args()
    args.scenarios = [name for name in args.scenarios.split("|") if name]
    args.scales = [float(s) for s in args.scales.split(",")]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pt-bench-") as tmp:
        for backend in args.backends.split(","):
            run_backend(backend, args, Path(tmp))
    print(f"\nbench finished in {(time.perf_counter() - started) / 60:.1f} min; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
