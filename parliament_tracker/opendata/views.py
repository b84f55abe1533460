"""The open-data routes: the IATI activities file, and the data package of the public data with its CSVs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from flask import Blueprint, Response, abort, current_app, jsonify

from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.api.access import errors, open_data
from parliament_tracker.api.schemas.activities import ActivityFilterQuery
from parliament_tracker.api.spec import ApiBlueprint
from parliament_tracker.auth.permissions import public_unless_disabled
from parliament_tracker.downloads import FORMATS, Metadata, data_licence, table_response
from parliament_tracker.errors import json_error
from parliament_tracker.opendata import iati, package
from parliament_tracker.settings import dashboards_are_public

bp = Blueprint("opendata", __name__)
# the IATI file is under /api/v1 and in its OpenAPI document, like every other route there
api_bp = ApiBlueprint("opendata_api", __name__)


def publisher() -> iati.Publisher:
    config = current_app.config
    return iati.Publisher(config["IATI_ORG_REF"], config["IATI_ORG_NAME"], config["IATI_ORG_TYPE"],
                          data_licence().label)


@api_bp.get("/api/v1/iati/activities.xml", tags=["open data"])
@open_data
@errors(400)
@api_bp.arguments(ActivityFilterQuery, location="query", as_kwargs=True)
@api_bp.response(200, content_type="application/xml",
                 description="An IATI 2.03 `iati-activities` document (validated against the 2.03 schema).")
def iati_activities(**_query):
    """The public activities in IATI 2.03, with the activity list's filters.

    The centre is the reporting and implementing organisation, donors the funding ones, recipient countries the
    beneficiary chambers' countries; participants and women are a result disaggregated by sex. `q` searches
    titles and references only."""
    form, filters = read_activity_filter()
    if filters is None:
        return json_error(400, "invalid filter values", dict(form.errors))
    filters = dataclasses.replace(filters, public_text_only=True)
    body = iati.iati_activities_xml(iati.public_activities(filters), publisher(),
                                     dt.datetime.now(dt.UTC).replace(tzinfo=None))
    return Response(body, mimetype="application/xml", headers={"Link": data_licence().link_header})


@bp.get("/data/datapackage.json")
@public_unless_disabled(dashboards_are_public)
def datapackage():
    """The Frictionless Data Package descriptor of the public data; its CSVs are beside it under /data/."""
    sources = [current_app.config["IATI_ORG_NAME"], "IPU Parline", "UN M49", "ISO 3166",
               current_app.config["INCOME_GROUP_REFERENCE"]]
    response = jsonify(package.descriptor(data_licence(), sources, dt.datetime.now(dt.UTC).replace(tzinfo=None)))
    response.headers["Link"] = data_licence().link_header
    return response


@bp.get("/data/<name>.<fmt>")
@public_unless_disabled(dashboards_are_public)
def table(name: str, fmt: str):
    """One table of the data package as CSV (or XLSX); ?hxl=1 adds the HXL hashtags under the header."""
    found = package.TABLES_BY_NAME.get(name)
    if found is None or fmt not in FORMATS:
        abort(404)
    return table_response(name, found.header, found.rows(), fmt=fmt,
                          metadata=Metadata(found.title, source=current_app.config["IATI_ORG_NAME"]))
