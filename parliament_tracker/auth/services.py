"""Account use cases: passwords, sign-in, creating and changing users. Each commits once."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select

from parliament_tracker.audit import record_change, snapshot, utcnow
from parliament_tracker.auth.models import ROLES, User
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError
from parliament_tracker.extensions import db
from parliament_tracker.organisations.services import home_organisation

AUDITED_FIELDS = ("email", "name", "role", "active", "donor_id", "is_org_admin", "chamber_codes")


class AccountError(DomainError):
    """A rule about accounts was broken; field names the form field it belongs to."""


def _hasher() -> PasswordHasher:
    return PasswordHasher(**current_app.config["PASSWORD_HASH"])


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(user: User | None, password: str) -> bool:
    if user is None:
        # Spend the same time on unknown e-mails so they cannot be told apart by timing.
        _hasher().hash(password)
        return False
    try:
        return _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None; records the sign-in time."""
    user = get_user_by_email(email)
    if not verify_password(user, password) or not user.active:
        return None
    with unit_of_work():
        user.last_login_at = utcnow()
    return user


def validate_password(password: str) -> None:
    if len(password) < 10:
        raise AccountError("Use at least 10 characters.", "password")


def _user_snapshot(user: User) -> dict:
    data = snapshot(user, AUDITED_FIELDS[:-1])
    data["chamber_codes"] = [c.code for c in user.chambers]
    return data


def _check_links(role: str, chambers: list, donor) -> None:
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", "role")
    if role == "parliament" and not chambers:
        raise AccountError("A parliament account needs at least one chamber.", "chambers")
    if role != "parliament" and chambers:
        raise AccountError("Only parliament accounts are tied to chambers.", "chambers")
    if role == "donor" and donor is None:
        raise AccountError("A donor account needs a donor.", "donor")
    if role == "parliament" and donor is not None:
        raise AccountError("A parliament's account speaks for its chambers, not for an organisation.", "donor")


def create_user(email: str, password: str, role: str, *, name: str = "", chambers=(), donor=None,
                org_admin: bool = False, by=None) -> User:
    """Create an account; refuses a duplicate e-mail, a weak password or links that do not fit the role."""
    email = email.strip().lower()
    if get_user_by_email(email) is not None:
        raise AccountError("An account with this e-mail already exists.", "email")
    validate_password(password)
    _check_links(role, list(chambers), donor)
    if role == "staff" and donor is None:  # staff always work for an organisation: the home one by default
        donor = home_organisation()
    with unit_of_work():
        user = User(email=email, name=name, role=role, password_hash=hash_password(password),
                    donor=donor, chambers=list(chambers), active=True, is_org_admin=org_admin and role == "staff")
        db.session.add(user)
        record_change("create", user, before=None, after=_user_snapshot(user), by=by)
    return user


def update_user(user: User, *, role: str, name: str, active: bool, chambers=(), donor=None, org_admin=None,
                by=None) -> User:
    """Change an account's role, links, whether it may sign in and (org_admin not None) whether it manages its
    organisation's staff (staff only); an admin cannot lock themself out."""
    if by is not None and by.id == user.id and (not active or role != "admin"):
        raise AccountError("You cannot disable your own account or remove your own admin role.", "role")
    _check_links(role, list(chambers), donor)
    if role == "staff" and donor is None:  # as when created: staff without one named work for the home one
        donor = home_organisation()
    before = _user_snapshot(user)
    with unit_of_work():
        user.role, user.name, user.active = role, name, active
        user.chambers, user.donor = list(chambers), donor
        user.is_org_admin = role == "staff" and (user.is_org_admin if org_admin is None else bool(org_admin))
        db.session.flush()
        after = _user_snapshot(user)
        # Disabled, or given another role or other chambers: no session opened under the old terms lives on.
        if any(before[key] != after[key] for key in ("role", "active", "donor_id", "chamber_codes")):
            end_sessions(user)
        record_change("update", user, before=before, after=after, by=by)
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one."""
    if not verify_password(user, current):
        raise AccountError("The current password is not correct.", "current_password")
    set_password(user, new, by=user)


def set_password(user: User, new: str, by=None) -> None:
    """Every way a password is set comes here, and so ends every session opened with the old one."""
    validate_password(new)
    with unit_of_work():
        user.password_hash = hash_password(new)
        end_sessions(user)
        record_change("update", user, before={"password": "(set)"}, after={"password": "(changed)"}, by=by,
                      note="password changed")


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.role, User.email)))


def get_user_or_404(user_id: int) -> User:
    return db.get_or_404(User, user_id)


def end_sessions(user: User) -> None:
    """End every session of the account, everywhere: cookies carry the generation they were issued under
    (User.get_id), and load_user refuses any other. Inside another service's unit of work it joins that
    transaction. A view keeping its own session signs in again after (auth.views.keep_this_session)."""
    with unit_of_work():
        user.session_generation = (user.session_generation or 0) + 1


def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: the enabled account in the session, if the session was not ended since."""
    user_id, _, generation = str(session_id).partition(":")
    if not (user_id.isascii() and user_id.isdigit() and generation.isascii() and generation.isdigit()):
        return None  # also every cookie issued before sessions carried a generation
    if len(user_id) > 10:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or str(user.session_generation or 0) != generation:
        return None
    return user


def choose_language(user: User, code: str) -> None:
    """The account's language (users.locale): the pages and the e-mail it gets are in it from now on. The
    caller passes an offered language; the choice is the user's own, so it is not audited."""
    with unit_of_work():
        user.locale = code
