"""The outbox: queued with the write, delivered after the commit over real SMTP, retried after an outage."""

import datetime as dt
import threading

from sqlalchemy import select

from config import TestingConfig
from parliament_tracker.audit import utcnow
from parliament_tracker.extensions import db
from parliament_tracker.mail.models import OutboxMessage
from parliament_tracker.mail.outbox import deliver_committed, queue_message, retry_due
from tests import factories
from tests.conftest import read_csrf_token
from tests.databases import SqliteTemplate
from tests.smtp import body_of


def _messages():
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_committed_message_is_delivered_over_smtp_with_its_headers(app, smtp):
    queue_message("someone@example.org", "Hello", "A body.\n", "test")
    db.session.commit()
    assert smtp.inbox == []  # nothing is sent inside the transaction or by the commit itself
    assert deliver_committed() == 1
    [received] = smtp.to("someone@example.org")
    assert received["Subject"] == "Hello" and "A body." in body_of(received)
    assert received["From"] == app.config["MAIL_DEFAULT_SENDER"]
    [message] = _messages()
    assert (message.status, message.attempts, message.last_error) == ("sent", 1, "")
    assert received["Message-ID"] == message.message_id and message.sent_at is not None
    assert smtp.greetings == ["tracker.example.org"]  # PUBLIC_URL's host: no DNS lookup of this machine's name


def test_the_ehlo_name_is_the_setting_or_an_address_literal(make_app, smtp):
    from parliament_tracker.mail.transport import ehlo_name

    for public_url, setting, expected in (("http://127.0.0.1:5000", "", "[127.0.0.1]"),
                                          ("http://[::1]:5000", "", "[IPv6:::1]"),
                                          ("", "", "localhost"),
                                          ("https://tracker.example.org", "mx1.example.org", "mx1.example.org")):
        assert ehlo_name({"PUBLIC_URL": public_url, "MAIL_EHLO_NAME": setting}) == expected
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_USE_TLS=False,
                   PUBLIC_URL="http://127.0.0.1:5000", MAIL_EHLO_NAME="sender.example.org")
    with app.app_context():
        queue_message("someone@example.org", "Hello", "A body.\n", "test")
        db.session.commit()
        assert deliver_committed() == 1
    assert smtp.greetings == ["sender.example.org"]


def test_a_rolled_back_write_sends_nothing(app, smtp):
    queue_message("someone@example.org", "Hello", "A body.\n", "test")
    db.session.flush()
    db.session.rollback()
    assert deliver_committed() == 0
    assert _messages() == [] and smtp.inbox == []


def test_an_outage_loses_nothing_and_flask_mail_retry_delivers_when_the_server_is_back(app, smtp, runner):
    smtp.stop()
    staff = factories.make_user("staff")
    queue_message("someone@example.org", "During the outage", "Still here.\n", "test", user=staff)
    db.session.commit()
    assert deliver_committed() == 0
    [message] = _messages()
    assert message.status == "queued" and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error and message.next_attempt_at > utcnow()

    result = runner.invoke(args=["mail", "retry"])  # not due yet: the backoff is respected
    assert result.exit_code == 0 and "sent 0, failed 0" in result.output
    result = runner.invoke(args=["mail", "retry", "--all"])  # still down: it fails again, kept
    assert result.exit_code == 1 and "failed 1" in result.output
    assert _messages()[0].attempts == 2

    smtp.start()
    message = _messages()[0]
    message.next_attempt_at = utcnow() - dt.timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "retry"])
    assert result.exit_code == 0 and "sent 1, failed 0" in result.output, result.output
    [received] = smtp.to("someone@example.org")
    assert received["Subject"] == "During the outage"
    assert _messages()[0].status == "sent"
    assert runner.invoke(args=["mail", "retry", "--all"]).output.startswith("sent 0, failed 0")  # sent once


