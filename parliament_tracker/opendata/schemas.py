"""The OpenAPI description of the data package's answers: its descriptor (JSON) and the path of its tables."""

from __future__ import annotations

import marshmallow as ma

from parliament_tracker.opendata.package import TABLES

# the tables' names, as the path's enum (and the werkzeug converter that routes them)
TABLE_NAMES = [t.name for t in TABLES]


class LicenceSchema(ma.Schema):
    name = ma.fields.String(required=True, metadata={"description": "SPDX identifier (CC-BY-4.0 by default)"})
    title = ma.fields.String(required=True)
    path = ma.fields.String(required=True, metadata={"description": "the licence's text"})


class SourceSchema(ma.Schema):
    title = ma.fields.String(required=True)


class ResourceSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.OneOf(TABLE_NAMES))
    title = ma.fields.String(required=True)
    path = ma.fields.String(required=True, metadata={"description": "relative: the CSV beside the descriptor"})
    format = ma.fields.String(required=True, validate=ma.validate.OneOf(["csv"]))
    mediatype = ma.fields.String(required=True, validate=ma.validate.OneOf(["text/csv"]))
    encoding = ma.fields.String(required=True, validate=ma.validate.OneOf(["utf-8"]))
    schema = ma.fields.Dict(required=True, metadata={"description": "its Frictionless Table Schema (fields, "
                                                                    "primaryKey, foreignKeys)"})


class DataPackageSchema(ma.Schema):
    """A Frictionless Data Package descriptor (https://specs.frictionlessdata.io/data-package/)."""

    name = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    created = ma.fields.String(required=True, metadata={"description": "when it was built, UTC (ISO 8601)"})
    licenses = ma.fields.List(ma.fields.Nested(LicenceSchema), required=True)
    sources = ma.fields.List(ma.fields.Nested(SourceSchema), required=True)
    resources = ma.fields.List(ma.fields.Nested(ResourceSchema), required=True)


class HxlQuery(ma.Schema):
    hxl = ma.fields.String(load_default="0", validate=ma.validate.OneOf(["0", "1"]),
                            metadata={"description": "1: an HXL hashtag row (hxlstandard.org) under the header"})
