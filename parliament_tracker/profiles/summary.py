"""A chamber's profile assembled from the queries: the public part, and the private part for its own accounts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from parliament_tracker.activities.services import list_areas
from parliament_tracker.chambers.services import other_chambers
from parliament_tracker.extensions import db
from parliament_tracker.profiles import queries
from parliament_tracker.profiles.models import ParticipationReport

RECORDS_PER_PAGE = 50  # a long history is paged on the profile page; the CSV, print page and API hold all of it


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
    supporters: list[queries.DonorRow]
    records: list[queries.RecordRow]
    records_total: int = 0
    records_page: int = 1  # the page of records shown (RECORDS_PER_PAGE each); all of them when records_pages is 1

    @property
    def records_pages(self) -> int:
        return max(1, -(-self.records_total // RECORDS_PER_PAGE)) if self.records_total > len(self.records) else 1

    @property
    def breadth(self) -> int:
        """In how many areas the chamber was reached."""
        return sum(1 for a in self.areas if a.activities)


def build_timeline(rows: list[queries.TimelineRow]) -> Timeline:
    years = sorted({r.year for r in rows})
    areas = [a.label for a in list_areas()]
    return Timeline(years, areas, {(r.year, r.area): r.activities for r in rows})


def public_profile(chamber, records_page: int | None = None) -> PublicProfile:
    """Identity and coverage of the chamber: what everyone who may see dashboards may see. records_page: only that
    page of the participation records (RECORDS_PER_PAGE, newest first), else all of them."""
    if records_page is None:
        records = queries.participation_records(chamber.id)
        total = len(records)
    else:
        total = queries.count_records(chamber.id)
        records_page = min(records_page, max(1, -(-total // RECORDS_PER_PAGE)))
        records = queries.participation_records(chamber.id, RECORDS_PER_PAGE, (records_page - 1) * RECORDS_PER_PAGE)
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
        supporters=queries.support_by_organisation(chamber.id),
        records=records,
        records_total=total,
        records_page=records_page or 1,
    )


def chamber_reports(chamber_id: int) -> list[ParticipationReport]:
    """The chamber's disputes and missing-record reports, open ones first, newest first."""
    stmt = (select(ParticipationReport).where(ParticipationReport.chamber_id == chamber_id)
            .order_by((ParticipationReport.status == "open").desc(), ParticipationReport.created_at.desc(),
                      ParticipationReport.id.desc()))
    return list(db.session.scalars(stmt))
