"""The open-data routes: the IATI activities file, and the data package of the public data with its CSVs.

All are on an ApiBlueprint, so they are in the OpenAPI document (/api/v1/openapi.json) with their media types
and error bodies, and schemathesis tries them like every other API route."""

from __future__ import annotations

import dataclasses
import datetime as dt

from flask import Response, current_app

from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.api.access import errors, open_data
from parliament_tracker.api.schemas.activities import ActivityFilterQuery
from parliament_tracker.api.spec import ApiBlueprint
from parliament_tracker.downloads import CSV_MIMETYPE, XLSX_MIMETYPE, Metadata, data_licence, table_response
from parliament_tracker.errors import json_error
from parliament_tracker.opendata import iati, package
from parliament_tracker.opendata.schemas import TABLE_NAMES, DataPackageSchema, HxlQuery

api_bp = ApiBlueprint("opendata_api", __name__)
TABLE_RULE = f"/data/<any({', '.join(TABLE_NAMES)}):name>.<any(csv, xlsx):fmt>"
TABLE_ANSWER = {
    "description": "The table: CSV (UTF-8, CRLF, formula-safe cells; with `hxl=1` a row of HXL hashtags under the "
                   "header) or XLSX (the same cells, and an `About` sheet: title, date, source, licence). The "
                   "licence is also in the `Link: <...>; rel=\"license\"` header.",
    "content": {CSV_MIMETYPE: {"schema": {"type": "string"}},
                XLSX_MIMETYPE: {"schema": {"type": "string", "format": "binary"}}},
}


def publisher() -> iati.Publisher:
    config = current_app.config
    return iati.Publisher(config["IATI_ORG_REF"], config["IATI_ORG_NAME"], config["IATI_ORG_TYPE"],
                          data_licence().label)


@api_bp.get("/api/v1/iati/activities.xml", tags=["open data"])
@open_data
@errors(400)
@api_bp.arguments(ActivityFilterQuery, location="query", as_kwargs=True)
@api_bp.doc(responses={"200": {
    "description": "An IATI 2.03 `iati-activities` document (validated against the 2.03 schema); the data "
                   "licence in a comment under `iati-activities` and in the `Link` header.",
    "content": {"application/xml": {"schema": {"type": "string"}}}}})
def iati_activities(**_query):
    """The public activities in IATI 2.03, with the activity list's filters.

    The centre is the reporting and implementing organisation, donors the funding ones, recipient countries the
    beneficiary chambers' countries; participants and women are a result disaggregated by sex. `q` searches
    titles and references only."""
    form, filters = read_activity_filter()
    if filters is None:
        return json_error(400, "invalid filter values", dict(form.errors))
    # public activities alone, whoever asks: the file is published
    filters = dataclasses.replace(filters, public_text_only=True, private_of=None, every_organisation=False)
    body = iati.iati_activities_xml(iati.public_activities(filters), publisher(),
                                     dt.datetime.now(dt.UTC).replace(tzinfo=None))
    return Response(body, mimetype="application/xml", headers={"Link": data_licence().link_header})


@api_bp.get("/data/datapackage.json", tags=["open data"])
@open_data
@api_bp.response(200, DataPackageSchema)
def datapackage():
    """The Frictionless Data Package descriptor of the public data.

    Its resources' paths are relative: each table's CSV is beside it under /data/ (`frictionless validate` passes
    on it). The data licence is in `licenses`."""
    sources = [current_app.config["IATI_ORG_NAME"], "IPU Parline", "UN M49", "ISO 3166",
               current_app.config["INCOME_GROUP_REFERENCE"]]
    return package.descriptor(data_licence(), sources, dt.datetime.now(dt.UTC).replace(tzinfo=None))


@api_bp.get(TABLE_RULE, tags=["open data"])
@open_data
@errors(400, 404)
@api_bp.arguments(HxlQuery, location="query", as_kwargs=True)
@api_bp.doc(responses={"200": TABLE_ANSWER})
def table(name: str, fmt: str, hxl: str):
    """One table of the data package, as CSV or XLSX.

    `name` is a resource of /data/datapackage.json, whose schema describes the columns."""
    found = package.TABLES_BY_NAME[name]  # the route's converter admits the tables' names only
    return table_response(name, found.header, found.rows(), fmt=fmt,
                          metadata=Metadata(found.title, source=current_app.config["IATI_ORG_NAME"]))
