"""Chamber profile pages: built in the profiles issue."""

from flask import Blueprint

bp = Blueprint("profiles", __name__, url_prefix="/profiles")
