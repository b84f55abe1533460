"""The coverage facts table: a summary derived from the participations, kept current by dashboards/facts.py."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from parliament_tracker.extensions import db


class CoverageFact(db.Model):
    """The participations of one chamber in one area and year, counted and summed (live activities only).

    Derived data, like a materialised view: every row can be rebuilt from participations and activities, so it has
    no foreign keys and nothing else points at it. `country_first` counts the activities in which this chamber was
    the first (lowest id) of its country's chambers to take part, so the distinct activities of a country are the
    sum of its chambers' `country_first`. The `confirmed_` columns count the confirmed participations alone
    (for "confirmed only"); a row can hold zero confirmed activities.
    """

    __tablename__ = "coverage_facts"
    __table_args__ = (Index("ix_coverage_facts_area_year", "area_id", "year"),)

    chamber_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    activities: Mapped[int] = mapped_column(Integer)
    participants: Mapped[int | None] = mapped_column(Integer)
    women: Mapped[int | None] = mapped_column(Integer)
    participants_with_sex: Mapped[int | None] = mapped_column(Integer)
    country_first: Mapped[int] = mapped_column(Integer)
    confirmed_activities: Mapped[int] = mapped_column(Integer)
    confirmed_participants: Mapped[int | None] = mapped_column(Integer)
    confirmed_women: Mapped[int | None] = mapped_column(Integer)
    confirmed_participants_with_sex: Mapped[int | None] = mapped_column(Integer)
    confirmed_country_first: Mapped[int] = mapped_column(Integer)
    expert_activities: Mapped[int] = mapped_column(Integer)
    expert_first: Mapped[int] = mapped_column(Integer)
    confirmed_expert_activities: Mapped[int] = mapped_column(Integer)
    confirmed_expert_first: Mapped[int] = mapped_column(Integer)


class CoverageActivityCount(db.Model):
    """The live activities per area, year and type: derived like CoverageFact, kept current with it."""

    __tablename__ = "coverage_activity_counts"

    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    activity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    activities: Mapped[int] = mapped_column(Integer)
