"""make bench: coverage dashboard and /api/v1/coverage on a large synthetic history, SQLite and PostgreSQL.

For each backend and size: the median and 95th-percentile server time of the page and the API (unfiltered and
filtered), cold (cache emptied before every request: every query runs) and warm (served from the cache), the
time of the raw SQL they ran, and the requests per second of the dashboard and of /healthz under gunicorn with
2 workers. Only 127.0.0.1 is contacted; every loop is bounded in count and time. Databases are private and
dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, event, text

from bench import data, serve, writes
from config import DevelopmentConfig, database_url
from parliament_tracker import create_app
from parliament_tracker.dashboards import cache
from parliament_tracker.extensions import db

FILTERED = "from=2010&to=2015&area=awareness&region=Africa"
SCENARIOS = (("page", "/"), ("page filtered", f"/?{FILTERED}"), ("api", "/api/v1/coverage"),
             ("api filtered", f"/api/v1/coverage?{FILTERED}"),
             # a donor or an activity type is not among the stored facts' dimensions: summed per request
             ("api by donor", "/api/v1/coverage?donor={donor}"), ("api by type", "/api/v1/coverage?type=workshop"))
PG_BASE = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432")


class SqlTimer:
    """Adds up the time spent in the database driver while on."""

    def __init__(self, engine):
        self.total, self._start = 0.0, {}
        event.listen(engine, "before_cursor_execute", self.before)
        event.listen(engine, "after_cursor_execute", self.after)

    def before(self, conn, cursor, statement, params, context, many):
        self._start[id(cursor)] = time.perf_counter()

    def after(self, conn, cursor, statement, params, context, many):
        self.total += time.perf_counter() - self._start.pop(id(cursor), time.perf_counter())


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(app, url: str, repeats: int, cold: bool) -> dict:
    client, timer = app.test_client(), SqlTimer(db.engine)
    client.get(url)  # warm the process (imports, templates, gzip of nothing) and, if warm, the cache
    times, sql = [], []
    for _ in range(repeats):
        if cold:
            cache.clear()
        timer.total = 0.0
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        sql.append(timer.total)
        assert response.status_code == 200, (url, response.status_code)
    return {"median": statistics.median(times), "p95": pct(times, 0.95), "sql": statistics.median(sql)}


def make_database(backend: str, folder: Path) -> tuple[str, callable]:
    if backend == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
    name = f"bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(database_url(f"{PG_BASE}/postgres", ""), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return database_url(f"{PG_BASE}/{name}", ""), drop


def run_size(backend: str, scale: float, args, folder: Path) -> dict:
    url, drop = make_database(backend, folder)
    try:
        config = type("BenchConfig", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False})
        app = create_app(config)
        with app.app_context():
            upgrade()
            data.load_chambers()
            started = time.perf_counter()
            sizes = data.generate(int(20_000 * scale), int(200_000 * scale))
            sizes["generated_in"] = time.perf_counter() - started
            if backend == "postgresql":  # what autovacuum does after a bulk load
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("VACUUM ANALYZE"))
            donor = db.session.scalar(text("SELECT min(id) FROM donors WHERE name LIKE 'Bench donor %'"))
            results = {name: {"cold": measure(app, path.format(donor=donor), args.repeats, True),
                              "warm": measure(app, path.format(donor=donor), args.repeats, False)}
                       for name, path in SCENARIOS}
            results["writes"] = writes.measure(args.repeats)
            db.session.remove()
            db.engine.dispose()
        results["throughput"] = serve.throughput(url, args.seconds, args.max_requests) if args.seconds else {}
        return {"sizes": sizes, "results": results}
    finally:
        drop()


def report(backend: str, runs: list[dict]) -> None:
    for run in runs:
        s = run["sizes"]
        print(f"\n== {backend}: {s['chambers']} chambers, {s['activities']} activities, {s['participations']} "
              f"participations (generated in {s['generated_in']:.1f} s)")
        print(f"{'':16}{'cold median':>12}{'cold p95':>10}{'cold SQL':>10}{'page/SQL':>9}"
              f"{'warm median':>13}{'warm p95':>10}")
        for name, _path in SCENARIOS:
            cold, warm = run["results"][name]["cold"], run["results"][name]["warm"]
            ratio = cold["median"] / cold["sql"] if cold["sql"] else float("nan")
            print(f"{name:16}{ms(cold['median']):>12}{ms(cold['p95']):>10}{ms(cold['sql']):>10}{ratio:>9.2f}"
                  f"{ms(warm['median']):>13}{ms(warm['p95']):>10}")
        w = run["results"]["writes"]
        print(f"save one activity (its coverage facts refreshed in the same transaction): median "
              f"{ms(w['save'])}, of which the facts {ms(w['facts'])}; full rebuild of the facts {ms(w['rebuild'])}")
        tp = run["results"]["throughput"]
        if tp:
            print(f"gunicorn, 2 workers, {tp['clients']} clients: /healthz {tp['healthz']:.0f} req/s, dashboard "
                  f"{tp['dashboard']:.0f} req/s (warm), ratio {tp['dashboard'] / tp['healthz']:.2f}; "
                  f"api {tp['api']:.0f} req/s, ratio {tp['api'] / tp['healthz']:.2f}")
    if len(runs) == 2:
        small, large = runs
        growth = large["sizes"]["participations"] / small["sizes"]["participations"]
        for name, _path in SCENARIOS:
            cost = large["results"][name]["cold"]["sql"] / small["results"][name]["cold"]["sql"]
            print(f"growth {name}: participations x{growth:.2f}, cold SQL time x{cost:.2f}"
                  f" ({'linear or better' if cost <= growth * 1.15 else 'FASTER THAN LINEAR'})")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--scales", default="0.5,1", help="sizes as fractions of 20,000 activities")
    parser.add_argument("--repeats", type=int, default=20, help="timed requests per scenario")
    parser.add_argument("--seconds", type=float, default=8, help="per endpoint under gunicorn (0: skip)")
    parser.add_argument("--max-requests", type=int, default=3000, help="per endpoint under gunicorn")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pt-bench-") as tmp:
        for backend in args.backends.split(","):
            runs = [run_size(backend, float(scale), args, Path(tmp)) for scale in args.scales.split(",")]
            report(backend, runs)


if __name__ == "__main__":
    main()
