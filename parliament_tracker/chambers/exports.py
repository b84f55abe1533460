"""The registry as CSV rows, for the CLI and the download on the registry page."""

from sqlalchemy import select

from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.extensions import db

REGISTRY_HEADER = ("code", "iso2", "iso3", "country", "chamber_name", "official_names", "chamber_type", "seats",
                   "region", "subregion", "intermediate_region", "income_group", "ipu_groups", "status",
                   "status_note", "established", "ended")
# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def registry_rows(chambers=None):
    """One row per chamber, in REGISTRY_HEADER order, formula-safe."""
    if chambers is None:
        stmt = select(Chamber).join(Chamber.country).order_by(Country.name, Chamber.code)
        chambers = db.session.scalars(stmt)
    for c in chambers:
        country = c.country
        yield [safe_cell(v) for v in (
            c.code, country.iso2, country.iso3, country.name, c.name, c.official_names, c.chamber_type, c.seats,
            country.m49_region, country.m49_subregion, country.m49_intermediate_region, country.income_group,
            ";".join(g.code for g in country.groups), c.status, c.status_note, c.established, c.ended,
        )]
