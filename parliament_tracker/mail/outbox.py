"""Queueing a message with the write that causes it, and delivering it once that write is committed.

A service calls queue_message before its commit: the message is part of the same transaction, so it exists
exactly when the write does. After the commit the message is delivered outside any request transaction (after
the response is sent, in a request); a failed attempt leaves it queued for `flask mail retry`.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from email.utils import make_msgid

from flask import Flask, current_app, has_request_context
from sqlalchemy import or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from parliament_tracker.audit import utcnow
from parliament_tracker.extensions import db
from parliament_tracker.mail.models import SECRET_KINDS, OutboxMessage
from parliament_tracker.mail.transport import DeliveryFailed, build_email, deliver

FLUSHED, COMMITTED = "outbox_flushed", "outbox_committed"
# A message claimed this long ago by a process that never finished (killed mid-send) may be claimed again.
STALE_CLAIM = dt.timedelta(minutes=15)
MAX_BACKOFF = dt.timedelta(hours=6)
# After a response the database may be busy for a moment (another writer holds SQLite's lock, PostgreSQL's lock
# wait ran out): the pauses, in seconds, before trying again. No one waits on them: the response is gone.
BUSY_PAUSES = (0.2, 0.5, 1, 2, 4, 8)


def queue_message(recipient: str, subject: str, body: str, kind: str, user=None) -> OutboxMessage:
    """Add a message to the current transaction; the caller's commit queues it (and its rollback drops it)."""
    domain = recipient.rpartition("@")[2] or "localhost"
    message = OutboxMessage(kind=kind, recipient=recipient, subject=subject[:300], body=body,
                            user_id=getattr(user, "id", None), message_id=make_msgid("pt", domain=domain),
                            status="queued", attempts=0, last_error="", next_attempt_at=utcnow())
    db.session.add(message)
    return message


def _backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, ... minutes after each failure, at most six hours."""
    return min(dt.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _claim(message_id: int, now: dt.datetime, due_only: bool) -> bool:
    """Mark the message as being sent by this process; False when another process has it or it is done."""
    waiting = OutboxMessage.status == "queued"
    if due_only:
        waiting = waiting & (OutboxMessage.next_attempt_at <= now)
    stale = (OutboxMessage.status == "sending") & (OutboxMessage.claimed_at < now - STALE_CLAIM)
    result = db.session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id, or_(waiting, stale))
                                .values(status="sending", claimed_at=now))
    db.session.commit()
    return result.rowcount == 1


def deliver_message(message_id: int, *, due_only: bool = False) -> bool | None:
    """One attempt at one message, in its own transactions: True sent, False failed (still queued or given up),
    None when it was not this process's to send."""
    now = utcnow()
    if not _claim(message_id, now, due_only):
        return None
    message = db.session.get(OutboxMessage, message_id)
    message.attempts += 1
    try:
        deliver(build_email(message.recipient, message.subject, message.body, message.message_id))
    except DeliveryFailed as error:
        gave_up = message.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]
        message.status, message.last_error = ("failed" if gave_up else "queued"), str(error)
        message.next_attempt_at = now + _backoff(message.attempts)
        current_app.logger.warning("mail %s to %s not sent (attempt %s): %s", message.id, message.recipient,
                                   message.attempts, error)
        db.session.commit()
        return False
    message.status, message.sent_at, message.last_error = "sent", utcnow(), ""
    if message.kind in SECRET_KINDS:
        message.body = ""  # the link in it signs someone in: it lives in their mailbox only
    db.session.commit()
    return True


@dataclass(frozen=True)
class RetryResult:
    sent: int
    failed: int
    skipped: int


def retry_due(*, include_waiting: bool = False, include_failed: bool = False, limit: int = 500) -> RetryResult:
    """Attempt every queued message whose next attempt is due (any queued one with include_waiting; the ones
    given up on too with include_failed), oldest first; another process's claim is left alone."""
    now = utcnow()
    statuses = ["queued", "sending"] + (["failed"] if include_failed else [])
    if include_failed:
        db.session.execute(update(OutboxMessage).where(OutboxMessage.status == "failed")
                           .values(status="queued", next_attempt_at=now))
        db.session.commit()
    stmt = select(OutboxMessage.id).where(OutboxMessage.status.in_(statuses))
    if not include_waiting:
        stmt = stmt.where(OutboxMessage.next_attempt_at <= now)
    ids = list(db.session.scalars(stmt.order_by(OutboxMessage.created_at, OutboxMessage.id).limit(limit)))
    outcomes = [deliver_message(i, due_only=not include_waiting) for i in ids]
    return RetryResult(outcomes.count(True), outcomes.count(False), outcomes.count(None))


def deliver_committed() -> int:
    """Deliver the messages the current session's commits queued; the number sent."""
    ids = db.session.info.pop(COMMITTED, [])
    return sum(bool(deliver_message(i)) for i in ids)


def _track(session: Session, _flush_context) -> None:
    ids = session.info.setdefault(FLUSHED, [])
    ids += [obj.id for obj in session.new if isinstance(obj, OutboxMessage)]


def _committed(session: Session) -> None:
    if session.info.get(FLUSHED):
        session.info.setdefault(COMMITTED, []).extend(session.info.pop(FLUSHED))


def _rolled_back(session: Session) -> None:
    session.info.pop(FLUSHED, None)


def register_delivery(app: Flask) -> None:
    """In a request, deliver after the response has gone (a slow or absent mail server never delays or breaks
    it); elsewhere (CLI), when the app context ends."""
    from sqlalchemy import event

    for name, listener in (("after_flush", _track), ("after_commit", _committed),
                           ("after_rollback", _rolled_back)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)

    @app.after_request
    def deliver_after_response(response):
        ids = db.session.info.pop(COMMITTED, None)
        if ids:
            real_app = current_app._get_current_object()
            response.call_on_close(lambda: _deliver_in_new_context(real_app, ids))
        return response

    @app.teardown_appcontext
    def deliver_at_teardown(_error):
        if not has_request_context() and db.session.info.get(COMMITTED):
            try:
                deliver_committed()
            except Exception:  # noqa: BLE001 - the messages stay queued for flask mail retry
                current_app.logger.exception("delivering queued mail failed")
                db.session.rollback()


def _deliver_in_new_context(app: Flask, ids: list[int]) -> None:
    with app.app_context():
        for message_id in ids:
            _deliver_while_busy(app, message_id)


def _deliver_while_busy(app: Flask, message_id: int) -> None:
    """One message, tried again while the database is busy; any other failure leaves it for the retry. A retry
    after the claim went through finds the message claimed and leaves it: nothing is sent twice."""
    for pause in (*BUSY_PAUSES, None):
        try:
            deliver_message(message_id)
            return
        except OperationalError as error:
            db.session.rollback()
            if pause is None:
                app.logger.error("mail %s left for flask mail retry, the database stayed busy: %s", message_id,
                                 error)
                return
            time.sleep(pause)
        except Exception:  # noqa: BLE001 - the response is gone; the message stays queued for the retry
            app.logger.exception("delivering queued mail %s failed", message_id)
            db.session.rollback()
            return
