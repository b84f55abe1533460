"""Loads the registry data files into the database, idempotently and with an audit record per change."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from parliament_tracker.audit import record_change, snapshot
from parliament_tracker.chambers.models import (
    CHAMBER_TYPES,
    INCOME_GROUPS,
    STATUSES,
    Chamber,
    Country,
    GeopoliticalGroup,
)
from parliament_tracker.chambers.text import normalize
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db

DATA_DIR = Path(__file__).resolve().parent / "data"
GROUPS = {
    "african": "African Group",
    "arab": "Arab Group",
    "asia_pacific": "Asia-Pacific Group",
    "eurasia": "Eurasia Group",
    "grulac": "Group of Latin America and the Caribbean (GRULAC)",
    "twelve_plus": "Twelve Plus Group",
}
# pycountry's ISO names put the qualifier first ("Congo, The Democratic Republic of the"); these read better.
NAME_OVERRIDES = {
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia (Federated States of)",
    "PS": "State of Palestine",
}
COUNTRY_FIELDS = ("iso2", "iso3", "name", "official_name", "aliases", "un_member", "m49_region", "m49_subregion",
                  "m49_intermediate_region", "income_group", "note", "group_codes")
CHAMBER_FIELDS = ("code", "country_iso2", "chamber_type", "name", "official_names", "other_names", "seats",
                  "status", "status_note", "established", "ended")


class RegistryDataError(ValueError):
    """The data file is malformed; nothing was written."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RegistryDataError(f"{where}: {value!r} is not a date (YYYY or YYYY-MM-DD).") from None


def _country_values(row: dict, aliases: dict[str, str]) -> dict:
    iso = pycountry.countries.get(alpha_2=row["iso2"])
    if iso is None:
        raise RegistryDataError(f"countries.csv: {row['iso2']!r} is not an ISO 3166 alpha-2 code.")
    if row["income_group"] and row["income_group"] not in INCOME_GROUPS:
        raise RegistryDataError(f"countries.csv {row['iso2']}: unknown income group {row['income_group']!r}.")
    codes = sorted(c for c in row["ipu_groups"].split(";") if c)
    if set(codes) - set(GROUPS):
        raise RegistryDataError(f"countries.csv {row['iso2']}: unknown IPU group in {row['ipu_groups']!r}.")
    name = NAME_OVERRIDES.get(iso.alpha_2) or getattr(iso, "common_name", None) or iso.name
    return {
        "iso2": iso.alpha_2, "iso3": iso.alpha_3, "name": name,
        "official_name": getattr(iso, "official_name", iso.name),
        "aliases": "|".join(a for a in aliases.get(iso.alpha_2, "").split("|") + [iso.name] if a and a != name),
        "un_member": row["un_member"] == "yes", "m49_region": row["m49_region"],
        "m49_subregion": row["m49_subregion"], "m49_intermediate_region": row["m49_intermediate_region"],
        "income_group": row["income_group"] or None, "note": row["note"], "group_codes": codes,
    }


def _chamber_values(row: dict) -> dict:
    where = f"chambers.csv {row['code']}"
    if row["chamber_type"] not in CHAMBER_TYPES or row["status"] not in STATUSES:
        raise RegistryDataError(f"{where}: bad chamber_type {row['chamber_type']!r} or status {row['status']!r}.")
    if row["seats"] and not row["seats"].isdigit():
        raise RegistryDataError(f"{where}: seats {row['seats']!r} is not a whole number.")
    return {
        "code": row["code"].upper(), "country_iso2": row["iso2"].upper(), "chamber_type": row["chamber_type"],
        "name": row["name"], "official_names": row["official_names"], "other_names": row["other_names"],
        "seats": int(row["seats"]) if row["seats"] else None, "status": row["status"],
        "status_note": row["status_note"], "established": _date(row["established"], where),
        "ended": _date(row["ended"], where),
    }


