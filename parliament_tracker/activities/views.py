"""Activity pages (list, detail, forms): built in the activities issue."""

from flask import Blueprint

bp = Blueprint("activities", __name__, url_prefix="/activities")
