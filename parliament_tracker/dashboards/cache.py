"""The shared report cache (Flask-Caching: in-process SimpleCache by default, RedisCache when CACHE_REDIS_URL or
REDIS_URL is set, shared by every worker and host), keyed by filter set and by the data version, so it is never
stale.

The data version (parliament_tracker/data_version.py) is a row of the settings table holding a random token.
Every flush that adds, changes or deletes an activity, participation, chamber, country, group, area or donor
(and every bulk insert, update or delete on their tables) writes a new token in the same transaction, so the
moment a write commits every worker's next request misses the cache and recounts. A rolled-back write leaves the old token. Entries of
an old version are never read again and age out (CACHE_DEFAULT_TIMEOUT, or the SimpleCache's size limit).
"""

from __future__ import annotations

from functools import wraps

from flask import current_app

from parliament_tracker.data_version import data_version, database_tag
from parliament_tracker.extensions import cache as report_cache


def version_key(*parts) -> str:
    """A cache key of the database, its data version and parts (reprs of plain values)."""
    return ":".join((database_tag(), data_version(), *(repr(p) for p in parts)))


def cached(query):
    """Cache query(filters) in the shared report cache per database, data version and filter set
    (COVERAGE_CACHE = False turns it off)."""

    @wraps(query)
    def wrapper(filters):
        if not current_app.config.get("COVERAGE_CACHE", True):
            return query(filters)
        key = version_key(query.__qualname__, filters.key())
        value = report_cache.get(key)
        if value is None:
            value = query(filters)
            report_cache.set(key, value)
        return value

    wrapper.uncached = query
    return wrapper


def clear() -> None:
    report_cache.clear()
