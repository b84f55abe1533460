"""Database-level helpers that belong to no feature: the unit of work every service writes in."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import CheckConstraint, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

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


_DEPTH = "unit_of_work_depth"


@contextmanager
def unit_of_work(*, conflict: Exception | None = None, stale: Exception | None = None) -> Iterator[None]:
    """One use case's transaction: the block writes, leaving it commits once; any exception rolls the session
    back and propagates, so nothing is half-written.

    conflict replaces an IntegrityError (a unique or foreign key the database refused) and stale a
    StaleDataError (a version counter that moved), each with the domain error the view can show. Nested blocks
    join the outermost one: a service that calls another still commits once.
    """
    info = db.session.info
    depth = info.get(_DEPTH, 0)
    info[_DEPTH] = depth + 1
    try:
        yield
        if depth == 0:
            db.session.commit()
    except BaseException as error:
        if depth == 0:
            db.session.rollback()
        replacement = (conflict if isinstance(error, IntegrityError) else
                       stale if isinstance(error, StaleDataError) else None)
        if replacement is not None:
            raise replacement from error
        raise
    finally:
        info[_DEPTH] = depth


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def one_of(column: str, values, name: str, nullable: bool = False) -> CheckConstraint:
    """A check that column holds one of values (or NULL when nullable), named `name` under the naming convention."""
    condition = f"{column} IN ({', '.join(quoted(v) for v in values)})"
    return CheckConstraint(f"{column} IS NULL OR {condition}" if nullable else condition, name=name)
