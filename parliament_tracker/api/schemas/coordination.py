"""Schemas of the coordination view's overlaps: its filters and one overlap between two organisations."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.api.schemas.common import PageQuery, page_schema, row_id, whole
from parliament_tracker.api.schemas.coverage import YEAR
from parliament_tracker.chambers.models import INCOME_GROUPS, REGIONS
from parliament_tracker.dashboards.choices import ORGANISATION_TYPES

F = ma.fields


class OverlapQuery(PageQuery):
    """The coordination page's filters, under the names of its URL. area and organisation must exist (an
    organisation working in a public activity); to must not be before from."""

    year_from = F.Integer(data_key="from", validate=YEAR, metadata={"description": "first year, inclusive"})
    year_to = F.Integer(data_key="to", validate=YEAR, metadata={"description": "last year, inclusive"})
    area = F.String(validate=ma.validate.Length(max=30), metadata={"description": "an area code"})
    region = F.String(validate=ma.validate.OneOf(("",) + REGIONS))
    income_group = F.String(validate=ma.validate.OneOf(("",) + INCOME_GROUPS))
    window = F.Integer(validate=whole(0, 120), metadata={
        "description": "months at most between the start dates of two overlapping activities (12 unless given)"})
    organisation = F.Integer(validate=row_id("organisation"),
                             metadata={"description": "an organisation id: only overlaps it is part of"})
    org_type = F.String(validate=ma.validate.OneOf(("",) + ORGANISATION_TYPES),
                        metadata={"description": "only overlaps with an organisation of this type"})


class OverlapActivitySchema(ma.Schema):
    id = F.Integer(required=True)
    title = F.String(required=True)
    start_date = F.Date(required=True)
    organisation = F.String(required=True, metadata={"description": "the working organisation's short name"})


class OverlapSchema(ma.Schema):
    """Two organisations that worked (led, implemented or co-organised) with the same chamber in the same area,
    in different public activities whose start dates are at most `window` months apart."""

    chamber_code = F.String(required=True)
    area_code = F.String(required=True)
    organisations = F.List(F.String(), required=True, validate=ma.validate.Length(equal=2))
    activities = F.List(F.Nested(OverlapActivitySchema), required=True)


OverlapPage = page_schema("OverlapPage", "overlaps", OverlapSchema)
