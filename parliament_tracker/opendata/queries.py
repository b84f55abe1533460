"""The rows of the data package's tables: the public data only (what the public pages and dashboards show)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.activities.queries import is_public
from parliament_tracker.chambers.exports import registry_rows
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.dashboards.models import ANY_DONOR, ANY_TYPE, CoverageFact
from parliament_tracker.extensions import db

# Rows read per round trip for the large tables.
BATCH = 1000


def activity_key(ref: str | None, activity_id: int) -> str:
    """An activity's key in the open data (its ref, else id-<id>): the same as in the IATI file and the CSV."""
    return ref or f"id-{activity_id}"


def chamber_rows() -> Iterator[list]:
    """The registry, one row per chamber (the registry CSV's columns)."""
    return registry_rows()


def country_rows() -> Iterator[list]:
    """One row per country with its classifications (UN M49, World Bank income group, IPU groups)."""
    for c in db.session.scalars(select(Country).order_by(Country.iso3)):
        yield [c.iso3, c.iso2, c.name, c.un_member, c.m49_region, c.m49_subregion, c.m49_intermediate_region,
               c.income_group, ";".join(g.code for g in c.groups)]


def area_rows() -> Iterator[list]:
    """The centre's areas of work."""
    for a in db.session.scalars(select(ActivityArea).order_by(ActivityArea.position, ActivityArea.code)):
        yield [a.code, a.label]


def activity_rows() -> Iterator[list]:
    """Live activities with their public fields (no description, outcomes, partners or venue) and donors."""
    stmt = (select(Activity).where(Activity.deleted_at.is_(None), is_public()).order_by(Activity.start_date, Activity.id)
            .options(selectinload(Activity.donors)).execution_options(yield_per=BATCH))
    for a in db.session.scalars(stmt):
        yield [activity_key(a.ref, a.id), a.title, a.area.code, a.activity_type, a.start_date.isoformat(),
               a.end_date.isoformat(), a.online, ";".join(d.name for d in a.donors)]


def participation_rows() -> Iterator[list]:
    """Each chamber's part in a live activity as the public profile shows it: role, participants and women."""
    stmt = (select(Activity.ref, Activity.id, Chamber.code, Participation.role, Participation.participants,
                   Participation.women)
            .join(Participation.activity).join(Participation.chamber)
            .where(Activity.deleted_at.is_(None), is_public()).order_by(Activity.start_date, Activity.id, Chamber.code)
            .execution_options(yield_per=BATCH))
    for ref, activity_id, code, role, participants, women in db.session.execute(stmt):
        yield [activity_key(ref, activity_id), code, role, participants, women]


def coverage_rows() -> Iterator[list]:
    """The stored coverage facts by chamber, area and start year (live activities), as the dashboards sum them."""
    stmt = (select(Chamber.code, ActivityArea.code, CoverageFact.year, CoverageFact.activities,
                   CoverageFact.confirmed_activities, CoverageFact.expert_activities, CoverageFact.participants,
                   CoverageFact.women)
            .join(Chamber, Chamber.id == CoverageFact.chamber_id)
            .join(ActivityArea, ActivityArea.id == CoverageFact.area_id)
            # the facts are a cube by activity type and donor: the package publishes its totals, the "any" rows
            .where(CoverageFact.activity_type == ANY_TYPE, CoverageFact.donor_id == ANY_DONOR)
            .order_by(Chamber.code, ActivityArea.code, CoverageFact.year).execution_options(yield_per=BATCH))
    for row in db.session.execute(stmt):
        yield list(row)
