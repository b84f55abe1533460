"""The one rate limit of the coordination questions that cost more than a read of the stored overlaps: the page and
the API when their filters pair on the fly (a period, or a window other than the stored one:
coordination._overlap_ids), and every download of the overlaps (each lists every overlap's activities). Per client
address, shared by the page, the API and the downloads (COORDINATION_RATE_LIMIT, README "Coordination"); a
refused request is a 429 with Retry-After. The stored answers are not limited: they cost a few index reads."""

from __future__ import annotations

from flask import current_app, request

from parliament_tracker.dashboards.coordination_store import STORED_WINDOW
from parliament_tracker.extensions import limiter


def _limit() -> str:
    return current_app.config["COORDINATION_RATE_LIMIT"]


def _answered_from_store() -> bool:
    """Whether the query string leaves the overlaps to the stored ones (no period, the stored window or none)."""
    window = request.args.get("window", "").strip()
    return not (request.args.get("from") or request.args.get("to")) and window in ("", str(STORED_WINDOW))


# the page and the API: limited when they pair on the fly
paired_on_the_fly = limiter.shared_limit(_limit, scope="coordination", exempt_when=_answered_from_store)
# the downloads: always
every_download = limiter.shared_limit(_limit, scope="coordination")
