"""Which slices of the stored aggregates count an activity: the rule every typed pass of facts.py and
income_changes.py applies (scope.activity_conditions states the same rule for the queries over the participations;
the teardown recount proves them equal).

A slice's donor_id is ANY_DONOR (0) for every organisation's public work, or one organisation's id for its own
work: the activities it leads, private ones included, and the public ones it partners in, in any role.
"""

from __future__ import annotations

from sqlalchemy import Integer, case, literal, select, union_all

from parliament_tracker.dashboards.models import ANY_DONOR
from parliament_tracker.organisations.models import activity_partners
from parliament_tracker.organisations.services import public_organisations


def public_flag(activity):
    """1 when the activity's lead organisation publishes its activities, else 0 (a column, for a stage table)."""
    return case((activity.lead_organisation_id.in_(public_organisations()), 1), else_=0).label("public")


def linked(source):
    """Source's rows once per organisation that counts them in its own slice, as `organisation_id`: its lead (for
    every activity, private ones included) and its partners in any role (for a public activity only). The lead is
    never also a partner (organisations.services), so no row is counted twice for one organisation."""
    partners = activity_partners
    by_lead = select(source, source.c.lead_id.label("organisation_id"))
    by_partner = (select(source, partners.c.organisation_id)
                  .join(partners, partners.c.activity_id == source.c.activity_id).where(source.c.public == 1))
    return union_all(by_lead, by_partner).subquery("linked")


def sliced(source, by_donor: bool) -> tuple:
    """(rows, donor_id column): source's rows (with activity_id, lead_id and public columns) in the organisations'
    slices (by_donor), or its public rows in the ANY_DONOR slice."""
    rows = linked(source) if by_donor else select(source).where(source.c.public == 1).subquery("public")
    return rows, (rows.c.organisation_id if by_donor else literal(ANY_DONOR, Integer)).label("donor_id")
