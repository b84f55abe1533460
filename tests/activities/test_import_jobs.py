"""Large imports as background jobs: on a real RQ worker (a subprocess started as production starts it, on Redis
database 10) and in a thread when no queue is configured; progress while it runs, the preview and the commit
after it, the page left and come back to, and a failing job that says why."""

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from parliament_tracker.activities.models import Participation
from parliament_tracker.extensions import db
from tests.activities.test_import import HEADER, undp, upload  # noqa: F401 - undp: the sheets' donor
from tests.conftest import read_csrf_token

REDIS_URL = "redis://127.0.0.1:6379/10"
ROWS = 40


def sheet(rows: int = ROWS, header: str = HEADER) -> str:
    lines = [f"J-{n // 2},Workshop {n // 2},awareness,workshop,2012-03-05,,,UNDP,{'KE-LC' if n % 2 else 'ML-LC'},,2,1"
             for n in range(rows)]
    return header + "\n".join(lines) + "\n"


def wait_for_job(client, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # no read transaction of the test holds the SQLite file while the job writes
        job = client.get("/activities/import/status.json").get_json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"the import job did not finish in {seconds} s: {job}")


def token_of(client) -> str:
    with client.session_transaction() as stored:
        return stored["import_upload"]["token"]


@pytest.fixture
def background(app, tmp_path):
    app.config.update(IMPORT_BACKGROUND_ROWS=10, IMPORT_DIR=str(tmp_path / "imports"))
    return app.config


@pytest.fixture
def worker(app, background, tmp_path):
    """`rq worker imports` in a subprocess with the environment production gives it, on Redis database 10."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown
    from rq import Queue

    try:
        Redis.from_url(REDIS_URL).ping()
    except RedisDown:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    Queue("imports", connection=Redis.from_url(REDIS_URL)).empty()
    background["IMPORT_QUEUE_URL"] = REDIS_URL
    env = {**os.environ, "APP_CONFIG": "testing", "TEST_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "IMPORT_DIR": background["IMPORT_DIR"], "IMPORT_QUEUE_URL": REDIS_URL}
    rq = shutil.which("rq", path=os.path.dirname(sys.executable))
    process = subprocess.Popen([rq, "worker", "--url", REDIS_URL, "--name", f"test-{uuid.uuid4().hex[:8]}",
                                "imports"], env=env, stdout=(tmp_path / "worker.log").open("w"),
                               stderr=subprocess.STDOUT)
    yield process
    process.terminate()
    process.wait(timeout=30)


def worker_dir(client) -> str:
    return client.application.config["IMPORT_DIR"]


def participations() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(Participation))


def test_a_large_import_runs_on_the_rq_worker(client, staff, chambers, worker):
    response = upload(client, sheet())
    assert response.status_code == 303 and response.location.endswith("/activities/import/preview")
    first = client.get("/activities/import/status.json").get_json()
    assert first["runner"] == "rq" and first["kind"] == "preview" and first["estimate"] == ROWS + 1
    page = client.get("/activities/import/preview").get_data(as_text=True)  # reloading keeps the same job
    assert ('id="import-job"' in page and "import queue" in page) or ">will create<" in page
    job = wait_for_job(client)
    assert job["status"] == "done" and job["matched"] == ROWS // 2 and job["refused"] == 0
    page = client.get("/activities/import/preview").get_data(as_text=True)
    assert page.count(">will create<") == ROWS and participations() == 0
    committing = client.post("/activities/import/commit", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token_of(client)})
    assert committing.status_code == 303
    job = wait_for_job(client)
    assert job["kind"] == "commit" and job["status"] == "done"
    done = client.get("/activities/import/preview")
    assert done.status_code == 302 and done.location.endswith("/activities/")
    assert "40 participations created" in client.get("/activities/").get_data(as_text=True)
    assert participations() == ROWS
    assert not list(Path(worker_dir(client)).glob("*"))  # the upload, its rows store and its job file are gone


def test_a_job_that_fails_says_why(client, staff, chambers, worker):
    upload(client, sheet(header=HEADER.replace("chamber,", "room,")))
    job = wait_for_job(client)
    assert job["status"] == "done"
    page = client.get("/activities/import/preview")
    assert page.status_code == 400 and "Missing columns: chamber" in page.get_data(as_text=True)
    assert participations() == 0


def test_without_a_queue_the_job_runs_in_a_thread(client, staff, chambers, background):
    assert upload(client, sheet()).status_code == 303
    assert client.get("/activities/import/status.json").get_json()["runner"] == "thread"
    job = wait_for_job(client)
    assert job["status"] == "done"
    assert client.get("/activities/import/preview").get_data(as_text=True).count(">will create<") == ROWS
