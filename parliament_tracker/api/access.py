"""Who may call an API route, said once per route for both the check and the OpenAPI document: each decorator
applies the rule of auth/permissions.py and documents the security it needs and the error answers it gives."""

from __future__ import annotations

from parliament_tracker.api import bp
from parliament_tracker.api.spec import ANYONE, SIGNED_IN
from parliament_tracker.auth.permissions import public, public_unless_disabled, role_required
from parliament_tracker.conditional import conditional
from parliament_tracker.errors import ErrorSchema
from parliament_tracker.settings import dashboards_are_public

UNAUTHORIZED = "No session or valid token (or, on open data, the dashboards are closed to anonymous visitors)."


def errors(*statuses: int):
    """Document the ErrorBody answers a route may give (400, 401, 403, 404, ...)."""

    def decorator(view):
        for status in statuses:
            view = bp.alt_response(status, schema=ErrorSchema, description=_WHY[status])(view)
        return view

    return decorator


_WHY = {400: "A parameter is malformed or not one of the allowed values; `fields` names it.",
        401: UNAUTHORIZED, 403: "The account's role (or chambers) may not see this.",
        404: "No such record.",
        429: "Too many requests from this address (a rate limit, e.g. COORDINATION_RATE_LIMIT); `Retry-After` says "
             "when to try again."}


def _secure(view, security, *statuses):
    return errors(*statuses)(bp.doc(security=security)(view))


def public_api(view):
    """Open to everyone, always (the registry, the vocabularies)."""
    return public(_secure(view, ANYONE, 401))


def open_data(view):
    """Open to everyone while the dashboards are public (the default), else to signed-in users."""
    return public_unless_disabled(dashboards_are_public)(_secure(view, ANYONE, 401))


def roles_api(*roles: str):
    """Only for signed-in users with one of roles (a session or a bearer token)."""

    def decorator(view):
        view = bp.doc(**{"x-roles": list(roles)})(view)
        return role_required(*roles)(_secure(view, SIGNED_IN, 401, 403))

    return decorator


staff_api = roles_api("admin", "staff")


def revalidated(view):
    """conditional.py's ETag and 304 for an answer built from the data version, documented."""
    return conditional(bp.alt_response(304, description="Not modified: the ETag sent in If-None-Match is still "
                                                        "current (answers carry an ETag).")(view))
