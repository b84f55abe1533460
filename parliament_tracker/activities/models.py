"""Areas of work, activities (led by one organisation, with partner organisations) and participations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.audit import utcnow
from parliament_tracker.database import one_of
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import WORKING_ROLES

ACTIVITY_TYPES = (
    "workshop",
    "training",
    "conference",
    "research",
    "mission",
    "study_visit",
    "webinar",
    "information_service",
)
PARTICIPATION_ROLES = ("beneficiary", "expert")
PARTICIPATION_STATUSES = ("claimed", "confirmed", "disputed")

class ActivityArea(db.Model):
    """One of the centre's areas of work; data, so the centre can add one without a release."""

    __tablename__ = "activity_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Activity(db.Model):
    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        one_of("activity_type", ACTIVITY_TYPES, "activity_type_known"),
        # Covers the dashboards' activity counts per area, year and type (no table reads).
        Index("ix_activities_live_start", "deleted_at", "start_date", "area_id", "activity_type"),
        Index("ix_activities_area_start", "area_id", "start_date"),
        # PostgreSQL's planner finds the first and last live start dates only through a partial index (0016)
        Index("ix_activities_live_start_date", "start_date", postgresql_where=text("deleted_at IS NULL"),
              info={"only_on": "postgresql"}).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str | None] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    area_id: Mapped[int] = mapped_column(ForeignKey("activity_areas.id"))
    activity_type: Mapped[str] = mapped_column(String(30), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    venue: Mapped[str] = mapped_column(String(300), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    preceding_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id", ondelete="SET NULL"))
    # the organisation that implements it and whose staff edit it (organisations/models.py)
    lead_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"),
                                                      index=True)
    # set by the lead: the staff of its implementing and co-organising partners (not its funders) may edit it and
    # its participations (auth/permissions.py can_edit_activity)
    partners_may_edit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Optimistic locking: a save based on an older version is refused, never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1)

    area = relationship("ActivityArea", lazy="joined")
    lead_organisation = relationship("Organisation", lazy="joined")
    # the organisations of the funding role (once called donors): written through this relationship, whose rows
    # take the role column's default; the other partners through organisations.services.set_partners
    donors = relationship("Organisation", secondary="activity_partners", lazy="selectin", order_by="Organisation.name",
                          secondaryjoin="and_(Organisation.id == activity_partners.c.organisation_id, "
                                        "activity_partners.c.role == 'funding')")
    partner_links = relationship("ActivityPartner", lazy="select", viewonly=True, order_by="ActivityPartner.role")
    preceding = relationship("Activity", remote_side=[id], lazy="select")
    participations = relationship("Participation", back_populates="activity", cascade="all, delete-orphan",
                                  order_by="Participation.id")

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def audit_label(self) -> str:
        return self.title

    def partners_in(self, *roles: str) -> list:
        """Its partner organisations of the given roles, by name."""
        return sorted((link.organisation for link in self.partner_links if link.role in roles),
                      key=lambda organisation: organisation.name)

    @property
    def working_partner_ids(self) -> set[int]:
        """The organisations implementing or co-organising it with the lead (not its funders)."""
        return {link.organisation_id for link in self.partner_links if link.role in WORKING_ROLES}


class Participation(db.Model):
    """One chamber's part in one activity, as a beneficiary or as a supplier of experts."""

    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("activity_id", "chamber_id"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants_nonneg"),
        CheckConstraint("women IS NULL OR women >= 0", name="women_nonneg"),
        CheckConstraint("women IS NULL OR participants IS NULL OR women <= participants", name="women_le_total"),
        one_of("role", PARTICIPATION_ROLES, "role_known"),
        one_of("status", PARTICIPATION_STATUSES, "status_known"),
        Index("ix_participations_chamber_role_activity", "chamber_id", "role", "activity_id"),
        # Covers expert supply and the counted activities of a role (dashboards) without reading the table; the
        # chamber comes last so that SQLite tests "chamber in scope" on the entries of an activity rather than
        # probing the index once per chamber in scope.
        Index("ix_participations_role_activity", "role", "activity_id", "status", "chamber_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    chamber_id: Mapped[int] = mapped_column(ForeignKey("chambers.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(12), default="beneficiary")
    participants: Mapped[int | None] = mapped_column(Integer)
    women: Mapped[int | None] = mapped_column(Integer)
    members: Mapped[int | None] = mapped_column(Integer)
    secretariat_staff: Mapped[int | None] = mapped_column(Integer)
    ict_staff: Mapped[int | None] = mapped_column(Integer)
    # Whether the parliament confirmed the centre's record (see the profiles feature).
    status: Mapped[str] = mapped_column(String(12), default="claimed")
    status_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Optimistic locking, as on activities: an edit based on an older version is refused (409).
    version: Mapped[int] = mapped_column(Integer, default=1)

    activity = relationship("Activity", back_populates="participations")
    chamber = relationship("Chamber", lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def audit_label(self) -> str:
        return f"{self.chamber.code if self.chamber else self.chamber_id} in activity {self.activity_id}"


class ImportAlias(db.Model):
    """A remembered answer of the import: a value as written in a column (with the row's country cell, for a
    chamber) means target (a chamber code, an area or type code, a donor name). Keys are the normalised forms."""

    __tablename__ = "import_aliases"
    __table_args__ = (UniqueConstraint("column_name", "value_key", "country_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    column_name: Mapped[str] = mapped_column(String(12))
    value: Mapped[str] = mapped_column(String(200))
    value_key: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(120), default="")
    country_key: Mapped[str] = mapped_column(String(120), default="")
    target: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    created_by = relationship("User", lazy="joined")

    @property
    def audit_label(self) -> str:
        where = f" ({self.country})" if self.country else ""
        return f"{self.column_name}: {self.value}{where} → {self.target}"
