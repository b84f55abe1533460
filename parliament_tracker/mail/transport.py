"""Handing one message to the mail server (smtplib), or to the log and a folder of .eml files without one."""

from __future__ import annotations

import ipaddress
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app


class DeliveryFailed(Exception):
    """The message was not accepted; it stays in the outbox for the next attempt."""


def build_email(recipient: str, subject: str, body: str, message_id: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    email["To"] = recipient
    email["Subject"] = subject
    email["Date"] = formatdate(localtime=False, usegmt=True)
    # The same Message-ID on every attempt lets a receiving server drop a duplicate of a retried message.
    email["Message-ID"] = message_id
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(body)
    return email


def deliver(email: EmailMessage) -> None:
    """Send email over SMTP, or log and file it when no MAIL_SERVER is set; raise DeliveryFailed otherwise."""
    config = current_app.config
    if not config["MAIL_SERVER"]:
        _file(email, config.get("MAIL_FILE_DIR"))
        return
    try:
        _smtp(email, config)
    except (OSError, smtplib.SMTPException) as error:  # refused, timed out, TLS, auth, rejected recipient
        raise DeliveryFailed(f"{type(error).__name__}: {error}"[:1000]) from error


def ehlo_name(config) -> str:
    """The name this sender gives in EHLO: MAIL_EHLO_NAME, else PUBLIC_URL's host (an IP address bracketed, as
    RFC 5321 writes an address literal), else localhost."""
    name = config.get("MAIL_EHLO_NAME") or urlsplit(config.get("PUBLIC_URL") or "").hostname or "localhost"
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return name
    return f"[IPv6:{address}]" if address.version == 6 else f"[{address}]"


def _smtp(email: EmailMessage, config) -> None:
    context = ssl.create_default_context()
    host, port, timeout = config["MAIL_SERVER"], config["MAIL_PORT"], config["MAIL_TIMEOUT"]
    local = ehlo_name(config)
    if config["MAIL_USE_SSL"]:
        server = smtplib.SMTP_SSL(host, port, local_hostname=local, timeout=timeout, context=context)
    else:
        server = smtplib.SMTP(host, port, local_hostname=local, timeout=timeout)
    with server:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            server.starttls(context=context)
        if config["MAIL_USERNAME"]:
            server.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        server.send_message(email)


def _file(email: EmailMessage, folder: str | None) -> None:
    current_app.logger.info("mail (no MAIL_SERVER set) to %s: %s\n%s", email["To"], email["Subject"],
                            email.get_content())
    if not folder:
        return
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    name = email["Message-ID"].strip("<>").replace("/", "_").replace("@", "_at_")
    (path / f"{name}.eml").write_bytes(bytes(email))
