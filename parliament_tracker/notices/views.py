"""The account page where each user chooses the notices they receive by e-mail."""

from flask import Blueprint, current_app, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth.permissions import login_required
from parliament_tracker.notices.forms import notice_form
from parliament_tracker.notices.models import kinds_for
from parliament_tracker.notices.services import notice_settings, save_notice_settings
from parliament_tracker.pages import form_page

bp = Blueprint("notices", __name__)


@bp.route("/account/notices", methods=["GET", "POST"])
@login_required
def settings():
    kinds = kinds_for(current_user.role)
    form = notice_form(kinds, current_app.config["LANGUAGES"])
    if request.method == "GET":
        for name, value in notice_settings(current_user).items():
            if name in form:
                form[name].data = value
    return form_page(form, lambda: save_notice_settings(current_user, {name: form[name].data
                                                                       for name in (*kinds, "locale") if name in form}),
                     "notices/settings.html", saved=(_("Notice settings saved."), url_for("notices.settings")),
                     kinds=kinds)
