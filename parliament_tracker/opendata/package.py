"""The Frictionless Data Package of the public data: its tables (names, fields, keys, rows) and descriptor.

The resources' paths are relative ("chambers.csv"), so the descriptor served at /data/datapackage.json finds
its CSVs beside it, and a copy of the folder validates offline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from parliament_tracker.activities.models import ACTIVITY_TYPES, PARTICIPATION_ROLES
from parliament_tracker.chambers.exports import FIELD_DESCRIPTIONS, FIELD_TYPES, REGISTRY_HEADER, licence_descriptor
from parliament_tracker.opendata import queries

PEOPLE = "People from the chamber who took part (empty: not recorded)."
WOMEN = "Women among them (empty: not recorded)."


@dataclass(frozen=True)
class Table:
    """One resource: its name, title, fields as (name, type, description, constraints), keys and rows."""

    name: str
    title: str
    fields: list[tuple[str, str, str, dict]]
    rows: Callable[[], Iterator[list]]
    primary_key: list[str]
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (field, resource, its field)

    @property
    def header(self) -> list[str]:
        return [f[0] for f in self.fields]

    def schema(self) -> dict:
        fields = [{"name": n, "type": t, **({"description": d} if d else {}), **({"constraints": c} if c else {})}
                  for n, t, d, c in self.fields]
        return {"fields": fields, "primaryKey": self.primary_key,
                "foreignKeys": [{"fields": f, "reference": {"resource": r, "fields": rf}}
                                for f, r, rf in self.foreign_keys]}


REQUIRED = {"required": True}
TABLES = [
    Table("chambers", "National parliamentary chambers (the registry)",
          [(n, FIELD_TYPES.get(n, "string"), FIELD_DESCRIPTIONS.get(n, ""), REQUIRED if n == "code" else {})
           for n in REGISTRY_HEADER], queries.chamber_rows, ["code"], [("iso3", "countries", "iso3")]),
    Table("countries", "Countries and their classifications",
          [("iso3", "string", "ISO 3166-1 alpha-3.", REQUIRED), ("iso2", "string", "ISO 3166-1 alpha-2.", {}),
           ("name", "string", "", {}), ("un_member", "boolean", "A member state of the United Nations.", {}),
           ("region", "string", "UN M49 region.", {}), ("subregion", "string", "UN M49 subregion.", {}),
           ("intermediate_region", "string", "UN M49 intermediate region.", {}),
           ("income_group", "string", FIELD_DESCRIPTIONS["income_group"], {}),
           ("ipu_groups", "string", FIELD_DESCRIPTIONS["ipu_groups"], {})],
          queries.country_rows, ["iso3"]),
    Table("areas", "The centre's areas of work", [("code", "string", "", REQUIRED), ("label", "string", "", {})],
          queries.area_rows, ["code"]),
    Table("activities", "Activities of the centre (public fields)",
          [("activity", "string", "The activity's reference (id-<number> when it has none).", REQUIRED),
           ("title", "string", "", {}), ("area", "string", "Area of work (areas.code).", {}),
           ("activity_type", "string", "", {"enum": list(ACTIVITY_TYPES)}), ("start_date", "date", "", {}),
           ("end_date", "date", "", {}), ("online", "boolean", "", {}),
           ("donors", "string", "Funding donors, separated by ';'.", {})],
          queries.activity_rows, ["activity"], [("area", "areas", "code")]),
    Table("participations", "Chambers taking part in activities, with the numbers the public profile shows",
          [("activity", "string", "", REQUIRED), ("chamber", "string", "", REQUIRED),
           ("role", "string", "beneficiary, or expert (the chamber supplied experts).",
            {"enum": list(PARTICIPATION_ROLES)}),
           ("participants", "integer", PEOPLE, {"minimum": 0}), ("women", "integer", WOMEN, {"minimum": 0})],
          queries.participation_rows, ["activity", "chamber"],
          [("activity", "activities", "activity"), ("chamber", "chambers", "code")]),
    Table("coverage", "Coverage by chamber, area and start year (live activities)",
          [("chamber", "string", "", REQUIRED), ("area", "string", "", REQUIRED), ("year", "integer", "", REQUIRED),
           ("activities", "integer", "Activities the chamber took part in as a beneficiary.", {"minimum": 0}),
           ("confirmed_activities", "integer", "Of those, confirmed by the parliament.", {"minimum": 0}),
           ("expert_activities", "integer", "Activities the chamber supplied experts to.", {"minimum": 0}),
           ("participants", "integer", "Participants, summed.", {"minimum": 0}),
           ("women", "integer", "Women among them, summed.", {"minimum": 0})],
          queries.coverage_rows, ["chamber", "area", "year"],
          [("chamber", "chambers", "code"), ("area", "areas", "code")]),
]
TABLES_BY_NAME = {t.name: t for t in TABLES}


def descriptor(licence, sources: list[str], now: dt.datetime) -> dict:
    """The datapackage.json: every table as a CSV resource beside it, with its schema; licence a downloads.Licence."""
    return {
        "name": "parliament-tracker",
        "title": "Parliament tracker: chambers, activities and coverage (public data)",
        "created": now.replace(microsecond=0).isoformat() + "Z",
        "licenses": [licence_descriptor(licence)],
        "sources": [{"title": s} for s in sources],
        "resources": [{"name": t.name, "title": t.title, "path": f"{t.name}.csv", "format": "csv",
                       "mediatype": "text/csv", "encoding": "utf-8", "schema": t.schema()} for t in TABLES],
    }
