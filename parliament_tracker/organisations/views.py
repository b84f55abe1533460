"""The installation admin's organisation screens: the list, and the form that creates or changes one."""

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import role_required
from parliament_tracker.chambers.services import (
    chamber_choices,
    country_choices,
    get_chambers_by_ids,
    get_country_by_iso,
)
from parliament_tracker.organisations.forms import organisation_form_class, translations_from
from parliament_tracker.organisations.queries import organisation_rows
from parliament_tracker.organisations.services import (
    OrganisationValues,
    get_organisation_or_404,
    organisation_form_data,
    save_organisation,
)
from parliament_tracker.pages import form_page

bp = Blueprint("organisations", __name__)


def _languages() -> list[str]:
    return [code for code in current_app.config["LANGUAGES"] if code != "en"]


@bp.get("/admin/organisations")
@role_required("admin")
def index():
    return render_template("organisations/index.html", organisations=organisation_rows())


def _values(form) -> OrganisationValues:
    return OrganisationValues(
        name=form.name.data or "", org_type=form.org_type.data, short_name=form.short_name.data or "",
        iati_id=form.iati_id.data, website=form.website.data or "", activities_public=form.activities_public.data,
        country=get_country_by_iso(form.country.data) if form.country.data else None,
        chambers=get_chambers_by_ids(form.chambers.data))


def _form_page(organisation=None):
    form_class = organisation_form_class(_languages())
    form = form_class(data=organisation_form_data(organisation)) if request.method == "GET" else form_class()
    form.country.choices = [("", _("(none)"))] + country_choices()
    form.chambers.choices = chamber_choices()
    return form_page(form, lambda: save_organisation(organisation, _values(form), by=current_user,
                                                     translations=translations_from(form, _languages())),
                     "organisations/form.html", organisation=organisation, languages=_languages(),
                     saved=lambda saved: (_("Organisation %(name)s saved.", name=saved.name),
                                          url_for("organisations.index")))


@bp.route("/admin/organisations/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    return _form_page()


@bp.route("/admin/organisations/<int:organisation_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit(organisation_id: int):
    return _form_page(get_organisation_or_404(organisation_id))
