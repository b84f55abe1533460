"""The language switcher's answer: the choice remembered in a cookie and, for a signed-in user, in the account."""

from flask import abort, redirect, url_for
from flask_login import current_user

from parliament_tracker.auth import services
from parliament_tracker.auth.forms import LanguageForm
from parliament_tracker.auth.permissions import public, safe_next
from parliament_tracker.auth.views import bp
from parliament_tracker.i18n import language_choices, remember_language


@bp.post("/language")
@public
def choose_language():
    """A signed-in user's switcher posts here (an anonymous visitor's is links with ?lang=, which need no
    session); back to the page it was on, in the chosen language."""
    form = LanguageForm()
    form.lang.choices = language_choices()
    if not form.validate_on_submit():
        abort(400)  # a language that is not offered (a missing CSRF token is refused before this)
    if current_user.is_authenticated:
        services.choose_language(current_user, form.lang.data)
    response = redirect(safe_next(form.next.data) or url_for("dashboards.index"), 303)
    return remember_language(response, form.lang.data)
