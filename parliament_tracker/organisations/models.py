"""Organisations, the chambers a parliament organisation speaks for, and each activity's partner organisations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, String, Table, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.audit import utcnow
from parliament_tracker.database import one_of
from parliament_tracker.extensions import db

ORGANISATION_TYPES = ("un_agency", "inter_parliamentary", "parliament", "ngo", "donor_agency", "private_sector",
                      "academic")
# An activity's lead is Activity.lead_organisation; the others take part in one of these roles. "funding" is what
# the tracker called a donor before organisations existed.
PARTNER_ROLES = ("implementing", "co_organising", "funding")
# the partners that do the work with the lead (the coordination view's organisations; the ones the lead may let edit)
WORKING_ROLES = ("implementing", "co_organising")

activity_partners = Table(
    "activity_partners",
    db.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id", ondelete="RESTRICT"), primary_key=True),
    # the default is what the Activity.donors relationship writes (it names no role)
    Column("role", String(20), nullable=False, default="funding"),
    one_of("role", PARTNER_ROLES, "role_known"),
    # an organisation's activities in a role (its funded activities, the coordination view) from the index alone
    Index("ix_activity_partners_organisation_role", "organisation_id", "role", "activity_id"),
)

organisation_chambers = Table(
    "organisation_chambers",
    db.metadata,
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    Column("chamber_id", ForeignKey("chambers.id", ondelete="CASCADE"), primary_key=True),
)


class Organisation(db.Model):
    """An organisation that supports parliaments. Exactly one is the installation's own (is_home: the centre),
    lead of every activity recorded before organisations existed."""

    __tablename__ = "organisations"
    __table_args__ = (
        one_of("org_type", ORGANISATION_TYPES, "org_type_known"),
        Index("uq_organisations_home", "is_home", unique=True, sqlite_where=text("is_home"),
              postgresql_where=text("is_home")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    org_type: Mapped[str] = mapped_column(String(30), default="donor_agency")
    country_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id", ondelete="SET NULL"))
    # the IATI organisation identifier (e.g. XM-DAC-41114 for UNDP), when it has one
    iati_id: Mapped[str | None] = mapped_column(String(60), unique=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    # whether its activities appear on public pages, the coordination view and the API; private ones count in its
    # own dashboards only
    activities_public: Mapped[bool] = mapped_column(Boolean, default=True)
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    country = relationship("Country", lazy="joined")
    chambers = relationship("Chamber", secondary=organisation_chambers, lazy="select", order_by="Chamber.code")

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def audit_label(self) -> str:
        return self.name


class ActivityPartner(db.Model):
    """One partner organisation of an activity in one role (read through Activity.partner_links)."""

    __table__ = activity_partners

    organisation = relationship("Organisation", lazy="joined", viewonly=True)

    @property
    def audit_label(self) -> str:
        return f"{self.organisation.name if self.organisation else self.organisation_id} ({self.role})"
