"""Database-level helpers that belong to no feature."""

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from parliament_tracker.extensions import db


def database_answers() -> bool:
    """True when a trivial query succeeds."""
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        db.session.rollback()
        return False


def sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless asked, and the registry relies on them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
