"""The role-dependent items of the main navigation, and template globals."""

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from parliament_tracker.i18n import current_locale, language_choices, language_url, text_direction, this_page
from parliament_tracker.labels import label

# (endpoint, label, roles that see it; None is an anonymous visitor); an endpoint not registered is skipped.
NAV = (
    ("profiles.capacity", _l("ICT capacity"), (None, "admin", "staff", "parliament", "donor")),
    ("activities.index", _l("Activities"), ("admin", "staff")),
    ("activities.import_sheet", _l("Import"), ("admin", "staff")),
    ("profiles.mine", _l("My chamber"), ("parliament",)),
    ("profiles.queue", _l("Disputes"), ("admin", "staff")),
    ("profiles.feedback_overview", _l("Feedback"), ("admin", "staff")),
    ("auth.users", _l("Users"), ("admin",)),
    ("auth.invite", _l("Invite"), ("admin", "staff")),
    ("mail.index", _l("Mail"), ("admin",)),
    ("profiles.questions", _l("Questionnaire"), ("admin",)),
    ("activities.audit", _l("Audit trail"), ("admin",)),
    ("auth.settings", _l("Settings"), ("admin",)),
)


def nav_items() -> list[dict]:
    role = current_user.role if current_user.is_authenticated else None
    return [
        {"url": url_for(endpoint), "label": label}
        for endpoint, label, roles in NAV
        if role in roles and endpoint in current_app.view_functions
    ]


def register_template_globals(app: Flask) -> None:
    app.jinja_env.globals.update(nav_items=nav_items, label=label, current_locale=current_locale,
                                  text_direction=text_direction, language_choices=language_choices,
                                  language_url=language_url, this_page=this_page)
