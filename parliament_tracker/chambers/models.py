"""Countries, their classifications, and their national parliamentary chambers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parliament_tracker.database import one_of
from parliament_tracker.extensions import db

CHAMBER_TYPES = ("unicameral", "lower", "upper")
STATUSES = ("active", "suspended", "dissolved", "transitional")
INCOME_GROUPS = ("low", "lower_middle", "upper_middle", "high")
REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
# the World Bank classification the registry's Country.income_group holds (data/README.md)
INCOME_REFERENCE = "FY2026"

country_groups = Table(
    "country_groups",
    db.metadata,
    Column("country_id", ForeignKey("countries.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("geopolitical_groups.id", ondelete="CASCADE"), primary_key=True),
)


class GeopoliticalGroup(db.Model):
    """An Inter-Parliamentary Union geopolitical group (a country can belong to two)."""

    __tablename__ = "geopolitical_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Country(db.Model):
    __tablename__ = "countries"
    __table_args__ = (
        one_of("m49_region", REGIONS, "m49_region_known"),
        one_of("income_group", INCOME_GROUPS, "income_group_known", nullable=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    iso2: Mapped[str] = mapped_column(String(2), unique=True)
    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    official_name: Mapped[str] = mapped_column(String(200), default="")
    aliases: Mapped[str] = mapped_column(Text, default="")
    un_member: Mapped[bool] = mapped_column(Boolean, default=True)
    m49_region: Mapped[str] = mapped_column(String(40), index=True)
    m49_subregion: Mapped[str] = mapped_column(String(60), index=True)
    m49_intermediate_region: Mapped[str] = mapped_column(String(60), default="")
    income_group: Mapped[str | None] = mapped_column(String(20), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    chambers = relationship("Chamber", back_populates="country", order_by="Chamber.code")
    # Loaded on use, not with every chamber; statements listing chambers with groups ask (services.with_groups).
    groups = relationship("GeopoliticalGroup", secondary=country_groups, order_by="GeopoliticalGroup.name")

    @property
    def alias_list(self) -> list[str]:
        return [a for a in self.aliases.split("|") if a]


class Chamber(db.Model):
    __tablename__ = "chambers"
    __table_args__ = (
        Index("ix_chambers_country_type", "country_id", "chamber_type"),
        one_of("chamber_type", CHAMBER_TYPES, "chamber_type_known"),
        one_of("status", STATUSES, "status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    chamber_type: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    official_names: Mapped[str] = mapped_column(Text, default="")
    other_names: Mapped[str] = mapped_column(Text, default="")
    seats: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    status_note: Mapped[str] = mapped_column(Text, default="")
    established: Mapped[dt.date | None] = mapped_column(Date)
    ended: Mapped[dt.date | None] = mapped_column(Date)
    # Lower-cased, accent-free text of every name of the chamber and its country, for search.
    search_text: Mapped[str] = mapped_column(Text, default="")

    country = relationship("Country", back_populates="chambers", lazy="joined")

    @property
    def official_name_list(self) -> list[str]:
        return [n for n in self.official_names.split("|") if n]

    @property
    def other_name_list(self) -> list[str]:
        return [n for n in self.other_names.split("|") if n]

    @property
    def display_name(self) -> str:
        return f"{self.country.name}: {self.name}"

    @property
    def audit_label(self) -> str:
        return f"{self.code} {self.display_name}"

    def existed_between(self, start: dt.date, end: dt.date) -> bool:
        return (self.established is None or self.established <= end) and (
            self.ended is None or self.ended >= start
        )


class CountryIncomeGroup(db.Model):
    """A country's World Bank income group in one fiscal year (FY2015 runs from July 2014 to June 2015): the
    history a period's income-group figures use. Country.income_group (today's) stands in for a missing year."""

    __tablename__ = "country_income_groups"
    __table_args__ = (
        one_of("income_group", INCOME_GROUPS, "known_group"),
        CheckConstraint("fiscal_year BETWEEN 1950 AND 2200", name="plausible_year"),
    )

    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id", ondelete="CASCADE"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    income_group: Mapped[str] = mapped_column(String(20))
