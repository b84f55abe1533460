"""The registry as CSV rows, for the CLI and the download on the registry page."""

from sqlalchemy import select

from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.chambers.services import with_groups
from parliament_tracker.extensions import db

REGISTRY_HEADER = ("code", "iso2", "iso3", "country", "chamber_name", "official_names", "chamber_type", "seats",
                   "region", "subregion", "intermediate_region", "income_group", "ipu_groups", "status",
                   "status_note", "established", "ended")
def registry_rows(chambers=None):
    """One row per chamber, in REGISTRY_HEADER order (values: the CSV and XLSX writers make them formula-safe)."""
    if chambers is None:
        stmt = with_groups(select(Chamber).join(Chamber.country).order_by(Country.name, Chamber.code))
        chambers = db.session.scalars(stmt)
    for c in chambers:
        country = c.country
        yield [v.isoformat() if hasattr(v, "isoformat") else v for v in (
            c.code, country.iso2, country.iso3, country.name, c.name, c.official_names, c.chamber_type, c.seats,
            country.m49_region, country.m49_subregion, country.m49_intermediate_region, country.income_group,
            ";".join(g.code for g in country.groups), c.status, c.status_note, c.established, c.ended,
        )]


# HXL hashtags under the CSV header, so humanitarian and open-data tools can read the columns.
HXL_TAGS = ("#org+code", "#country+code+v_iso2", "#country+code+v_iso3", "#country+name", "#org+name",
            "#org+name+official", "#org+type", "#indicator+seats+num", "#region+name", "#region+name+sub",
            "#region+name+intermediate", "#group+income", "#group+ipu", "#status",
            "#status+note", "#date+start", "#date+end")

FIELD_TYPES = {"seats": "integer", "established": "date", "ended": "date"}
FIELD_DESCRIPTIONS = {
    "code": "Stable chamber code: ISO 3166-1 alpha-2, then -LC (lower or unicameral) or -UC (upper); never reused.",
    "chamber_type": "unicameral, lower or upper.",
    "region": "UN M49 region.",
    "subregion": "UN M49 subregion.",
    "income_group": "World Bank income group: low, lower_middle, upper_middle, high (empty: not classified).",
    "ipu_groups": "Inter-Parliamentary Union geopolitical groups, separated by ';'.",
    "status": "active, suspended, dissolved or transitional.",
}


def licence_descriptor(licence=None) -> dict:
    """A Data Package "licenses" entry of the data licence (downloads.Licence; CC BY 4.0 when None)."""
    if licence is None:
        return {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/"}
    return {"name": licence.name, "title": licence.title, "path": licence.url}


def datapackage(csv_url: str, income_reference: str, licence=None) -> dict:
    """A Frictionless Data Package descriptor of the registry CSV, so others can validate and load it."""
    fields = [{"name": name, "type": FIELD_TYPES.get(name, "string"),
               **({"description": FIELD_DESCRIPTIONS[name]} if name in FIELD_DESCRIPTIONS else {})}
              for name in REGISTRY_HEADER]
    return {
        "name": "parliament-tracker-chambers",
        "title": "National parliamentary chambers of the world",
        "licenses": [licence_descriptor(licence)],
        "sources": [{"title": "IPU Parline"}, {"title": "UN M49 standard"}, {"title": income_reference},
                    {"title": "ISO 3166 via pycountry"}],
        "resources": [{"name": "chambers", "path": csv_url, "format": "csv", "mediatype": "text/csv",
                       "encoding": "utf-8", "schema": {"fields": fields, "primaryKey": ["code"]}}],
    }


def popolo_organization(chamber) -> dict:
    """A chamber as a Popolo organization, with its classifications and founding and dissolution dates."""
    country = chamber.country
    names = [{"name": n, "note": "official"} for n in chamber.official_name_list]
    names += [{"name": n, "note": "alternate"} for n in chamber.other_name_list]
    return {
        "id": chamber.code,
        "name": chamber.name,
        "other_names": names,
        "classification": chamber.chamber_type,
        "identifiers": [{"scheme": "parliament-tracker", "identifier": chamber.code},
                        {"scheme": "ISO 3166-1 alpha-3", "identifier": country.iso3}],
        "area": {"id": country.iso3, "name": country.name},
        "founding_date": chamber.established.isoformat() if chamber.established else None,
        "dissolution_date": chamber.ended.isoformat() if chamber.ended else None,
        "seats": chamber.seats,
        "status": chamber.status,
        "status_note": chamber.status_note or None,
        "classifications": {
            "m49_region": country.m49_region, "m49_subregion": country.m49_subregion,
            "m49_intermediate_region": country.m49_intermediate_region or None,
            "income_group": country.income_group, "ipu_groups": [g.code for g in country.groups],
        },
    }
