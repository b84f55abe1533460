"""The home page; the coverage dashboards grow here."""

from flask import Blueprint, render_template

from parliament_tracker.auth.permissions import public

bp = Blueprint("dashboards", __name__)


@bp.get("/")
@public
def index():
    return render_template("dashboards/index.html")
