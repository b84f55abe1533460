"""Counting the SQL statements a request runs, so a query per row shows up as a failing test."""

from __future__ import annotations

from contextlib import contextmanager

from flask import current_app
from sqlalchemy import event

from parliament_tracker.extensions import db


class StatementLog:
    """The statements run on the application's engine while the log is open (text, in order)."""

    def __init__(self):
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)


@contextmanager
def statement_log():
    log = StatementLog()
    event.listen(db.engine, "before_cursor_execute", log._record)
    try:
        yield log
    finally:
        event.remove(db.engine, "before_cursor_execute", log._record)


def count_request(client, path: str):
    """(response, statement log) of one GET request of path, in an application context (so a database session) of
    its own as in production: the test's session and its identity map would otherwise answer some loads."""
    with current_app.app_context(), statement_log() as log:
        response = client.get(path)
    return response, log
