"""Password reset and invitations: a signed link that sets the account's password once, then stops working.

The token signs the account's id and a fingerprint of its password hash. Setting a password changes the hash,
so a used link (and every other link issued before) is refused; itsdangerous refuses it once it has expired.
"""

from __future__ import annotations

import hashlib
import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from parliament_tracker.audit import record_change
from parliament_tracker.auth.models import User
from parliament_tracker.auth.services import (
    AccountError,
    _check_links,
    _user_snapshot,
    get_user_by_email,
    set_password,
)
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.mail.outbox import queue_message
from parliament_tracker.mail.render import public_url, render_mail

RESET, INVITATION = "password-reset", "invitation"
MAX_AGE = {RESET: "PASSWORD_RESET_MAX_AGE", INVITATION: "INVITATION_MAX_AGE"}
# No argon2 hash starts so: an invited account has no password anyone could type until the invitee sets one.
UNUSABLE_PREFIX = "!unset:"


class LinkRefused(AccountError):
    """The link is forged, expired, already used, or its account was disabled."""


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]


def make_link_token(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_token(token: str, purpose: str) -> User:
    """The active account the token was made for, while it is unexpired and unused; LinkRefused otherwise."""
    max_age = current_app.config[MAX_AGE[purpose]]
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired:
        raise LinkRefused(_l("This link has expired. Ask for a new one.")) from None
    except BadSignature:
        raise LinkRefused(_l("This link is not valid. Check that it was copied whole, or ask for a new one.")) \
            from None
    user_id = data.get("u") if isinstance(data, dict) else None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or not secrets.compare_digest(str(data.get("f")), _fingerprint(user)):
        raise LinkRefused(_l("This link was already used or is no longer valid. Ask for a new one."))
    return user


def request_password_reset(email: str) -> None:
    """Queue a reset link for the active account with this e-mail, with nothing to tell whether there is one."""
    user = get_user_by_email(email or "")
    known = user is not None and user.active
    # The message is written either way (and delivered after the response): the answer takes the same time.
    stand_in = user if known else User(id=0, email="", name="", password_hash="")
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    link = public_url("auth.reset_password", token=make_link_token(stand_in, RESET))
    subject, body = render_mail("password_reset", stand_in.locale, user=stand_in, link=link, minutes=minutes)
    if known:
        with unit_of_work():
            queue_message(user.email, subject, body, "password_reset", user=user)


def reset_password(token: str, new: str) -> User:
    """Set the password of the link's account (which ends all its sessions); the link is then used up."""
    user = user_for_token(token, RESET)
    set_password(user, new, by=user)
    return user


def invite_correspondent(email: str, chambers, *, name: str = "", by=None, locale: str | None = None) -> User:
    """Create a parliament account for the chambers with no usable password, and queue the link that lets the
    invitee choose one, in locale (their account's language until they choose another); the account and the
    message are committed together."""
    email = _unused_email(email)
    _check_links("parliament", list(chambers), None)
    return _invite(User(email=email, name=name, role="parliament", active=True, chambers=list(chambers),
                        locale=_offered(locale)), "invitation", by)


def invite_staff(email: str, organisation, *, name: str = "", org_admin: bool = False, by=None,
                 locale: str | None = None) -> User:
    """Create a staff account of the organisation (managing its staff too when org_admin) with no usable
    password, and queue the link that lets the invitee choose one; the account and the message are committed
    together. Only ever a staff account: the role, the organisation and the flag are all the caller chooses."""
    if organisation is None:
        raise AccountError(_l("Choose the organisation the account works for."), "email")
    return _invite(User(email=_unused_email(email), name=name, role="staff", active=True, organisation=organisation,
                        is_org_admin=bool(org_admin), locale=_offered(locale)), "staff_invitation", by)


def _offered(locale: str | None) -> str | None:
    return locale if locale in current_app.config["LANGUAGES"] else None


def _unused_email(email: str) -> str:
    email = (email or "").strip().lower()
    if get_user_by_email(email) is not None:
        raise AccountError(_l("An account with this e-mail already exists."), "email")
    return email


def _invite(user: User, template: str, by) -> User:
    user.password_hash = UNUSABLE_PREFIX + secrets.token_urlsafe(24)
    exists = AccountError(_l("An account with this e-mail already exists."), "email")
    with unit_of_work(conflict=exists):  # the account and its invitation, or neither
        db.session.add(user)
        db.session.flush()  # the organisation's id in the audit record
        record_change("create", user, before=None, after=_user_snapshot(user), by=by, note="invited by e-mail")
        days = current_app.config["INVITATION_MAX_AGE"] // 86400
        link = public_url("auth.accept_invitation", token=make_link_token(user, INVITATION))
        subject, body = render_mail(template, user.locale, user=user, link=link, days=days,
                                    inviter=getattr(by, "name", "") or getattr(by, "email", ""))
        queue_message(user.email, subject, body, "invitation", user=user)
    return user


def accept_invitation(token: str, new: str) -> User:
    """The invitee sets their own password through the link; it then stops working."""
    user = user_for_token(token, INVITATION)
    set_password(user, new, by=user)
    return user


def invitation_pending(user: User) -> bool:
    return user.password_hash.startswith(UNUSABLE_PREFIX)
