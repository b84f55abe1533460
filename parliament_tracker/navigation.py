"""The role-dependent items of the main navigation, and template globals."""

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from parliament_tracker.i18n import current_locale, language_choices, language_url, text_direction, this_page
from parliament_tracker.labels import label
from parliament_tracker.localised import (
    chamber_name,
    country_name,
    date_text,
    datetime_text,
    decimal,
    number,
    number_separators,
    official_languages,
    percent,
    region_name,
)
from parliament_tracker.translated import in_language, translated

# (endpoint, label, roles that see it; None is an anonymous visitor, org_admin a staff member managing their
# organisation's accounts); an endpoint not registered is skipped.
NAV = (
    ("profiles.capacity", _l("ICT capacity"), (None, "admin", "staff", "parliament", "donor")),
    ("activities.index", _l("Activities"), ("admin", "staff")),
    ("activities.import_sheet", _l("Import"), ("admin", "staff")),
    ("profiles.mine", _l("My chamber"), ("parliament",)),
    ("profiles.queue", _l("Disputes"), ("admin", "staff")),
    ("profiles.feedback_overview", _l("Feedback"), ("admin", "staff")),
    ("auth.users", _l("Users"), ("admin",)),
    ("organisations.index", _l("Organisations"), ("admin",)),
    ("auth.my_organisation_staff", _l("Our staff"), ("org_admin",)),
    ("auth.invite", _l("Invite"), ("admin", "staff")),
    ("mail.index", _l("Mail"), ("admin",)),
    ("profiles.questions", _l("Questionnaire"), ("admin",)),
    ("activities.audit", _l("Audit trail"), ("admin",)),
    ("auth.settings", _l("Settings"), ("admin",)),
)


def _viewer_roles() -> set:
    """The NAV roles of the visitor: their role (None when anonymous), and "org_admin" for staff who manage their
    organisation's accounts."""
    if not current_user.is_authenticated:
        return {None}
    return {current_user.role} | ({"org_admin"} if current_user.role == "staff" and current_user.is_org_admin else set())


def nav_items() -> list[dict]:
    viewer = _viewer_roles()
    return [
        {"url": url_for(endpoint), "label": label}
        for endpoint, label, roles in NAV
        if viewer & set(roles) and endpoint in current_app.view_functions
    ]


def register_template_globals(app: Flask) -> None:
    app.jinja_env.globals.update(nav_items=nav_items, label=label, current_locale=current_locale,
                                  text_direction=text_direction, language_choices=language_choices,
                                  language_url=language_url, this_page=this_page, country_name=country_name,
                                  region_name=region_name, chamber_name_in=chamber_name_in,
                                  chamber_display=chamber_display, number_separators=number_separators,
                                  translated_text=translated)
    app.jinja_env.filters.update(number=number, decimal=decimal, percent=percent, date=date_text, datetime=datetime_text,
                                 ipu_group=lambda code: label("ipu_group", code),
                                 area_name=lambda text: in_language(text, "activity_areas.label"),
                                 category_name=lambda text: in_language(text, "assessment_categories.label"),
                                 region=region_name)


def chamber_name_in(chamber) -> tuple[str, str]:
    """(name, language) of a chamber for the request's language (localised.chamber_name)."""
    return chamber_name(chamber.name, chamber.official_names or "", official_languages(chamber.country.iso2))


def chamber_display(chamber) -> str:
    """"Country: chamber" in the request's language, as Chamber.display_name is in English."""
    return f"{country_name(chamber.country.iso2, chamber.country.name)}: {chamber_name_in(chamber)[0]}"
