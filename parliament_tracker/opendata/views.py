"""The open-data routes: the IATI activities file, and the data package of the public data with its CSVs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from flask import Blueprint, Response, current_app

from parliament_tracker.activities.filters import read_activity_filter
from parliament_tracker.auth.permissions import public_unless_disabled
from parliament_tracker.downloads import data_licence
from parliament_tracker.errors import json_error
from parliament_tracker.opendata import iati
from parliament_tracker.settings import dashboards_are_public

bp = Blueprint("opendata", __name__)


def publisher() -> iati.Publisher:
    config = current_app.config
    return iati.Publisher(config["IATI_ORG_REF"], config["IATI_ORG_NAME"], config["IATI_ORG_TYPE"],
                          data_licence().label)


@bp.get("/api/v1/iati/activities.xml")
@public_unless_disabled(dashboards_are_public)
def iati_activities():
    """The public activities in IATI 2.03, with the activity list's filters (q searches titles and refs only)."""
    form, filters = read_activity_filter()
    if filters is None:
        return json_error(400, "invalid filter values", dict(form.errors))
    filters = dataclasses.replace(filters, public_text_only=True)
    body = iati.iati_activities_xml(iati.public_activities(filters), publisher(),
                                     dt.datetime.now(dt.UTC).replace(tzinfo=None))
    return Response(body, mimetype="application/xml", headers={"Link": data_licence().link_header})
