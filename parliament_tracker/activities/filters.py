"""The activities list's filters read from the query string: shared by the list page, its CSV and the API."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.activities import queries, services
from parliament_tracker.activities.forms import ActivityFilterForm
from parliament_tracker.chambers.services import region_choices
from parliament_tracker.localised import region_name
from parliament_tracker.organisations.services import organisation_choices


def read_activity_filter() -> tuple[ActivityFilterForm, queries.ActivityFilter | None]:
    """The filter form (choices filled) and the filter it describes, or None when a value is not allowed."""
    form = ActivityFilterForm()
    form.area.choices = [("", _("Any area"))] + services.area_choices()
    form.year.choices = [("", _("Any year"))] + [(str(y), str(y)) for y in queries.year_choices()]
    form.donor.choices = [("", _("Any donor"))] + organisation_choices()
    form.region.choices = [("", _("Any region"))] + [(r, region_name(r)) for r in region_choices()]
    if not form.validate():
        return form, None
    return form, queries.ActivityFilter(
        q=(form.q.data or "").strip(), area=form.area.data, activity_type=form.activity_type.data,
        year=int(form.year.data) if form.year.data else None, donor=int(form.donor.data) if form.donor.data else None,
        region=form.region.data, chamber=(form.chamber.data or "").strip().upper(), sort=form.sort.data,
        **activity_visibility(current_user))


def activity_visibility(user) -> dict:
    """Which private activities the reader may list: an admin every organisation's, staff their own's."""
    if not user.is_authenticated:
        return {}
    return {"every_organisation": user.role == "admin", "private_of": user.organisation_id}