def read_registry(data_dir: Path = DATA_DIR) -> tuple[list[dict], list[dict]]:
    """Parse and check both data files; raises RegistryDataError before anything is written."""
    alias_rows = _read_csv(data_dir / "country_aliases.csv") if (data_dir / "country_aliases.csv").exists() else []
    aliases = {r["iso2"]: r["aliases"] for r in alias_rows}
    countries = [_country_values(r, aliases) for r in _read_csv(data_dir / "countries.csv")]
    chambers = [_chamber_values(r) for r in _read_csv(data_dir / "chambers.csv")]
    known = {c["iso2"] for c in countries}
    for chamber in chambers:
        if chamber["country_iso2"] not in known:
            raise RegistryDataError(f"chambers.csv {chamber['code']}: country {chamber['country_iso2']} not in countries.csv.")
    if len({c["code"] for c in chambers}) != len(chambers):
        raise RegistryDataError("chambers.csv: a chamber code appears twice.")
    return countries, chambers


def _sync_groups() -> dict[str, GeopoliticalGroup]:
    existing = {g.code: g for g in db.session.scalars(select(GeopoliticalGroup))}
    for code, name in GROUPS.items():
        if code not in existing:
            existing[code] = GeopoliticalGroup(code=code, name=name)
            db.session.add(existing[code])
        existing[code].name = name
    return existing


def _country_snapshot(country: Country) -> dict:
    data = snapshot(country, COUNTRY_FIELDS[:-1])
    data["group_codes"] = sorted(g.code for g in country.groups)
    return data


def _upsert_countries(rows: list[dict], groups: dict, report: LoadReport, by) -> dict[str, Country]:
    existing = {c.iso2: c for c in db.session.scalars(select(Country).options(selectinload(Country.groups)))}
    for values in rows:
        country = existing.get(values["iso2"])
        before = _country_snapshot(country) if country else None
        if country is None:
            country = existing[values["iso2"]] = Country()
            db.session.add(country)
        for key, value in values.items():
            if key != "group_codes":
                setattr(country, key, value)
        country.groups = [groups[code] for code in values["group_codes"]]
        after = _country_snapshot(country)
        if before != after:
            db.session.flush()
            record_change("create" if before is None else "update", country, before=before, after=after, by=by,
                          note="registry load")
    return existing


def _search_text(chamber: Chamber, country: Country) -> str:
    names = [chamber.code, chamber.name, chamber.official_names, chamber.other_names, country.name,
             country.official_name, country.aliases, country.iso2, country.iso3]
    return " ".join(normalize(n) for n in names if n)


def _chamber_snapshot(chamber: Chamber) -> dict:
    data = snapshot(chamber, CHAMBER_FIELDS[:1] + CHAMBER_FIELDS[2:])
    data["country_iso2"] = chamber.country.iso2 if chamber.country else None
    return data


def load_registry(data_dir: Path = DATA_DIR, by=None) -> LoadReport:
    """Add new chambers, update changed ones, delete none; one commit, audited. Re-running changes nothing."""
    country_rows, chamber_rows = read_registry(data_dir)
    report = LoadReport()
    with unit_of_work():
        countries = _upsert_countries(country_rows, _sync_groups(), report, by)
        existing = {c.code: c for c in db.session.scalars(select(Chamber))}
        for values in chamber_rows:
            chamber = existing.pop(values["code"], None)
            before = _chamber_snapshot(chamber) if chamber else None
            if chamber is None:
                chamber = Chamber()
                db.session.add(chamber)
            country = countries[values["country_iso2"]]
            chamber.country = country
            for key, value in values.items():
                if key != "country_iso2":
                    setattr(chamber, key, value)
            chamber.search_text = _search_text(chamber, country)
            after = _chamber_snapshot(chamber)
            if before == after:
                report.unchanged += 1
                continue
            (report.created if before is None else report.updated).append(values["code"])
            db.session.flush()
            record_change("create" if before is None else "update", chamber, before=before, after=after, by=by,
                          note="registry load")
        report.not_in_file = sorted(existing)
    return report
