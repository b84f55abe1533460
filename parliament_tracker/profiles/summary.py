"""A chamber's profile assembled from the queries: the public part, and the private part for its own accounts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from parliament_tracker.activities.services import list_areas
from parliament_tracker.chambers.services import other_chambers
from parliament_tracker.extensions import db
from parliament_tracker.profiles import queries
from parliament_tracker.profiles.models import ParticipationReport


@dataclass
class Timeline:
    """Activities per start year (rows) and area (columns), the chamber a beneficiary."""

    years: list[int]
    areas: list[str]
    counts: dict[tuple[int, str], int]


@dataclass
class PublicProfile:
    chamber: object
    others: list
    timeline: Timeline
    areas: list[queries.AreaReach]
    trained: queries.Trained
    trained_confirmed: queries.Trained
    expert_activities: int
    experts_to: list[queries.Supplied]
    donors: list[queries.DonorRow]
    records: list[queries.RecordRow]

    @property
    def breadth(self) -> int:
        """In how many areas the chamber was reached."""
        return sum(1 for a in self.areas if a.activities)


def build_timeline(rows: list[queries.TimelineRow]) -> Timeline:
    years = sorted({r.year for r in rows})
    areas = [a.label for a in list_areas()]
    return Timeline(years, areas, {(r.year, r.area): r.activities for r in rows})


def public_profile(chamber) -> PublicProfile:
    """Identity and coverage of the chamber: what everyone who may see dashboards may see."""
    return PublicProfile(
        chamber=chamber,
        others=other_chambers(chamber),
        timeline=build_timeline(queries.participation_timeline(chamber.id)),
        areas=queries.areas_reached(chamber.id),
        trained=queries.people_trained(chamber.id),
        trained_confirmed=queries.people_trained(chamber.id, confirmed_only=True),
        expert_activities=queries.expert_activities(chamber.id),
        experts_to=queries.experts_supplied_to(chamber.id),
        donors=queries.donors_funding(chamber.id),
        records=queries.participation_records(chamber.id),
    )


def chamber_reports(chamber_id: int) -> list[ParticipationReport]:
    """The chamber's disputes and missing-record reports, open ones first, newest first."""
    stmt = (select(ParticipationReport).where(ParticipationReport.chamber_id == chamber_id)
            .order_by((ParticipationReport.status == "open").desc(), ParticipationReport.created_at.desc(),
                      ParticipationReport.id.desc()))
    return list(db.session.scalars(stmt))
