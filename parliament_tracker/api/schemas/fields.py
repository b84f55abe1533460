"""Fields of our own: the database keeps naive UTC times, which the API writes as RFC 3339 with their offset."""

from __future__ import annotations

import datetime as dt

import marshmallow as ma


class UtcDateTime(ma.fields.DateTime):
    """A stored naive UTC time, written with its +00:00 offset (RFC 3339 date-time)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return super()._serialize(value, attr, obj, **kwargs)
