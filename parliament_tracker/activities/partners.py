"""An activity's lead and partner organisations as a form names them: checked (known organisations, one role
each, the lead never also a partner, another lead only by an admin) before the services write them."""

from __future__ import annotations

from flask_babel import gettext as _

from parliament_tracker.activities.rules import ActivityError
from parliament_tracker.auth.permissions import can_choose_lead
from parliament_tracker.organisations.services import get_organisation

# each role's list in ActivityValues and the form field its refusals go next to
ROLE_FIELDS = (("implementing", "implementing_ids", "implementing"),
               ("co_organising", "co_organising_ids", "co_organising"),
               ("funding", "donor_ids", "donors"))


def chosen_lead(values, by):
    """The lead organisation values name (None when they name none). Only an installation admin (or the system:
    by None) names another organisation than the recorder's own."""
    if values.lead_id is None:
        return None
    lead = get_organisation(values.lead_id)
    if lead is None:
        raise ActivityError(_("Unknown organisation."), "lead")
    if by is not None and not can_choose_lead(by) and lead.id != getattr(by, "organisation_id", None):
        raise ActivityError(_("Only an administrator can choose another lead organisation."), "lead")
    return lead


def partners_of(values, activity) -> dict[int, str]:
    """{organisation id: role} of the partners values name for the activity (a role whose list is None keeps the
    activity's current partners of that role). ActivityError, next to its field, for an unknown organisation, one
    chosen in two roles, or the activity's lead."""
    chosen: dict[int, str] = {}
    for role, name, field in ROLE_FIELDS:
        ids = getattr(values, name)
        kept = [link.organisation_id for link in activity.partner_links if link.role == role] if ids is None else ()
        for organisation_id in ids if ids is not None else kept:
            organisation = get_organisation(organisation_id)
            if organisation is None:
                raise ActivityError(_("Unknown organisation."), field)
            if organisation.id == activity.lead_organisation.id:
                raise ActivityError(_("%(name)s leads this activity; it cannot also be one of its partners.",
                                      name=organisation.name), field)
            if chosen.get(organisation.id, role) != role:
                raise ActivityError(_("%(name)s is chosen in two roles; an organisation takes part in one role.",
                                      name=organisation.name), field)
            chosen[organisation.id] = role
    return chosen