def test_after_the_last_attempt_a_message_is_failed_and_retry_failed_sends_it(make_app, smtp):
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_USE_TLS=False, MAIL_MAX_ATTEMPTS=2)
    with app.app_context():
        smtp.stop()
        queue_message("someone@example.org", "Hello", "Body\n", "test")
        db.session.commit()
        deliver_committed()
        assert retry_due(include_waiting=True).failed == 1
        assert _messages()[0].status == "failed"
        assert retry_due(include_waiting=True).failed == 0  # given up: only --failed tries again
        smtp.start()
        assert retry_due(include_failed=True).sent == 1
        assert len(smtp.to("someone@example.org")) == 1


def test_a_message_another_process_is_sending_is_not_sent_twice(app, smtp):
    message = queue_message("someone@example.org", "Hello", "Body\n", "test")
    db.session.commit()
    db.session.info.pop("outbox_committed")
    message.status, message.claimed_at = "sending", utcnow()
    db.session.commit()
    assert retry_due(include_waiting=True).skipped == 1 and smtp.inbox == []
    message.claimed_at = utcnow() - dt.timedelta(hours=1)  # that process died mid-send
    db.session.commit()
    assert retry_due().sent == 1 and len(smtp.inbox) == 1


def test_the_link_of_a_reset_is_not_kept_in_the_database_once_sent(app, smtp):
    queue_message("someone@example.org", "Reset", "https://x/password/reset/secret\n", "password_reset")
    db.session.commit()
    deliver_committed()
    assert _messages()[0].body == "" and "secret" in body_of(smtp.messages()[0])


def test_without_a_mail_server_messages_are_logged_and_written_as_eml_files(make_app, tmp_path, capsys):
    app = make_app(MAIL_SERVER="", MAIL_FILE_DIR=str(tmp_path / "mail"))
    app.logger.disabled = False  # the migrations' logging configuration turned it off in the test session
    with app.app_context():
        queue_message("someone@example.org", "Filed", "Read me.\n", "test")
        db.session.commit()
        assert deliver_committed() == 1
    [path] = (tmp_path / "mail").glob("*.eml")
    text = path.read_text()
    assert "Subject: Filed" in text and "To: someone@example.org" in text and "Read me." in text
    assert "Filed" in capsys.readouterr().err


def test_flask_mail_test_reports_success_and_failure(app, smtp, runner):
    assert runner.invoke(args=["mail", "test", "ops@example.org"]).exit_code == 0
    assert len(smtp.to("ops@example.org")) == 1
    smtp.stop()
    result = runner.invoke(args=["mail", "test", "ops@example.org"])
    assert result.exit_code == 1 and "ConnectionRefusedError" in result.output


def _hold_the_outbox():
    """A second connection that holds a write lock on the outbox until released: SQLite's database lock, or a
    PostgreSQL table lock. Returns release()."""
    engine = db.engine
    connection = engine.connect()
    if engine.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("LOCK TABLE outbox_messages IN EXCLUSIVE MODE")

    def release():
        connection.rollback()
        connection.close()

    return release


def test_a_database_busy_after_the_response_delays_the_mail_but_does_not_lose_it(make_app, db_template, smtp):
    busy_fast = ({"timeout": 0.1} if isinstance(db_template, SqliteTemplate)
                 else {"options": "-c lock_timeout=100"})
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port, MAIL_USE_TLS=False,
                   PUBLIC_URL="https://tracker.example.org",
                   SQLALCHEMY_ENGINE_OPTIONS={**TestingConfig.SQLALCHEMY_ENGINE_OPTIONS, "connect_args": busy_fast})
    with app.app_context():
        user = factories.make_user("parliament", email="busy@example.org")
        client = app.test_client()
        response = client.post("/password/forgot", data={"email": user.email, "csrf_token": read_csrf_token(client)})
        assert response.status_code == 302 and smtp.to(user.email) == []  # delivery waits for the response's end
        release = _hold_the_outbox()
        threading.Timer(1.0, release).start()  # busy for 1 s: ten times the lock wait the app is given
        response.close()  # the response has gone: delivery runs, finds the database busy, waits and sends
        [received] = smtp.to(user.email)
        assert "/password/reset/" in body_of(received)
        [message] = _messages()
        assert (message.status, message.attempts) == ("sent", 1)

