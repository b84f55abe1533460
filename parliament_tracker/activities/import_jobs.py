"""A pending import's preview and commit as jobs: in the request for a small file, else in the background: on RQ
(a real queue on Redis, `IMPORT_QUEUE_URL`; production runs `rq worker`) or, without a queue (`make run` on a
fresh machine), in a thread of the web process. A job's state and progress live in `<token>.job.json` beside the
upload, so the page can be left, reloaded from any worker process, and come back to."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
import traceback
import uuid
import zipfile
from pathlib import Path

from flask import current_app

from parliament_tracker.activities import uploads
from parliament_tracker.activities.import_choices import choices_of, excluded_of

QUEUE_NAME = "imports"
# A job not heard of for this long, while it says it runs in a thread, died with its process.
STALE_SECONDS = 120
DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def digest(state: dict) -> str:
    """What a preview was made with (choices and exclusions): a preview of another digest is out of date."""
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def estimated_rows(path: Path) -> int:
    """Lines of a CSV (counted in chunks), or the last row an XLSX's first sheet declares (its dimension)."""
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            handle.seek(0)
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
            with archive.open(sheets[0]) as sheet:
                found = DIMENSION.search(sheet.read(4096))
            return int(found.group(1)) if found else archive.getinfo(sheets[0]).file_size // 200
    except (zipfile.BadZipFile, IndexError, KeyError, OSError):
        return 0  # read in the request: the usual message says what is wrong with the file


def read_job(token: str) -> dict | None:
    """The job's last known state, or None when this import has none."""
    path = uploads.sibling(token, ".job.json")
    try:
        job = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if job.get("runner") == "thread" and job["status"] in ("queued", "running") and (
            time.time() - job.get("updated", 0) > STALE_SECONDS):
        job |= {"status": "failed", "error": "The job stopped with the process that ran it; start it again."}
    return job


def write_job(token: str, **changes) -> dict:
    """Merge changes into the job file (atomically: a reader sees the old or the new state, never half)."""
    job = {**(read_job(token) or {}), **changes, "updated": time.time()}
    path = uploads.sibling(token, ".job.json")
    temporary = path.with_suffix(f".{uuid.uuid4().hex[:8]}.tmp")
    temporary.write_text(json.dumps(job), encoding="utf-8")
    temporary.replace(path)
    return job


def start(kind: str, token: str, filename: str, user_id: int | None) -> dict:
    """Run the preview (or the commit) of this pending import with its current answers: at once when the file
    is small, else queued (RQ) or in a thread. Returns the job's state."""
    state = uploads.load_state(token)
    rows = estimated_rows(uploads.upload_path(token))
    background = rows > current_app.config.get("IMPORT_BACKGROUND_ROWS", 5_000)
    url = current_app.config.get("IMPORT_QUEUE_URL")
    runner = ("rq" if url else "thread") if background else "request"
    job = write_job(token, id=uuid.uuid4().hex, kind=kind, status="queued", runner=runner, digest=digest(state),
                    estimate=rows, read=0, matched=0, refused=0, error=None, result=None, started=time.time())
    arguments = (kind, token, filename, user_id, job["id"])
    if runner == "request":
        execute(*arguments)
    elif runner == "rq":
        from redis import Redis
        from rq import Queue

        Queue(QUEUE_NAME, connection=Redis.from_url(url)).enqueue(
            "parliament_tracker.activities.import_jobs.run_job", *arguments,
            job_timeout=current_app.config.get("IMPORT_JOB_TIMEOUT", 3600), result_ttl=3600, failure_ttl=86400)
    else:
        app = current_app._get_current_object()
        threading.Thread(target=_in_thread, args=(app, *arguments), daemon=True, name=f"import-{token[:6]}").start()
    return read_job(token)


def _in_thread(app, *arguments) -> None:
    with app.app_context():
        execute(*arguments)


def run_job(kind: str, token: str, filename: str, user_id: int | None, job_id: str) -> None:
    """The RQ job: the worker builds the application from the same environment as the web process (APP_CONFIG,
    DATABASE_URL, IMPORT_DIR...) and runs the job in it."""
    from config import selected_config
    from parliament_tracker import create_app

    with create_app(selected_config()).app_context():
        execute(kind, token, filename, user_id, job_id)


def execute(kind: str, token: str, filename: str, user_id: int | None, job_id: str) -> None:
    """Run the job now, recording its progress, its result or why it failed in the job file."""
    from parliament_tracker.activities.import_runs import run_commit, run_preview, unexpected_failure

    path = uploads.upload_path(token)
    if path is None or (read_job(token) or {}).get("id") != job_id:
        return  # the import was committed, discarded or started again meanwhile
    write_job(token, status="running")

    def progress(stage: str, count: int) -> None:
        write_job(token, **{stage: count})

    state = uploads.load_state(token)
    try:
        run = run_commit if kind == "commit" else run_preview
        result = run(path, filename, excluded_of(state), choices_of(state), uploads.sibling(token, ".rows.sqlite"),
                     user_id, progress)
    except Exception:  # noqa: BLE001 - any failure is the job's answer (a message; the traceback is logged)
        current_app.logger.error("import job %s failed:\n%s", job_id, traceback.format_exc())
        write_job(token, status="failed", error=unexpected_failure())
        return
    write_job(token, **result)
