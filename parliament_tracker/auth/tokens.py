"""Personal API tokens: created, listed and revoked by their owner; only a SHA-256 of each is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from flask import Request, abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from parliament_tracker.audit import utcnow
from parliament_tracker.auth.models import ApiToken, User
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError
from parliament_tracker.extensions import db

MAX_EXPIRY_DAYS = 3650
# last_used_at is a date for the owner to read, not a log: writing it once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenError(DomainError):
    """A token could not be created as asked; field names the form field."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: User, name: str, expires_days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for user, and the token itself, which is never stored and cannot be shown again."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise TokenError(_l("Give the token a name of 1 to 100 characters."), "name")
    if expires_days is not None and not 1 <= expires_days <= MAX_EXPIRY_DAYS:
        raise TokenError(_l("A token expires after 1 to %(n)s days, or never.", n=MAX_EXPIRY_DAYS), "expires_days")
    secret = secrets.token_urlsafe(32)
    expires = utcnow() + dt.timedelta(days=expires_days) if expires_days else None
    token = ApiToken(user_id=user.id, name=name, token_hash=_digest(secret), expires_at=expires)
    with unit_of_work():
        db.session.add(token)
    return token, secret


def list_tokens(user: User) -> list[ApiToken]:
    """The user's tokens, newest first, revoked and expired ones included (marked as such)."""
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens; anyone else's is a 404, as if it did not exist."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        abort(404)
    if token.revoked_at is None:
        with unit_of_work():
            token.revoked_at = utcnow()
    return token


def user_for_token(secret: str) -> User | None:
    """The enabled account an unrevoked, unexpired token belongs to (recording its use), or None."""
    if not secret or len(secret) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(secret)))
    now = utcnow()
    if token is None or not token.usable(now) or not token.user.active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        with unit_of_work():
            token.last_used_at = now
    return token.user


TOKEN_PATHS = ("/api/v1/", "/data/")


def bearer_secret(request: Request) -> str | None:
    """The token of an Authorization: Bearer header, where one may act: reads under /api/v1 and of the open
    data files (/data/, in the same OpenAPI document) only.
    Never on HTML pages, and never on a write, whose CSRF check a token would otherwise stand in for."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not request.path.startswith(TOKEN_PATHS):
        return None
    return secret.strip() if request.method in ("GET", "HEAD") else None


def load_user_from_request(request: Request) -> User | None:
    """Flask-Login's request loader, asked only when there is no signed-in session."""
    secret = bearer_secret(request)
    return user_for_token(secret) if secret is not None else None
