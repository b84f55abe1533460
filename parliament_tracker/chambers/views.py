"""The registry list and the chamber page."""

from flask import Blueprint, abort, current_app, jsonify, render_template, url_for
from flask_babel import gettext as _

from parliament_tracker.auth.permissions import public
from parliament_tracker.chambers import services
from parliament_tracker.chambers.exports import HXL_TAGS, REGISTRY_HEADER, datapackage, registry_rows
from parliament_tracker.chambers.forms import RegistryFilterForm
from parliament_tracker.downloads import Metadata, data_licence, filter_labels, table_response
from parliament_tracker.labels import ipu_group_label
from parliament_tracker.localised import region_name

bp = Blueprint("chambers", __name__, url_prefix="/chambers")


def _filter_form() -> tuple[RegistryFilterForm, services.RegistryFilter]:
    form = RegistryFilterForm()
    form.region.choices = [("", _("Any region"))] + [(r, region_name(r)) for r in services.region_choices()]
    form.group.choices = [("", _("Any group"))] + [(code, ipu_group_label(name)) for code, name in services.group_choices()]
    if not form.validate():
        return form, None
    fields = ("q", "region", "income_group", "chamber_type", "status", "group")
    return form, services.RegistryFilter(**{f: (getattr(form, f).data or "").strip() for f in fields})


@bp.get("/")
@public
def index():
    form, filters = _filter_form()
    if filters is None:
        return render_template("chambers/index.html", form=form, chambers=[]), 400
    return render_template("chambers/index.html", form=form, chambers=services.search_chambers(filters))


@bp.get("/export.csv", defaults={"fmt": "csv"})
@bp.get("/export.xlsx", defaults={"fmt": "xlsx"})
@public
def export(fmt: str):
    """The filtered registry as CSV or XLSX; ?hxl=1 adds a row of HXL hashtags under the header."""
    form, filters = _filter_form()
    if filters is None:
        abort(400, _("Invalid filter values."))
    metadata = Metadata(_("National parliamentary chambers"), filters=filter_labels(form),
                        source=_("IPU Parline; UN M49; ISO 3166; %(income)s",
                                 income=current_app.config["INCOME_GROUP_REFERENCE"]))
    return table_response("chambers", REGISTRY_HEADER, registry_rows(services.search_chambers(filters)), fmt=fmt,
                          hxl=HXL_TAGS, metadata=metadata)


@bp.get("/datapackage.json")
@public
def datapackage_descriptor():
    """Frictionless Data Package descriptor of the registry CSV."""
    csv_url = url_for("chambers.export", fmt="csv", _external=True)
    return jsonify(datapackage(csv_url, current_app.config["INCOME_GROUP_REFERENCE"], data_licence()))


@bp.get("/<code>")
@public
def detail(code: str):
    chamber = services.get_chamber_or_404(code)
    return render_template("chambers/detail.html", chamber=chamber, others=services.other_chambers(chamber),
                           history=services.chamber_history(chamber))
