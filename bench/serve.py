"""Throughput under gunicorn (2 workers): a bounded, time-limited loop of requests to 127.0.0.1 only."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = (("healthz", "/healthz"), ("dashboard", "/"), ("api", "/api/v1/coverage"))
REDIS = os.environ.get("BENCH_CACHE_REDIS_URL", "")  # the shared report cache of production, e.g. redis://…/3


PORTS = range(int(os.environ.get("BENCH_PORT_FIRST", 5171)), int(os.environ.get("BENCH_PORT_LAST", 5179)) + 1)


def _free_port() -> int:
    """The first free port of PORTS (the only ports the benchmark may use)."""
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _wait_ready(port: int, process: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before answering")
        try:
            if _get(port, "/healthz") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within a minute")


def _load(port: int, path: str, seconds: float, max_requests: int, clients: int) -> float:
    """Requests per second over `clients` threads, stopping at `seconds` or `max_requests`, whichever first."""
    done, lock = [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if done[0] >= max_requests:
                    return
                done[0] += 1
            if _get(port, path) != 200:
                raise RuntimeError(f"{path} failed under load")

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - start)


def throughput(database: str, seconds: float, max_requests: int, clients: int = 4) -> dict:
    """Requests per second of /healthz, the dashboard and the API (warm caches) under one gunicorn."""
    port = _free_port()
    prefix = f"pt-bench-{os.getpid()}:"
    env = {**os.environ, "DATABASE_URL": database, "APP_CONFIG": "development", "RATELIMIT_ENABLED": "0",
           "LOG_LEVEL": "WARNING", "CACHE_REDIS_URL": REDIS, "CACHE_KEY_PREFIX": prefix}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
                                "--log-level", "warning", "--timeout", "120", "wsgi:app"], cwd=ROOT, env=env)
    try:
        _wait_ready(port, process)
        results = {"clients": clients}
        for name, path in ENDPOINTS:
            for _ in range(2 * clients):  # both workers fill their caches before the clock starts
                _get(port, path)
            results[name] = _load(port, path, seconds, max_requests, clients)
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)
        if REDIS:
            import redis

            server = redis.Redis.from_url(REDIS)
            for key in server.scan_iter(prefix + "*"):
                server.delete(key)
