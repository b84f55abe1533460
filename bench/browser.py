"""First view of the dashboard on a slow link: Chromium with its network throttled (CDP
Network.emulateNetworkConditions: 1 Mbit/s each way, 300 ms latency, an empty cache), measuring when the headline
numbers are readable (first contentful paint of the page with its tables), when the map is drawn (the first SVG map
from the 110m geometry) and when the interactive plotly map has replaced it.

    .venv/bin/python -m bench.browser [--url http://127.0.0.1:5171/] [--runs 3]

Without --url it serves the demo data from a throw-away SQLite database under gunicorn on 127.0.0.1:5171-5179.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.serve import ROOT, _free_port, _wait_ready

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LINK = {"offline": False, "latency": 300, "downloadThroughput": 1_000_000 / 8, "uploadThroughput": 1_000_000 / 8}


def first_view(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_context().new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", LINK)
            page.goto(url, wait_until="commit")
            # the first map (an SVG from the 110m geometry, static/js/map_preview.js), then plotly's
            page.wait_for_selector("#chart-map[data-preview='true'], #chart-map[data-drawn='true']", timeout=120_000)
            preview = page.evaluate("() => performance.now()")
            page.wait_for_selector("#chart-map[data-drawn='true']", timeout=120_000)
            timings = page.evaluate("""() => {
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const nav = performance.getEntriesByType('navigation')[0];
                const bytes = performance.getEntriesByType('resource').reduce((n, r) => n + r.transferSize, 0);
                return {numbers: paint ? paint.startTime : null, map: performance.now(),
                        bytes: bytes + (nav ? nav.transferSize : 0)};
            }""")
            return {**timings, "preview": preview}
        finally:
            browser.close()


def serve_demo(folder: Path):
    database = f"sqlite:///{folder / 'demo.db'}"
    env = {**os.environ, "DATABASE_URL": database, "APP_CONFIG": "development", "RATELIMIT_ENABLED": "0",
           "LOG_LEVEL": "WARNING", "FLASK_APP": "wsgi.py", "PT_USER_PASSWORD": "bench-password-1234"}
    flask = [sys.executable, "-m", "flask"]
    for command in (["db", "upgrade"], ["registry", "load"], ["demo", "load"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
                                "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env)
    _wait_ready(port, process)
    return f"http://127.0.0.1:{port}/", process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pt-browser-") as tmp:
        url, process = (args.url, None) if args.url else serve_demo(Path(tmp))
        try:
            runs = [first_view(url) for _ in range(args.runs)]
        finally:
            if process:
                process.terminate()
                process.wait(timeout=30)
    numbers = statistics.median(r["numbers"] for r in runs) / 1000
    drawn = statistics.median(r["map"] for r in runs) / 1000
    preview = statistics.median(r["preview"] for r in runs) / 1000
    size = statistics.median(r["bytes"] for r in runs) / 1024
    print(f"first view on 1 Mbit/s, 300 ms (median of {args.runs}): numbers readable at {numbers:.1f} s "
          f"(target 2 s), map drawn at {preview:.1f} s (target 4 s), interactive at {drawn:.1f} s, {size:.0f} KiB "
          "transferred")


if __name__ == "__main__":
    main()
