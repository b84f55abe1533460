"""The registry: chambers as Popolo organizations (/api/v1/chambers), countries with their classifications
(/api/v1/countries) and every vocabulary the API takes (/api/v1/classifications)."""

from flask import abort

from parliament_tracker.activities.services import list_areas
from parliament_tracker.api import bp
from parliament_tracker.api.access import errors, public_api
from parliament_tracker.api.schemas import registry as s
from parliament_tracker.chambers import services
from parliament_tracker.chambers.exports import popolo_organization
from parliament_tracker.chambers.models import CHAMBER_TYPES, INCOME_GROUPS, STATUSES
from parliament_tracker.errors import json_error
from parliament_tracker.labels import LABELS


def organization(chamber) -> dict:
    """The Popolo organization of a chamber, tied to its parliament when it is one of two chambers."""
    body = popolo_organization(chamber)
    country = chamber.country
    if chamber.chamber_type == "unicameral":
        return {**body, "parent_id": None, "parent": None}
    parent = {"id": country.iso2, "classification": "parliament", "name": f"Parliament of {country.name}",
              "chambers": [c.code for c in country.chambers if c.chamber_type != "unicameral"]}
    return {**body, "parent_id": parent["id"], "parent": parent}


@bp.get("/api/v1/chambers", tags=["registry"])
@public_api
@errors(400)
@bp.arguments(s.ChamberQuery, location="query", as_kwargs=True)
@bp.response(200, s.OrganizationList)
def chambers_index(**filters):
    """The chambers of the registry, filtered like the registry page."""
    if filters["group"] and filters["group"] not in {code for code, _ in services.group_choices()}:
        return json_error(400, "Invalid query parameters.", {"group": ["Not a geopolitical group code."]})
    chambers = services.search_chambers(services.RegistryFilter(**filters), siblings=True)
    return {"count": len(chambers), "organizations": [organization(c) for c in chambers]}


@bp.get("/api/v1/chambers/<code>", tags=["registry"])
@public_api
@errors(404)
@bp.response(200, s.OrganizationSchema)
def chambers_detail(code: str):
    """One chamber by its code."""
    chamber = services.get_chamber_by_code(code)
    if chamber is None:
        return json_error(404, f"no chamber with code {code!r}")
    return organization(chamber)


def country(c) -> dict:
    return {"iso2": c.iso2, "iso3": c.iso3, "name": c.name, "official_name": c.official_name,
            "un_member": c.un_member, "m49_region": c.m49_region, "m49_subregion": c.m49_subregion,
            "m49_intermediate_region": c.m49_intermediate_region, "income_group": c.income_group,
            "ipu_groups": [g.code for g in c.groups], "chambers": [ch.code for ch in c.chambers]}


@bp.get("/api/v1/countries", tags=["registry"])
@public_api
@bp.response(200, s.CountryList)
def countries_index():
    """Every country of the registry with its classifications (UN M49, World Bank income group, IPU groups)."""
    countries = services.list_countries()
    return {"count": len(countries), "countries": [country(c) for c in countries]}


@bp.get("/api/v1/countries/<iso>", tags=["registry"])
@public_api
@errors(404)
@bp.response(200, s.CountrySchema)
def countries_detail(iso: str):
    """One country by its ISO 3166-1 alpha-3 (or alpha-2) code."""
    found = services.get_country_by_iso(iso) if len(iso) <= 3 else None
    if found is None:
        abort(404)
    return country(found)


@bp.get("/api/v1/classifications", tags=["registry"])
@public_api
@bp.response(200, s.ClassificationList)
def classifications():
    """The vocabularies: areas of work, activity types, chamber types and statuses, regions, subregions,
    income groups and IPU geopolitical groups, each with the code the filters take."""
    return {"areas": [{"code": a.code, "label": a.label} for a in list_areas()],
            "activity_types": [{"code": k, "label": str(v)} for k, v in LABELS["activity_type"].items()],
            "chamber_types": list(CHAMBER_TYPES), "statuses": list(STATUSES),
            "regions": services.region_choices(),
            "subregions": [{"region": r, "subregion": sub} for r, sub in services.subregion_choices()],
            "income_groups": list(INCOME_GROUPS),
            "geopolitical_groups": [{"code": c, "label": n} for c, n in services.group_choices()]}
