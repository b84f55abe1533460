"""Schemas of the registry: chambers as Popolo organizations (tied to their parliament), countries with their
classifications, and the vocabularies (areas, activity types, regions, income groups, groups)."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.chambers.models import CHAMBER_TYPES, INCOME_GROUPS, REGIONS, STATUSES

F = ma.fields
CHAMBER_CODE = {"description": "stable chamber code: ISO 3166-1 alpha-2, then -LC (lower or unicameral) or -UC "
                               "(upper)", "example": "FR-LC"}


class ChamberQuery(ma.Schema):
    q = F.String(load_default="", validate=ma.validate.Length(max=100),
                 metadata={"description": "words of a name, code or country"})
    region = F.String(load_default="", validate=ma.validate.OneOf(("",) + REGIONS))
    income_group = F.String(load_default="", validate=ma.validate.OneOf(("",) + INCOME_GROUPS))
    chamber_type = F.String(load_default="", validate=ma.validate.OneOf(("",) + CHAMBER_TYPES))
    status = F.String(load_default="", validate=ma.validate.OneOf(("",) + STATUSES))
    group = F.String(load_default="", validate=ma.validate.Length(max=20),
                     metadata={"description": "an IPU geopolitical group code (see /api/v1/classifications)"})


class NameSchema(ma.Schema):
    name = F.String(required=True)
    note = F.String(required=True, validate=ma.validate.OneOf(("official", "alternate")))


class IdentifierSchema(ma.Schema):
    scheme = F.String(required=True)
    identifier = F.String(required=True)


class AreaRef(ma.Schema):
    id = F.String(required=True, metadata={"description": "ISO 3166-1 alpha-3"})
    name = F.String(required=True)


class ClassificationsSchema(ma.Schema):
    m49_region = F.String(required=True, validate=ma.validate.OneOf(REGIONS))
    m49_subregion = F.String(required=True)
    m49_intermediate_region = F.String(required=True, allow_none=True)
    income_group = F.String(required=True, allow_none=True, validate=ma.validate.OneOf(INCOME_GROUPS),
                            metadata={"description": "World Bank, latest fiscal year; null: not classified"})
    ipu_groups = F.List(F.String(), required=True)


class ParliamentSchema(ma.Schema):
    id = F.String(required=True, metadata={"description": "the parliament: its country's ISO alpha-2",
                                           "example": "FR"})
    classification = F.Constant("parliament", required=True)
    name = F.String(required=True)
    chambers = F.List(F.String(metadata=CHAMBER_CODE), required=True)


class OrganizationSchema(ma.Schema):
    """A chamber as a Popolo organization; the two chambers of a bicameral parliament share its parent."""

    id = F.String(required=True, metadata=CHAMBER_CODE)
    name = F.String(required=True)
    other_names = F.List(F.Nested(NameSchema), required=True)
    classification = F.String(required=True, validate=ma.validate.OneOf(CHAMBER_TYPES))
    identifiers = F.List(F.Nested(IdentifierSchema), required=True)
    area = F.Nested(AreaRef, required=True)
    founding_date = F.String(required=True, allow_none=True, metadata={"format": "date"})
    dissolution_date = F.String(required=True, allow_none=True, metadata={"format": "date"})
    seats = F.Integer(required=True, allow_none=True)
    status = F.String(required=True, validate=ma.validate.OneOf(STATUSES))
    status_note = F.String(required=True, allow_none=True)
    classifications = F.Nested(ClassificationsSchema, required=True)
    parent_id = F.String(required=True, allow_none=True,
                         metadata={"description": "the parliament of a lower or upper chamber; null: unicameral"})
    parent = F.Nested(ParliamentSchema, required=True, allow_none=True)


class OrganizationList(ma.Schema):
    count = F.Integer(required=True)
    organizations = F.List(F.Nested(OrganizationSchema), required=True)


class CountrySchema(ma.Schema):
    iso2 = F.String(required=True)
    iso3 = F.String(required=True)
    name = F.String(required=True)
    official_name = F.String(required=True)
    un_member = F.Boolean(required=True)
    m49_region = F.String(required=True, validate=ma.validate.OneOf(REGIONS))
    m49_subregion = F.String(required=True)
    m49_intermediate_region = F.String(required=True)
    income_group = F.String(required=True, allow_none=True, validate=ma.validate.OneOf(INCOME_GROUPS))
    ipu_groups = F.List(F.String(), required=True)
    chambers = F.List(F.String(metadata=CHAMBER_CODE), required=True)


class CountryList(ma.Schema):
    count = F.Integer(required=True)
    countries = F.List(F.Nested(CountrySchema), required=True)


class TermSchema(ma.Schema):
    code = F.String(required=True)
    label = F.String(required=True)


class ClassificationList(ma.Schema):
    """Every vocabulary a filter or a record uses, with the codes the API takes."""

    areas = F.List(F.Nested(TermSchema), required=True)
    activity_types = F.List(F.Nested(TermSchema), required=True)
    chamber_types = F.List(F.String(), required=True)
    statuses = F.List(F.String(), required=True)
    regions = F.List(F.String(), required=True)
    subregions = F.List(F.Nested(ma.Schema.from_dict({"region": F.String(required=True),
                                                      "subregion": F.String(required=True)},
                                                     name="Subregion")), required=True)
    income_groups = F.List(F.String(), required=True)
    geopolitical_groups = F.List(F.Nested(TermSchema), required=True)
