"""Browser test of a large import's progress page: queued (no worker) it is accessible and fits a phone; run in a
thread, the page follows the job by itself (JavaScript polling) until the preview appears."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

REDIS_URL = "redis://127.0.0.1:6379/10"
SHEET = "activity_ref,title,area,type,start_date,chamber\n" + "".join(
    f"E2E-J{n},Job seminar {n},awareness,workshop,2016-03-02,KE-LC\n" for n in range(40))


@pytest.fixture
def background(live_app):
    saved = {k: live_app.config.get(k) for k in ("IMPORT_BACKGROUND_ROWS", "IMPORT_QUEUE_URL")}
    live_app.config["IMPORT_BACKGROUND_ROWS"] = 10
    yield live_app.config
    live_app.config.update(saved)


def _upload(page, path):
    page.goto("/activities/import")
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").press("Enter")


def test_the_progress_page_waits_then_follows_the_job(page, live_db, sign_in, axe_check, background, tmp_path):
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown
    from rq import Queue

    factories.make_chamber_once("KE-LC")
    sheet = tmp_path / "large.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    sign_in(page, "staff")
    try:
        Redis.from_url(REDIS_URL).ping()
    except RedisDown:
        pytest.skip("no Redis on 127.0.0.1:6379")
    background["IMPORT_QUEUE_URL"] = REDIS_URL  # a queue nobody works on: the job stays queued
    _upload(page, sheet)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import: large.csv")
    expect(page.get_by_role("status")).to_contain_text("Waiting for the import worker")
    axe_check(page, "import job progress")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 800})
    Queue("imports", connection=Redis.from_url(REDIS_URL)).empty()
    background["IMPORT_QUEUE_URL"] = None  # now in a thread of the server
    _upload(page, sheet)
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("Import preview"), timeout=60000)
    expect(page.get_by_text("Every row can be imported")).to_be_visible()
