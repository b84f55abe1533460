"""A per-process cache of coverage reports, keyed by filter set and by the data version, so it is never stale.

The data version is a row of the settings table holding a random token. Every flush that adds, changes or
deletes an activity, participation, chamber, country, group, area or donor (and every bulk insert, update or
delete on their tables) writes a new token in the same transaction, so the moment a write commits every
process's next request misses the cache and recounts. A rolled-back write leaves the old token.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from functools import wraps

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from parliament_tracker.activities.models import Activity, ActivityArea, Participation, activity_donors
from parliament_tracker.chambers.models import Chamber, Country, CountryIncomeGroup, GeopoliticalGroup, country_groups
from parliament_tracker.donors.models import Donor
from parliament_tracker.extensions import db
from parliament_tracker.settings import Setting

VERSION_KEY = "coverage_data_version"
WATCHED = (Activity, ActivityArea, Donor, Participation, Chamber, Country, CountryIncomeGroup, GeopoliticalGroup)
WATCHED_TABLES = {m.__tablename__ for m in WATCHED} | {activity_donors.name, country_groups.name}
_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def data_version() -> str:
    """The current token; any committed write to the coverage tables has changed it."""
    return db.session.scalar(select(Setting.value).where(Setting.key == VERSION_KEY)) or "initial"


def bump_version(connection) -> None:
    """Write a new token (one upsert, so two first writers cannot collide)."""
    token = uuid.uuid4().hex
    dialect_insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = dialect_insert(Setting.__table__).values(key=VERSION_KEY, value=token)
    connection.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": token}))


@event.listens_for(Session, "before_flush")
def _bump_on_flush(session, flush_context, instances):
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(isinstance(obj, WATCHED) for obj in changed):
        bump_version(session.connection())


@event.listens_for(Session, "do_orm_execute")
def _bump_on_bulk(state):
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) in WATCHED_TABLES:
            bump_version(state.session.connection())


def cached(query):
    """Cache query(filters) per database, data version and filter set (COVERAGE_CACHE_SIZE entries; 0 = off)."""

    @wraps(query)
    def wrapper(filters):
        size = current_app.config.get("COVERAGE_CACHE_SIZE", 256)
        if not size:
            return query(filters)
        key = (query.__qualname__, str(db.engine.url), data_version(), filters.key())
        with _lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
        value = query(filters)
        with _lock:
            _cache[key] = value
            while len(_cache) > size:
                _cache.popitem(last=False)
        return value

    wrapper.uncached = query
    return wrapper


def clear() -> None:
    with _lock:
        _cache.clear()
