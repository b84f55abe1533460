"""GET /api/v1/coordination/overlaps (paged): where two organisations worked with the same chamber in the same
area within a window of months, from the same query as the /coordination page."""

from __future__ import annotations

from parliament_tracker.api import bp
from parliament_tracker.api.access import errors, open_data, revalidated
from parliament_tracker.api.schemas import coordination as s
from parliament_tracker.api.schemas.common import page_of
from parliament_tracker.dashboards import coordination, throttle
from parliament_tracker.dashboards.choices import coordination_choices
from parliament_tracker.dashboards.forms import CoordinationFilterForm
from parliament_tracker.errors import json_error


@bp.get("/api/v1/coordination/overlaps", tags=["coordination"])
@throttle.paired_on_the_fly
@open_data
@revalidated
@errors(400, 429)
@bp.arguments(s.OverlapQuery, location="query", as_kwargs=True)
@bp.response(200, s.OverlapPage)
def coordination_overlaps(page: int, per_page: int, **_query):
    """Overlaps between organisations, over public activities only, by chamber, area and organisations.

    An organisation works in an activity it leads, implements or co-organises; two organisations overlap in a
    chamber and area when each worked there, in different non-deleted public activities, with start dates at most
    `window` calendar months apart. A period or a window other than 12 months is paired per request and
    rate-limited per client address (429 with Retry-After)."""
    form = CoordinationFilterForm()
    form.set_choices(coordination_choices())
    if not form.validate():
        return json_error(400, "Invalid query parameters.",
                          {getattr(form, name).name: errors for name, errors in form.errors.items()})
    total, rows = coordination.overlap_page(coordination.CoordinationFilters(**form.coordination()),
                                            limit=per_page, offset=(page - 1) * per_page)
    return page_of("overlaps", rows, page, per_page, total=total)
