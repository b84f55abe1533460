"""The values the coverage filters accept, read from the registry and the activity tables."""

from sqlalchemy import exists, select

from parliament_tracker.activities.models import ACTIVITY_TYPES, ActivityArea
from parliament_tracker.chambers.models import INCOME_GROUPS, REGIONS
from parliament_tracker.dashboards.coordination import label_of
from parliament_tracker.dashboards.funded import donors_with_activities
from parliament_tracker.dashboards.models import CoordinationFact
from parliament_tracker.extensions import db
from parliament_tracker.labels import label
from parliament_tracker.localised import region_name
from parliament_tracker.organisations.models import ORGANISATION_TYPES, Organisation
from parliament_tracker.translated import in_language


def area_labels() -> dict[str, str]:
    """{area code: label in the request's language} in display order."""
    stmt = select(ActivityArea.code, ActivityArea.label).order_by(ActivityArea.position, ActivityArea.code)
    return {code: in_language(text, "activity_areas.label") for code, text in db.session.execute(stmt).all()}


def filter_choices(areas: dict[str, str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs for each coverage filter (areas: area_labels(), when the caller has them)."""
    return {
        "area": list((areas or area_labels()).items()),
        "activity_type": [(t, label("activity_type", t)) for t in ACTIVITY_TYPES],
        "region": [(r, region_name(r)) for r in REGIONS],
        "income_group": [(g, label("income_group", g)) for g in INCOME_GROUPS],
        "donor": donors_with_activities(),
    }


def coordination_choices(areas: dict[str, str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """filter_choices plus the coordination view's organisation filter (the organisations that worked with a
    chamber in a live public activity: they have stored coordination facts; a private organisation's name is never
    offered) and every organisation type."""
    org_label = label_of(Organisation)
    worked = exists().where(CoordinationFact.organisation_id == Organisation.id)
    organisations = db.session.execute(select(Organisation.id, org_label).where(worked).order_by(org_label))
    return {**filter_choices(areas), "organisation": [(str(i), name) for i, name in organisations],
            "org_type": [(t, label("org_type", t)) for t in ORGANISATION_TYPES]}
