"""Schemas of the coverage figures: the filters the dashboards take, the whole report, the matrix and the gaps."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.activities.models import ACTIVITY_TYPES
from parliament_tracker.api.schemas.common import PageQuery, PageSchema, row_id, whole
from parliament_tracker.chambers.models import CHAMBER_TYPES, INCOME_GROUPS, REGIONS, STATUSES

F = ma.fields
YEAR = whole(1900, 2100)
SHARE = {"required": True, "allow_none": True, "validate": ma.validate.Range(0, 1),
         "metadata": {"description": "reached / total, 4 decimals; null when the total is 0"}}
N = {"required": True, "validate": ma.validate.Range(0)}


class CoverageQuery(ma.Schema):
    """The dashboard's filters, under the names of its URL. area and donor must exist (see /api/v1/areas,
    /api/v1/classifications); to must not be before from."""

    year_from = F.Integer(data_key="from", validate=YEAR, metadata={"description": "first year, inclusive"})
    year_to = F.Integer(data_key="to", validate=YEAR, metadata={"description": "last year, inclusive"})
    area = F.String(validate=ma.validate.Length(max=30), metadata={"description": "an area code"})
    activity_type = F.String(data_key="type", validate=ma.validate.OneOf(("",) + ACTIVITY_TYPES))
    region = F.String(validate=ma.validate.OneOf(("",) + REGIONS))
    income_group = F.String(validate=ma.validate.OneOf(("",) + INCOME_GROUPS))
    donor = F.Integer(validate=row_id("donor"), metadata={"description": "a donor id"})
    confirmed = F.Boolean(metadata={"description": "count only participations the parliament confirmed"})


class CoveragePageQuery(CoverageQuery, PageQuery):
    pass


class FiltersSchema(ma.Schema):
    year_from = F.Integer(required=True, allow_none=True)
    year_to = F.Integer(required=True, allow_none=True)
    area = F.String(required=True, allow_none=True)
    activity_type = F.String(required=True, allow_none=True)
    region = F.String(required=True, allow_none=True)
    income_group = F.String(required=True, allow_none=True)
    donor_id = F.Integer(required=True, allow_none=True)
    confirmed_only = F.Boolean(required=True)


class IncomeGroupsUsed(ma.Schema):
    """Which World Bank fiscal year classified the chambers, and for how many the latest group stood in."""

    fiscal_year = F.Integer(required=True, allow_none=True)
    known = F.Integer(**N)
    fallback = F.Integer(**N)


YEARS = F.List(F.Integer(allow_none=True), required=True, validate=ma.validate.Length(equal=2),
               metadata={"description": "[first, last] year with a recorded activity; nulls when none"})


def _group(name: str, key: str, parent: bool = False) -> type[ma.Schema]:
    fields = {key: F.String(required=True, allow_none=True), "chambers_total": F.Integer(**N),
              "chambers_reached": F.Integer(**N), "share": F.Float(**SHARE)}
    if parent:
        fields["region"] = F.String(required=True, allow_none=True)
    return ma.Schema.from_dict(fields, name=name)


class AreaCoverage(ma.Schema):
    area = F.String(required=True)
    label = F.String(required=True)
    chambers_reached = F.Integer(**N)
    chambers_total = F.Integer(**N)
    share = F.Float(**SHARE)
    activities = F.Integer(**N)
    participants = F.Integer(**N)


class CountryChamber(ma.Schema):
    code = F.String(required=True)
    name = F.String(required=True)
    areas = F.List(F.String(), required=True, metadata={"description": "codes of the areas it was reached in"})


class CountryCoverage(ma.Schema):
    iso3 = F.String(required=True)
    country = F.String(required=True)
    region = F.String(required=True)
    chambers_total = F.Integer(**N)
    chambers_reached = F.Integer(**N)
    share = F.Float(**SHARE)
    activities = F.Integer(**N)
    chambers = F.List(F.Nested(CountryChamber), required=True)


class TrendYear(ma.Schema):
    year = F.Integer(required=True)
    activities = F.Dict(keys=F.String(), values=F.Integer(), required=True,
                        metadata={"description": "activities that started this year, per area code"})
    first_reached = F.Integer(**N)
    newly_reached_in_period = F.Integer(**N)
    cumulative_reached = F.Integer(**N)
    cumulative_share = F.Float(**SHARE)


class Bicameral(ma.Schema):
    country = F.String(required=True)
    iso3 = F.String(required=True)
    reached = F.List(F.String(), required=True)
    not_reached = F.List(F.String(), required=True)


class CoverageReport(ma.Schema):
    """Every figure of the coverage dashboard for one filter set. A chamber is reached in a period when it took
    part, as a beneficiary, in a non-deleted activity that started in the period; denominators are the chambers
    that existed in the period (in the region and income group chosen)."""

    filters = F.Nested(FiltersSchema, required=True)
    chambers_total = F.Integer(**N)
    chambers_reached = F.Integer(**N)
    share = F.Float(**SHARE)
    countries_total = F.Integer(**N)
    countries_reached = F.Integer(**N)
    activities = F.Integer(**N)
    participants = F.Integer(**N)
    women = F.Integer(**N)
    women_share = F.Float(**SHARE)
    expert_supply = F.Nested(ma.Schema.from_dict({"chambers": F.Integer(**N), "activities": F.Integer(**N)},
                                                 name="ExpertSupply"), required=True)
    by_area = F.List(F.Nested(AreaCoverage), required=True)
    breadth = F.List(F.Nested(ma.Schema.from_dict({"areas": F.Integer(**N), "chambers": F.Integer(**N)},
                                                  name="Breadth")), required=True)
    by_region = F.List(F.Nested(_group("RegionCoverage", "region")), required=True)
    by_subregion = F.List(F.Nested(_group("SubregionCoverage", "subregion", parent=True)), required=True)
    by_income_group = F.List(F.Nested(_group("IncomeGroupCoverage", "income_group")), required=True)
    by_geopolitical_group = F.List(F.Nested(_group("GeopoliticalGroupCoverage", "group")), required=True)
    bicameral_one_reached = F.List(F.Nested(Bicameral), required=True)
    trends = F.List(F.Nested(TrendYear), required=True)
    countries = F.List(F.Nested(CountryCoverage), required=True)
    recorded_years = YEARS
    income_groups = F.Nested(IncomeGroupsUsed, required=True)


class ChamberInScope(ma.Schema):
    code = F.String(required=True)
    name = F.String(required=True)
    chamber_type = F.String(required=True, validate=ma.validate.OneOf(CHAMBER_TYPES))
    status = F.String(required=True, validate=ma.validate.OneOf(STATUSES))
    country = F.String(required=True)
    iso3 = F.String(required=True)
    m49_region = F.String(required=True)
    m49_subregion = F.String(required=True)
    income_group = F.String(required=True, allow_none=True,
                            metadata={"description": "of the period's last fiscal year"})


class MatrixRow(ChamberInScope):
    areas = F.Dict(keys=F.String(), values=F.Integer(validate=ma.validate.Range(0)), required=True,
                   metadata={"description": "counted activities per area code (zeros included)"})
    total = F.Integer(**N)
    breadth = F.Integer(**N, metadata={"description": "areas it was reached in"})


class GapRow(ChamberInScope):
    last_reached = F.Date(required=True, allow_none=True,
                          metadata={"description": "start of the last activity that reached it at all; null: never"})
    other_areas = F.List(F.String(), required=True,
                         metadata={"description": "with an area chosen: the areas it was reached in instead"})


MatrixPage = PageSchema.from_dict({
    "areas": F.List(F.String(), required=True), "rows": F.List(F.Nested(MatrixRow), required=True),
    "recorded_years": YEARS, "income_groups": F.Nested(IncomeGroupsUsed, required=True)}, name="MatrixPage")
GapPage = PageSchema.from_dict({
    "chambers_total": F.Integer(**N, metadata={"description": "chambers in scope (the gap list's denominator)"}),
    "rows": F.List(F.Nested(GapRow), required=True), "recorded_years": YEARS,
    "income_groups": F.Nested(IncomeGroupsUsed, required=True)}, name="GapPage")
