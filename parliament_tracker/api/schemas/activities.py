"""Schemas of the activities read API (staff): the list's filters and an activity with its participations."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.activities.models import ACTIVITY_TYPES, PARTICIPATION_ROLES, PARTICIPATION_STATUSES
from parliament_tracker.activities.queries import SORTS
from parliament_tracker.api.schemas.common import PageQuery, page_schema, row_id
from parliament_tracker.api.schemas.fields import UtcDateTime
from parliament_tracker.chambers.models import REGIONS

F = ma.fields
COUNT = {"validate": ma.validate.Range(0), "allow_none": True, "required": True}


class ActivityFilterQuery(ma.Schema):
    """The activity list's filters (the page's own names); area, year and donor must be ones that exist."""

    q = F.String(validate=ma.validate.Length(max=100), metadata={"description": "words of the title or ref"})
    area = F.String(validate=ma.validate.Length(max=30), metadata={"description": "an area code"})
    activity_type = F.String(validate=ma.validate.OneOf(("",) + ACTIVITY_TYPES))
    year = F.Integer(validate=ma.validate.Range(1900, 2100, error="Not a valid choice: a year from 1900 to 2100."),
                     metadata={"description": "the start year"})
    donor = F.Integer(validate=row_id("donor"), metadata={"description": "a donor id"})
    region = F.String(validate=ma.validate.OneOf(("",) + REGIONS))
    chamber = F.String(validate=ma.validate.Length(max=12), metadata={"description": "a chamber code"})
    sort = F.String(load_default="start_desc", validate=ma.validate.OneOf(tuple(SORTS)))


class ActivityQuery(ActivityFilterQuery, PageQuery):
    """The activity list's filters, a page at a time."""


class ParticipationSchema(ma.Schema):
    id = F.Integer(required=True)
    chamber = F.String(attribute="chamber.code", required=True, metadata={"description": "the chamber's code"})
    country = F.String(attribute="chamber.country.iso3", required=True,
                       metadata={"description": "ISO 3166-1 alpha-3"})
    role = F.String(required=True, validate=ma.validate.OneOf(PARTICIPATION_ROLES))
    participants = F.Integer(**COUNT)
    women = F.Integer(**COUNT)
    members = F.Integer(**COUNT)
    secretariat_staff = F.Integer(**COUNT)
    ict_staff = F.Integer(**COUNT)
    status = F.String(required=True, validate=ma.validate.OneOf(PARTICIPATION_STATUSES))


class ActivitySchema(ma.Schema):
    id = F.Integer(required=True)
    ref = F.String(required=True, allow_none=True)
    title = F.String(required=True)
    area = F.String(attribute="area.code", required=True, metadata={"description": "the area code"})
    activity_type = F.String(required=True, validate=ma.validate.OneOf(ACTIVITY_TYPES))
    start_date = F.Date(required=True)
    end_date = F.Date(required=True)
    venue = F.String(required=True)
    online = F.Boolean(required=True)
    description = F.String(required=True)
    outcomes = F.String(required=True)
    partners = F.String(required=True)
    donors = F.Function(lambda a: [d.name for d in a.donors], required=True,
                        metadata={"type": "array", "items": {"type": "string"}})
    preceding_id = F.Integer(required=True, allow_none=True)
    version = F.Integer(required=True)
    updated_at = UtcDateTime(required=True)
    participations = F.List(F.Nested(ParticipationSchema), required=True)


ActivityPage = page_schema("ActivityPage", "activities", ActivitySchema)


class ParticipationQuery(ActivityQuery):
    """The activity list's filters choose the activities; chamber, role and status narrow their participations."""

    role = F.String(load_default="", validate=ma.validate.OneOf(("",) + PARTICIPATION_ROLES))
    status = F.String(load_default="", validate=ma.validate.OneOf(("",) + PARTICIPATION_STATUSES))


class ActivityRef(ma.Schema):
    id = F.Integer(required=True)
    ref = F.String(required=True, allow_none=True)
    title = F.String(required=True)
    area = F.String(attribute="area.code", required=True)
    activity_type = F.String(required=True, validate=ma.validate.OneOf(ACTIVITY_TYPES))
    start_date = F.Date(required=True)


class ParticipationInActivity(ParticipationSchema):
    activity = F.Nested(ActivityRef, required=True)


ParticipationPage = page_schema("ParticipationPage", "participations", ParticipationInActivity)
