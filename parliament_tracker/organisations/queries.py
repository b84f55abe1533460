"""The admin's list of organisations: each with its country, staff and activity counts, in one statement."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import column, func, select, table

from parliament_tracker.chambers.models import Country
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation, activity_partners

# The users and activities tables, named rather than imported: organisations is a leaf of the feature graph
# (auth and activities import it), and these counts read two columns of each.
_users = table("users", column("organisation_id"), column("role"), column("active"))
_activities = table("activities", column("id"), column("lead_organisation_id"), column("deleted_at"))


class OrganisationRow(NamedTuple):
    id: int
    name: str
    short_name: str
    org_type: str
    country_iso2: str | None
    country_name: str | None
    activities_public: bool
    is_home: bool
    staff: int  # its staff accounts (enabled or not)
    led: int  # the non-deleted activities it leads
    partnered: int  # the non-deleted activities it takes part in as a partner (implementing, co-organising, funding)


def organisation_rows() -> list[OrganisationRow]:
    """Every organisation by name, with its country, its staff accounts, the non-deleted activities it leads and
    those it is a partner in (counted once per activity whatever its roles): one grouped statement."""
    staff = (select(_users.c.organisation_id.label("oid"), func.count().label("n"))
             .where(_users.c.role == "staff").group_by(_users.c.organisation_id).subquery())
    led = (select(_activities.c.lead_organisation_id.label("oid"), func.count().label("n"))
           .where(_activities.c.deleted_at.is_(None)).group_by(_activities.c.lead_organisation_id).subquery())
    partnered = (select(activity_partners.c.organisation_id.label("oid"),
                        func.count(func.distinct(activity_partners.c.activity_id)).label("n"))
                 .join(_activities, _activities.c.id == activity_partners.c.activity_id)
                 .where(_activities.c.deleted_at.is_(None)).group_by(activity_partners.c.organisation_id).subquery())
    stmt = (select(Organisation.id, Organisation.name, Organisation.short_name, Organisation.org_type,
                   Country.iso2, Country.name, Organisation.activities_public, Organisation.is_home,
                   func.coalesce(staff.c.n, 0), func.coalesce(led.c.n, 0), func.coalesce(partnered.c.n, 0))
            .outerjoin(Country, Country.id == Organisation.country_id)
            .outerjoin(staff, staff.c.oid == Organisation.id).outerjoin(led, led.c.oid == Organisation.id)
            .outerjoin(partnered, partnered.c.oid == Organisation.id).order_by(Organisation.name))
    return [OrganisationRow(*row) for row in db.session.execute(stmt)]
