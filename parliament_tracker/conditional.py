"""Conditional answers (ETag, 304 Not Modified) for the pages and JSON built from the data version.

An answer's ETag is a digest of everything it is made from: the data version (data_version.py: a new token with
every write to the data the coverage dashboards and profiles show), the request's path and query string, who asks (an
anonymous visitor, or the signed-in user with the role, chambers and donor that decide what is shown), the
locale, and the build (a digest of the templates, code and catalogues). A repeat visit that sends the ETag back
in If-None-Match gets a 304 without the work being done again; an anonymous visitor's page is kept in the shared
cache under its ETag (it holds nothing of any user's), so another anonymous visit is not rendered again. Answers are `private, no-cache` and vary on the
cookie and the language: no shared cache may keep them, and the browser asks again each time. A request with
flashed messages waiting is always answered in full (they would be lost).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from flask import current_app, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user

from parliament_tracker.data_version import data_version, database_tag
from parliament_tracker.extensions import cache

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def build_tag() -> str:
    """A digest of the templates, code and message catalogues: a new deployment changes every ETag."""
    digest = hashlib.blake2b(digest_size=8)
    for folder, pattern in (("templates", "**/*.html"), ("parliament_tracker", "**/*.py"),
                            ("parliament_tracker/translations", "**/*.mo")):
        for path in sorted((ROOT / folder).glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def viewer_tag() -> str:
    """Who asks, as far as it changes an answer: anonymous, or the user with role, chambers and donor."""
    if not current_user.is_authenticated:
        return "anonymous"
    chambers = ",".join(str(c.id) for c in current_user.chambers)
    return f"user:{current_user.id}:{current_user.role}:{chambers}:{current_user.donor_id}"


def current_etag() -> str:
    parts = (database_tag(), data_version(), request.full_path, viewer_tag(), str(get_locale()), build_tag())
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()


def _mark(response, etag: str):
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    response.vary.update(("Cookie", "Accept-Language"))
    return response


def conditional(view):
    """Decorator for a GET view built from the data version: 304 when the browser's copy is current, else the
    view's answer with its ETag (only a 200 gets one)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_app.config.get("CONDITIONAL_ANSWERS", True) or session.get("_flashes"):
            return view(*args, **kwargs)
        etag = current_etag()
        # weakly: a gzip-encoded answer carries the same tag as a weak validator (dashboards/assets.py)
        if request.if_none_match.contains_weak(etag):
            return _mark(current_app.response_class(status=304), etag)
        shared = not current_user.is_authenticated  # an anonymous page is the same for every anonymous visitor
        if shared and (kept := cache.get(f"page:{etag}")) is not None:
            body, mimetype, disposition = kept
            response = current_app.response_class(body, mimetype=mimetype)
            if disposition:
                response.headers["Content-Disposition"] = disposition
            return _mark(response, etag)
        response = make_response(view(*args, **kwargs))
        if response.status_code != 200:
            return response
        if shared and not response.direct_passthrough:
            cache.set(f"page:{etag}", (response.get_data(), response.mimetype,
                                       response.headers.get("Content-Disposition")))
        return _mark(response, etag)

    return wrapper
