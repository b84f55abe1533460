"""A real SMTP server (aiosmtpd) in the test process, on a free port chosen at run time; it keeps what it got."""

from __future__ import annotations

import email
import email.policy
import re
import socket
import time
from email.message import Message

from aiosmtpd.controller import Controller

PREFERRED_PORTS = range(5131, 5140)
LINK_RE = re.compile(r"https?://\S+")


def free_port() -> int:
    for port in PREFERRED_PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collect:
    def __init__(self, inbox: list, greetings: list):
        self.inbox, self.greetings = inbox, greetings

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.greetings.append(session.host_name)
        self.inbox.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


class SmtpServer:
    """start()/stop() it to simulate an outage; messages() parses what it accepted, in order."""

    def __init__(self):
        self.port = free_port()
        self.inbox: list = []
        self.greetings: list = []  # the name each sender gave in EHLO/HELO, per accepted message
        self.controller = None

    def start(self) -> None:
        # server_hostname: else aiosmtpd asks DNS for this machine's name on every connection.
        self.controller = Controller(_Collect(self.inbox, self.greetings), hostname="127.0.0.1", port=self.port,
                                     server_hostname="localhost")
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages(self) -> list[Message]:
        return [email.message_from_bytes(raw, policy=email.policy.default) for _, _, raw in self.inbox]

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages() if m["To"] == address]

    def wait_for(self, address: str, count: int = 1, timeout: float = 20.0, outbox=None) -> list[Message]:
        """The messages to address once there are count of them (delivery may run after a response is sent);
        outbox, an app, lets a failure say what the app's outbox holds for the address."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.to(address)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{count} message(s) to {address} expected; the server got {len(self.to(address))}"
                             + (f"; the outbox holds {outbox_rows(outbox, address)}" if outbox else ""))


def outbox_rows(app, address: str) -> list[tuple]:
    from sqlalchemy import select

    from parliament_tracker.extensions import db
    from parliament_tracker.mail.models import OutboxMessage

    with app.app_context():
        rows = db.session.execute(select(OutboxMessage.kind, OutboxMessage.status, OutboxMessage.attempts,
                                         OutboxMessage.last_error).where(OutboxMessage.recipient == address))
        return [tuple(row) for row in rows]


def body_of(message: Message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def link_in(message: Message) -> str:
    match = LINK_RE.search(body_of(message))
    assert match, f"no link in: {body_of(message)}"
    return match.group(0)
