"""flask mail send-digests: the daily digest of notices, run from cron or a systemd timer."""

import click

from parliament_tracker.mail.cli import mail_cli
from parliament_tracker.mail.outbox import deliver_committed
from parliament_tracker.notices.digests import send_digests


@mail_cli.command("send-digests")
def send_digests_command():
    """Queue each user's digest of what changed since their last one, then send them."""
    queued = send_digests()
    sent = deliver_committed()
    click.echo(f"digests queued {queued}, sent {sent}" + ("" if sent == queued else
                                                          "; the rest wait for flask mail retry"))
