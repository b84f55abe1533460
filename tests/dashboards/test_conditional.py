"""Conditional answers (ETag / 304) for the dashboard, the coverage API and chamber profiles; the shared report
cache in Redis; nothing private shared between visitors."""

import datetime as dt
import os
import uuid

import pytest
import redis

from parliament_tracker.dashboards import report
from parliament_tracker.profiles.summary import RECORDS_PER_PAGE
from tests.factories import make_activity, make_chamber
from tests.profiles.factories import SeparateClient, make_contact, signed_in

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
PAGES = ["/", "/api/v1/coverage?area=awareness", "/coverage/gaps", "/profiles/FR-LC", "/coordination",
         "/coordination/overlaps.csv", "/api/v1/coordination/overlaps"]


@pytest.fixture
def world(app):
    fr, ke = make_chamber("FR-LC"), make_chamber("KE-LC")
    make_activity("W", start=dt.date(2010, 3, 1), chambers=[fr, ke])
    return {"fr": fr, "ke": ke}


@pytest.mark.parametrize("path", PAGES)
def test_a_repeat_visit_gets_304_until_a_write_changes_the_etag(client, world, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["ETag"]
    assert "private" in first.headers["Cache-Control"] and "Cookie" in first.headers["Vary"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == first.headers["ETag"]
    make_activity("Later", start=dt.date(2012, 1, 1), chambers=[world["fr"]])
    changed = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]


def test_a_compressed_answer_is_revalidated_by_its_weak_etag(client, world):
    first = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip" and first.headers["ETag"].startswith('W/"')
    again = client.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_profile_only_write_changes_the_profile_etag(client, world):
    etag = client.get("/profiles/FR-LC").headers["ETag"]
    make_contact(world["fr"])
    assert client.get("/profiles/FR-LC", headers={"If-None-Match": etag}).status_code == 200


def test_other_filters_and_bad_input_are_never_answered_from_another_etag(client, world):
    etag = client.get("/api/v1/coverage").headers["ETag"]
    assert client.get("/api/v1/coverage?area=research", headers={"If-None-Match": etag}).status_code == 200
    bad = client.get("/api/v1/coverage?from=abc", headers={"If-None-Match": etag})
    assert bad.status_code == 400 and "ETag" not in bad.headers


def test_anonymous_and_signed_in_visitors_never_share_an_answer(app, world):
    make_contact(world["fr"])
    client = SeparateClient(app, app.response_class, use_cookies=True)
    anonymous = client.get("/profiles/FR-LC")
    assert "Ada Lovelace" not in anonymous.get_data(as_text=True)
    client = signed_in(app, "parliament", chamber=world["fr"])
    mine = client.get("/profiles/FR-LC", headers={"If-None-Match": anonymous.headers["ETag"]})
    assert mine.status_code == 200 and "Ada Lovelace" in mine.get_data(as_text=True)
    assert mine.headers["ETag"] != anonymous.headers["ETag"]
    # and the signed-in user's ETag never validates an anonymous visitor's copy
    stranger = SeparateClient(app, app.response_class, use_cookies=True)
    answer = stranger.get("/profiles/FR-LC", headers={"If-None-Match": mine.headers["ETag"]})
    assert answer.status_code == 200 and "Ada Lovelace" not in answer.get_data(as_text=True)


def test_a_long_history_is_paged_on_the_profile(client, world):
    for n in range(RECORDS_PER_PAGE + 5):
        make_activity(f"A{n}", start=dt.date(2000 + n % 20, 1, 1 + n % 28), chambers=[world["ke"]])
    first = client.get("/profiles/KE-LC").get_data(as_text=True)
    records = first.split('id="records"')[1].split("</table>")[0]
    assert records.count("<tr>") - 1 == RECORDS_PER_PAGE  # the rows of the records table, its header row aside
    assert "page 1 of 2" in first and "Older records" in first
    second = client.get("/profiles/KE-LC?page=2").get_data(as_text=True)
    assert "Newer records" in second and "page 2 of 2" in second
    assert client.get("/profiles/KE-LC?page=x").status_code == 400
    assert client.get("/profiles/KE-LC?page=0").status_code == 400
    assert "page 2 of 2" in client.get("/profiles/KE-LC?page=99").get_data(as_text=True)  # the last page


def test_workers_share_the_report_cache_in_redis(make_app, monkeypatch):
    prefix = f"pt-test-{uuid.uuid4().hex[:8]}:"
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at " + REDIS_URL)
    settings = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": prefix}
    first = make_app(**settings)
    second = make_app(**settings, SQLALCHEMY_DATABASE_URI=first.config["SQLALCHEMY_DATABASE_URI"])
    counted, original = [], report._coverage_report
    monkeypatch.setattr(report, "_coverage_report", lambda f: counted.append(f) or original(f))
    try:
        with first.app_context():
            make_activity("W", start=dt.date(2010, 3, 1), chambers=[make_chamber("FR-LC")])
            assert first.test_client().get("/api/v1/coverage").get_json()["activities"] == 1
        with second.app_context():  # another worker: served from Redis, not counted again
            assert second.test_client().get("/api/v1/coverage").get_json()["activities"] == 1
            assert len(counted) == 1 and len(server.keys(prefix + "*coverage_report*")) == 1
            make_activity("X", start=dt.date(2011, 3, 1), chambers=[make_chamber("KE-LC")])
        with first.app_context():  # the first worker sees the write at once: a new data version, a new key
            assert first.test_client().get("/api/v1/coverage").get_json()["activities"] == 2
        assert len(counted) == 2 and len(server.keys(prefix + "*coverage_report*")) == 2
    finally:
        for key in server.keys(prefix + "*"):
            server.delete(key)
