"""Reading the registry: lookups, the filtered list, and choices for forms."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from parliament_tracker.audit import AuditRecord
from parliament_tracker.chambers.models import Chamber, Country, GeopoliticalGroup
from parliament_tracker.chambers.text import normalize
from parliament_tracker.extensions import db
from parliament_tracker.localised import country_name
from parliament_tracker.numbers import parse_id


@dataclass(frozen=True)
class RegistryFilter:
    q: str = ""
    region: str = ""
    income_group: str = ""
    chamber_type: str = ""
    status: str = ""
    group: str = ""


def with_groups(stmt: Select) -> Select:
    """stmt (of chambers) loading their countries' IPU groups too, all in one more statement."""
    return stmt.options(joinedload(Chamber.country).selectinload(Country.groups))


def get_chamber_by_code(code: str) -> Chamber | None:
    return db.session.scalar(select(Chamber).where(Chamber.code == code.strip().upper()))


def get_chamber_or_404(code: str) -> Chamber:
    chamber = get_chamber_by_code(code)
    if chamber is None:
        abort(404)
    return chamber


def get_chambers_by_ids(ids) -> list[Chamber]:
    wanted = {parse_id(i) for i in ids} - {None}
    if not wanted:
        return []
    return list(db.session.scalars(select(Chamber).where(Chamber.id.in_(wanted)).order_by(Chamber.code)))


def other_chambers(chamber: Chamber) -> list[Chamber]:
    """The other chamber(s) of the same country's parliament."""
    stmt = select(Chamber).where(Chamber.country_id == chamber.country_id, Chamber.id != chamber.id)
    return list(db.session.scalars(stmt.order_by(Chamber.code)))


def search_chambers(filters: RegistryFilter, siblings: bool = False) -> list[Chamber]:
    """Chambers matching every given filter; q matches any name of the chamber or its country. siblings: load
    the other chambers of each country too (one statement more), for the API's parliaments."""
    stmt = select(Chamber).join(Chamber.country)
    for word in normalize(filters.q).split():
        stmt = stmt.where(Chamber.search_text.contains(word, autoescape=True))
    if filters.region:
        stmt = stmt.where(Country.m49_region == filters.region)
    if filters.income_group:
        stmt = stmt.where(Country.income_group == filters.income_group)
    if filters.chamber_type:
        stmt = stmt.where(Chamber.chamber_type == filters.chamber_type)
    if filters.status:
        stmt = stmt.where(Chamber.status == filters.status)
    if filters.group:
        stmt = stmt.where(Country.groups.any(GeopoliticalGroup.code == filters.group))
    stmt = with_groups(stmt.order_by(Country.name, Chamber.code))
    return list(db.session.scalars(with_siblings(stmt) if siblings else stmt))


def chamber_choices() -> list[tuple[str, str]]:
    rows = db.session.execute(
        select(Chamber.id, Chamber.code, Country.name, Chamber.name).join(Chamber.country).order_by(Country.name)
    )
    return [(str(i), f"{country}: {name} ({code})") for i, code, country, name in rows]


def region_choices() -> list[str]:
    return list(db.session.scalars(select(Country.m49_region).distinct().order_by(Country.m49_region)))


def group_choices() -> list[tuple[str, str]]:
    rows = db.session.execute(select(GeopoliticalGroup.code, GeopoliticalGroup.name).order_by(GeopoliticalGroup.name))
    return [(code, name) for code, name in rows]


def chamber_history(chamber: Chamber) -> list[AuditRecord]:
    """The chamber's registry changes, newest first (who made them is not shown publicly)."""
    stmt = (select(AuditRecord)
            .where(AuditRecord.entity_type == Chamber.__tablename__, AuditRecord.entity_id == chamber.id)
            .order_by(AuditRecord.at.desc(), AuditRecord.id.desc()))
    return list(db.session.scalars(stmt))


def list_countries() -> list[Country]:
    """Every country of the registry, by name, with its IPU groups and its chambers (three statements)."""
    stmt = select(Country).options(selectinload(Country.groups), selectinload(Country.chambers)).order_by(Country.name)
    return list(db.session.scalars(stmt))


def country_choices() -> list[tuple[str, str]]:
    """(ISO alpha-2 code, name in the request's language) of every country of the registry, by that name."""
    rows = db.session.execute(select(Country.iso2, Country.name))
    return sorted(((iso2, country_name(iso2, name)) for iso2, name in rows), key=lambda pair: pair[1])


def get_country_by_iso(code: str) -> Country | None:
    """The country with this ISO 3166-1 alpha-3 (or alpha-2) code, any case, or None."""
    code = code.strip().upper()
    column = Country.iso3 if len(code) == 3 else Country.iso2
    return db.session.scalar(select(Country).where(column == code))


def subregion_choices() -> list[tuple[str, str]]:
    """(region, subregion) of the UN M49 subregions the registry uses, in order."""
    stmt = select(Country.m49_region, Country.m49_subregion).distinct().order_by(Country.m49_region,
                                                                                 Country.m49_subregion)
    return [(r, s) for r, s in db.session.execute(stmt)]


def with_siblings(stmt: Select) -> Select:
    """stmt (of chambers) loading the other chambers of their countries too, in one more statement."""
    return stmt.options(joinedload(Chamber.country).selectinload(Country.chambers))
