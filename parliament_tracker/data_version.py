"""The data version: a random token in the settings table that every write to the data the dashboards and the
chamber profiles show replaces IN THE SAME TRANSACTION, so that anything keyed by it (the report cache, ETags) is
never stale. A rolled-back write leaves the old token.

SQLAlchemy session events, by table name (this shared module imports no feature): before each flush that adds,
changes or deletes a row of a WATCHED table, and on every bulk INSERT/UPDATE/DELETE statement on one.
Writes that bypass the session (raw SQL on a connection) are not seen.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import column, event, select, table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from parliament_tracker.extensions import db

VERSION_KEY = "coverage_data_version"
# what the coverage dashboards count and what the profiles show
WATCHED = frozenset({"activities", "activity_areas", "activity_partners", "organisations", "participations", "chambers",
                     "countries", "geopolitical_groups", "country_groups", "chamber_contacts", "participation_reports",
                     "feedback", "country_income_groups", "assessments", "assessment_answers", "assessment_categories", "assessment_questions",
                     "content_translations"})
_settings = table("settings", column("key"), column("value"))


def data_version() -> str:
    """The current token; any committed write to a WATCHED table has changed it."""
    return db.session.scalar(select(_settings.c.value).where(_settings.c.key == VERSION_KEY)) or "initial"


def bump_version(connection) -> None:
    """Write a new token (one upsert, so two first writers cannot collide)."""
    token = uuid.uuid4().hex
    dialect_insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = dialect_insert(_settings).values(key=VERSION_KEY, value=token)
    connection.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": token}))


def database_tag() -> str:
    """A short name of the database, so that two databases sharing one cache never share an entry."""
    url = db.engine.url.render_as_string(hide_password=True)
    return hashlib.blake2b(url.encode(), digest_size=6).hexdigest()


@event.listens_for(Session, "before_flush")
def _bump_on_flush(session, flush_context, instances):
    if any(getattr(obj, "__tablename__", None) in WATCHED for obj in (*session.new, *session.dirty, *session.deleted)):
        bump_version(session.connection())


@event.listens_for(Session, "do_orm_execute")
def _bump_on_bulk(state):
    if state.is_insert or state.is_update or state.is_delete:
        if getattr(getattr(state.statement, "table", None), "name", None) in WATCHED:
            bump_version(state.session.connection())
