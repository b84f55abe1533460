"""flask mail ...: retry what could not be sent (run from cron), and check the mail settings."""

import click
from flask.cli import AppGroup

from parliament_tracker.mail import outbox

mail_cli = AppGroup("mail", help="Outgoing mail: retries, digests, a test message.")


@mail_cli.command("retry")
@click.option("--all", "include_waiting", is_flag=True, help="Also messages whose next attempt is not due yet.")
@click.option("--failed", "include_failed", is_flag=True, help="Also messages given up on after the last attempt.")
def retry(include_waiting, include_failed):
    """Attempt every queued message that is due; exits 1 when any attempt failed (they stay queued)."""
    result = outbox.retry_due(include_waiting=include_waiting or include_failed, include_failed=include_failed)
    click.echo(f"sent {result.sent}, failed {result.failed}, left to another process {result.skipped}")
    if result.failed:
        raise SystemExit(1)


@mail_cli.command("test")
@click.argument("recipient")
def send_test(recipient):
    """Queue and send one message to RECIPIENT now, to check MAIL_SERVER and the credentials."""
    message = outbox.queue_message(recipient, "parliament-tracker: test message",
                                   "This message checks that parliament-tracker can send mail.\n", "test")
    outbox.db.session.commit()
    if not outbox.deliver_committed():
        outbox.db.session.refresh(message)
        raise click.ClickException(f"not sent (it stays queued for flask mail retry): {message.last_error}")
    click.echo(f"sent to {recipient}")
