"""The stored coverage aggregates: derived from the participations, kept current by dashboards/facts.py."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from parliament_tracker.extensions import db

ANY_TYPE, ANY_DONOR = "", 0  # the key of a row that sums every activity type / every donor (the "any" rows)


class CoverageFact(db.Model):
    """The participations of one chamber in one area and year, counted and summed (live activities only), for one
    activity type and one donor, or for any (ANY_TYPE, ANY_DONOR): a small cube, so that every filter set reads one
    slice (activity_type, donor_id) of at most chambers x areas x years rows.

    Derived data, like a materialised view: every row can be rebuilt from participations and activities, so it has
    no foreign keys and nothing else points at it. `country_first` counts the activities in which this chamber was
    the first (lowest id) of its country's chambers to take part, so the distinct activities of a country are the
    sum of its chambers' `country_first`. The `confirmed_` columns count the confirmed participations alone
    (for "confirmed only"); a row can hold zero confirmed activities. An activity funded by two donors counts in
    both donors' rows and once in the ANY_DONOR rows; the ANY_TYPE rows are the sums of the typed rows. The
    `<group>_first` columns do for a region, an income group, both, or any chamber what `country_first` does for a
    country: summed over a group's chambers, the distinct activities that reached the group.
    """

    __tablename__ = "coverage_facts"
    # the slice first, then what a filter narrows it by; clustered on that key (SQLite's WITHOUT ROWID; on
    # PostgreSQL CLUSTER in migration 0016 and inserts in key order); on PostgreSQL the chambers in scope of a
    # slice are found by the index (migration 0016); the cell index serves the refresh of an (area, year, type)
    # cell after a write, whose rows the key scatters over every slice (migration 0020: 10x SQLite, the facts'
    # share of saving one activity 689 -> 321 ms)
    __table_args__ = (Index("ix_coverage_facts_slice_chamber", "activity_type", "donor_id", "chamber_id",
                            info={"only_on": "postgresql"}).ddl_if(dialect="postgresql"),
                      Index("ix_coverage_facts_cell", "area_id", "year", "activity_type"),
                      {"sqlite_with_rowid": False})

    activity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    donor_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    chamber_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
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
    expert_region_first: Mapped[int] = mapped_column(Integer)
    confirmed_expert_region_first: Mapped[int] = mapped_column(Integer)
    expert_income_first: Mapped[int] = mapped_column(Integer)
    confirmed_expert_income_first: Mapped[int] = mapped_column(Integer)
    expert_region_income_first: Mapped[int] = mapped_column(Integer)
    confirmed_expert_region_income_first: Mapped[int] = mapped_column(Integer)
    any_first: Mapped[int] = mapped_column(Integer)
    confirmed_any_first: Mapped[int] = mapped_column(Integer)
    region_first: Mapped[int] = mapped_column(Integer)
    confirmed_region_first: Mapped[int] = mapped_column(Integer)
    income_first: Mapped[int] = mapped_column(Integer)
    confirmed_income_first: Mapped[int] = mapped_column(Integer)
    region_income_first: Mapped[int] = mapped_column(Integer)
    confirmed_region_income_first: Mapped[int] = mapped_column(Integer)


class CoverageActivityCount(db.Model):
    """The live activities per area and year, for one activity type and one donor or for any: derived like
    CoverageFact, kept current with it, with the same slice key."""

    __tablename__ = "coverage_activity_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    activity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    donor_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    activities: Mapped[int] = mapped_column(Integer)


class CoordinationFact(db.Model):
    """The public live activities in which one organisation worked (led, or was an implementing or co-organising
    partner) with one chamber as a beneficiary, per area, year and activity type: how many, the lowest and highest
    of their ids, and the first and last month (1-12) in which they started. Derived like CoverageFact, kept current
    with it (dashboards/coordination_store.py), read by the coordination view.

    Keyed so that the overlap self-join finds a row's neighbours (same chamber and area, a year either side) by one
    index range; the cell index serves the refresh of an (area, year, type) cell, the organisation index the
    organisation filter and its choices."""

    __tablename__ = "coordination_facts"
    __table_args__ = (Index("ix_coordination_facts_cell", "area_id", "year", "activity_type"),
                      Index("ix_coordination_facts_organisation", "organisation_id", "chamber_id"),
                      {"sqlite_with_rowid": False})

    chamber_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    organisation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    activity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    activities: Mapped[int] = mapped_column(Integer)
    first_activity: Mapped[int] = mapped_column(Integer)
    last_activity: Mapped[int] = mapped_column(Integer)
    first_month: Mapped[int] = mapped_column(Integer)
    last_month: Mapped[int] = mapped_column(Integer)


class CoordinationOverlap(db.Model):
    """An overlap at the default window (coordination.DEFAULT_WINDOW months) over every year and activity type: two
    organisations (org_a's id the lower) that worked in different activities in one chamber and area with start
    dates at most that many months apart. Derived from coordination_facts, kept current with them: the unfiltered
    coordination view (and its chamber, region, income group and organisation filters) reads it instead of
    pairing every row."""

    __tablename__ = "coordination_overlaps"
    __table_args__ = {"sqlite_with_rowid": False}

    chamber_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    org_a: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    org_b: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class CoverageIncomeChange(db.Model):
    """How many more (or fewer) live activities reached an income group (in one region, or in any: region '') from
    one fiscal year on, per slice, area and year, as the groups were in each fiscal year (World Bank history,
    today's group where it has none): beneficiaries and experts, every record and the confirmed ones. The
    activities of a period's groups are the sum of the rows with fiscal_year up to its last year
    (dashboards/income_changes.py). Derived like CoverageFact, kept current with it; rows are never all zero."""

    __tablename__ = "coverage_income_changes"
    # a question reads one slice, group and region: contiguous in key order; the cell index serves the refresh of
    # an (area, year, type) cell
    __table_args__ = (Index("ix_coverage_income_changes_cell", "area_id", "year", "activity_type"),
                      {"sqlite_with_rowid": False})

    activity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    donor_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    income_group: Mapped[str] = mapped_column(String(20), primary_key=True)
    region: Mapped[str] = mapped_column(String(40), primary_key=True)
    area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    activities: Mapped[int] = mapped_column(Integer)
    confirmed_activities: Mapped[int] = mapped_column(Integer)
    expert_activities: Mapped[int] = mapped_column(Integer)
    confirmed_expert_activities: Mapped[int] = mapped_column(Integer)
