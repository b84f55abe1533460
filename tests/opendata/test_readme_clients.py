"""The README's example clients ("Open data"), run as written against a live server: the five-line JSON API
client and the data package one, each in a Python process of its own reading over HTTP."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

from tests import factories

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE_BASE = re.compile(r"https://tracker\.example\.org")


def _examples() -> list[str]:
    section = README.read_text(encoding="utf-8").split("\n## Open data\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def _run(code: str, base: str) -> str:
    run = subprocess.run([sys.executable, "-c", EXAMPLE_BASE.sub(base, code)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.strip()


def test_the_readmes_clients_work_against_a_live_server(make_app):
    app = make_app()
    with app.app_context():  # only to seed: the server's requests each have their own context
        kenya, mali = factories.make_chamber("KE-LC"), factories.make_chamber("ML-LC")
        factories.make_chamber("FR-LC")
        factories.make_activity(area_code="advocacy", chambers=[mali], start=dt.date(2015, 1, 1))
        factories.make_activity(area_code="awareness", chambers=[kenya, mali], start=dt.date(2016, 1, 1))
        factories.make_activity(area_code="awareness", chambers=[kenya], start=dt.date(2017, 1, 1))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        api_client, package_client = _examples()
        assert len([line for line in api_client.splitlines() if line.strip()]) == 5
        # the African chambers never reached in advocacy: Kenya's, of the two
        assert _run(api_client, base) == "1 of 2 ['KE-LC']"
        # the licence, and the awareness activities summed over the chambers (2 for Kenya, 1 for Mali)
        assert _run(package_client, base) == "CC-BY-4.0 3"
    finally:
        server.shutdown()
        thread.join()
