"""Sign-in throttling per address and per account; the address comes from X-Forwarded-For only with PROXY_HOPS."""

import uuid

import pytest

from parliament_tracker.extensions import db
from tests import factories
from tests.conftest import read_csrf_token

WRONG = "not the password"


def _attempt(client, email, password=WRONG, address="192.0.2.1", forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post("/login", data={"email": email, "password": password, "csrf_token": read_csrf_token(client)},
                       environ_base={"REMOTE_ADDR": address}, headers=headers).status_code


def _email(app, role="staff") -> str:
    with app.app_context():
        email = factories.make_user(role).email
        db.session.remove()
        return email


def test_failed_sign_ins_to_one_account_are_held_whatever_the_address(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="100 per minute", ACCOUNT_LOGIN_RATE_LIMIT="3 per minute")
    email, other_email = _email(app), _email(app)
    client = app.test_client()
    statuses = [_attempt(client, email, address=a) for a in ("192.0.2.1", "198.51.100.7", "192.0.2.1")]
    assert statuses == [400, 400, 400]
    # a fourth attempt from yet another address is held, even with the right password: no oracle while held
    assert _attempt(client, email, address="203.0.113.9") == 429
    assert _attempt(client, email, factories.PASSWORD, address="203.0.113.9") == 429
    assert _attempt(client, email.upper(), factories.PASSWORD, address="203.0.113.10") == 429  # same account
    # the hold is the account's, not the address's: another account signs in from the same addresses
    assert _attempt(client, other_email, factories.PASSWORD, address="192.0.2.1") == 302


def test_successful_sign_ins_cost_the_account_nothing(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="100 per minute", ACCOUNT_LOGIN_RATE_LIMIT="2 per minute")
    email = _email(app)
    statuses = [_attempt(app.test_client(), email, factories.PASSWORD) for _ in range(4)]
    assert statuses == [302] * 4
    assert [_attempt(app.test_client(), email) for _ in range(3)] == [400, 400, 429]


def test_without_proxy_hops_x_forwarded_for_is_ignored(make_app):
    """Otherwise anyone could write the header and start a fresh per-address bucket with every attempt."""
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute", ACCOUNT_LOGIN_RATE_LIMIT="100 per minute")
    assert app.config["PROXY_HOPS"] == 0
    client = app.test_client()
    statuses = [_attempt(client, f"n{i}@example.org", forwarded=f"203.0.113.{i}") for i in range(3)]
    assert statuses == [400, 400, 429]


def test_with_proxy_hops_the_address_comes_from_the_trusted_proxy_header(make_app):
    """Behind one reverse proxy every request comes from the proxy's address: the header tells users apart."""
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute", ACCOUNT_LOGIN_RATE_LIMIT="100 per minute",
                   PROXY_HOPS=1)
    client = app.test_client()
    proxy = "10.0.0.2"
    assert [_attempt(client, f"a{i}@example.org", address=proxy, forwarded="203.0.113.1") for i in range(3)] \
        == [400, 400, 429]
    # another user behind the same proxy is not held by the first one's attempts
    assert _attempt(client, "b@example.org", address=proxy, forwarded="203.0.113.2") == 400
    # with one trusted hop, only the last address of the header counts: a forged first entry changes nothing
    assert _attempt(client, "c@example.org", address=proxy, forwarded="198.51.100.1, 203.0.113.1") == 429


def test_proxy_hops_must_be_a_small_whole_number(monkeypatch):
    from config import _count

    for bad in ("many", "-1", "1" * 309, "²"):
        monkeypatch.setenv("PROXY_HOPS", bad)
        with pytest.raises(RuntimeError, match="PROXY_HOPS"):
            _count("PROXY_HOPS", 0)
    monkeypatch.setenv("PROXY_HOPS", "2")
    assert _count("PROXY_HOPS", 0) == 2
    monkeypatch.delenv("PROXY_HOPS")
    assert _count("PROXY_HOPS", 0) == 0


@pytest.fixture
def redis_prefix():
    """A unique key prefix in Redis database 1, and every key under it removed afterwards."""
    redis = pytest.importorskip("redis")
    server = redis.Redis(host="127.0.0.1", port=6379, db=1, socket_connect_timeout=1)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    prefix = f"pt-test-13a-{uuid.uuid4().hex}"
    yield prefix, server
    keys = list(server.scan_iter(match=f"*{prefix}*"))
    if keys:
        server.delete(*keys)
    assert not list(server.scan_iter(match=f"*{prefix}*"))
    server.close()


def test_the_account_hold_counts_in_redis_across_workers_and_addresses(make_app, redis_prefix):
    """Two workers (two app instances) share the per-account count when it lives in Redis, as in production."""
    redis_prefix, server = redis_prefix
    settings = {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "100 per minute", "ACCOUNT_LOGIN_RATE_LIMIT": "2 per minute",
                "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/1", "RATELIMIT_KEY_PREFIX": redis_prefix}
    first, second = make_app(**settings), make_app(**settings)
    email = _email(first)
    statuses = [_attempt(app.test_client(), email, address=address)
                for app, address in ((first, "192.0.2.1"), (second, "198.51.100.7"), (first, "203.0.113.9"))]
    assert statuses == [400, 400, 429]
    assert any(b"account:" in key for key in server.scan_iter(match=f"*{redis_prefix}*")), "counted in Redis"
