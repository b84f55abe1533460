"""The OpenAPI document (/api/v1/openapi.json) and its browsable reference page (/api/v1/docs, Swagger UI served
from static/vendor/, no other origin), both open to everyone: they describe the API, never its data."""

from flask import Blueprint, current_app, render_template

from parliament_tracker.api.spec import openapi
from parliament_tracker.auth.permissions import public

bp = Blueprint("apidocs", __name__)


@bp.get("/api/v1/openapi.json")
@public
def openapi_json():
    """The OpenAPI 3.1 document, generated from the routes and schemas that serve the API."""
    response = current_app.json.response(openapi.spec.to_dict())
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/api/v1/docs")
@public
def reference():
    """The browsable reference: Swagger UI on the OpenAPI document (try it out with your own session)."""
    return render_template("api/docs.html")
