"""Schemas of a chamber's profile (public, with a private part for those who may see it), its contacts and the
ICT capacity aggregates."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.activities.models import PARTICIPATION_ROLES, PARTICIPATION_STATUSES

F = ma.fields
N = {"required": True, "validate": ma.validate.Range(0)}


class AreaReached(ma.Schema):
    code = F.String(required=True)
    activities = F.Integer(**N)
    first = F.Date(required=True, allow_none=True)
    last = F.Date(required=True, allow_none=True)


class Trained(ma.Schema):
    participants = F.Integer(**N)
    women = F.Integer(**N)
    activities = F.Integer(**N)


class Supplied(ma.Schema):
    code = F.String(required=True)
    name = F.String(required=True)
    activities = F.Integer(**N)


class DonorCount(ma.Schema):
    name = F.String(required=True)
    activities = F.Integer(**N)


class Record(ma.Schema):
    activity_ref = F.String(attribute="ref", required=True, allow_none=True)
    title = F.String(required=True)
    area = F.String(required=True)
    start = F.Date(required=True)
    role = F.String(required=True, validate=ma.validate.OneOf(PARTICIPATION_ROLES))
    participants = F.Integer(required=True, allow_none=True)
    women = F.Integer(required=True, allow_none=True)


class TimelinePoint(ma.Schema):
    year = F.Integer(required=True)
    area = F.String(required=True, metadata={"description": "the area's label"})
    activities = F.Integer(**N)


class RecordStatus(ma.Schema):
    participation_id = F.Integer(required=True)
    status = F.String(required=True, validate=ma.validate.OneOf(PARTICIPATION_STATUSES))
    note = F.String(attribute="status_note", required=True)


class PrivatePart(ma.Schema):
    record_status = F.List(F.Nested(RecordStatus), required=True)
    open_reports = F.Integer(**N)


class ProfileSchema(ma.Schema):
    """What the public profile page shows; `private` only for staff and the chamber's own parliament accounts."""

    code = F.String(required=True)
    name = F.String(required=True)
    country = F.String(required=True)
    other_chambers = F.List(F.String(), required=True)
    breadth = F.Integer(**N)
    areas = F.List(F.Nested(AreaReached), required=True)
    people_trained = F.Nested(Trained, required=True)
    people_trained_confirmed = F.Nested(Trained, required=True)
    expert_activities = F.Integer(**N)
    experts_supplied_to = F.List(F.Nested(Supplied), required=True)
    donors = F.List(F.Nested(DonorCount), required=True)
    supporters = F.List(F.Nested(DonorCount), required=True,
                        metadata={"description": "organisations that led, implemented or co-organised its activities"})
    records = F.List(F.Nested(Record), required=True, metadata={"description": "every record, newest first"})
    timeline = F.List(F.Nested(TimelinePoint), required=True,
                      metadata={"description": "the time series: activities per start year and area, the "
                                               "chamber a beneficiary"})
    private = F.Nested(PrivatePart)


class ContactSchema(ma.Schema):
    name = F.String(required=True)
    role = F.String(required=True)
    email = F.String(required=True)
    phone = F.String(required=True)


class ContactList(ma.Schema):
    contacts = F.List(F.Nested(ContactSchema), required=True)


class GroupMedian(ma.Schema):
    year = F.Integer(required=True, metadata={"description": "the survey round"})
    group = F.String(required=True, allow_none=True)
    category = F.String(required=True)
    chambers = F.Integer(**N, metadata={"description": "chambers that answered"})
    median = F.Float(required=True, allow_none=True,
                     metadata={"description": "median score 0-4; null: withheld, fewer than minimum_chambers"})


class BeforeAfter(ma.Schema):
    area = F.String(required=True)
    category = F.String(required=True)
    chambers = F.Integer(**N)
    before = F.Float(required=True, allow_none=True, metadata={"description": "null: withheld"})
    after = F.Float(required=True, allow_none=True, metadata={"description": "null: withheld"})


class CapacitySchema(ma.Schema):
    """The ICT capacity aggregates of the self-assessments: never a single chamber's scores; a median over fewer
    than minimum_chambers chambers is withheld (null)."""

    minimum_chambers = F.Integer(required=True)
    by_region = F.List(F.Nested(GroupMedian), required=True)
    by_income_group = F.List(F.Nested(GroupMedian), required=True)
    before_after = F.List(F.Nested(BeforeAfter), required=True)
