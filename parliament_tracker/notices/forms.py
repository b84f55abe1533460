"""The notice settings form: one switch per kind the user's role receives, and the language of their mail."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, SubmitField

from parliament_tracker.forms import BaseForm
from parliament_tracker.i18n import LANGUAGE_NAMES

KIND_LABELS = {
    "records": _l("New or changed records of my chamber(s), to confirm"),
    "reports": _l("New disputes and reports of missing activities"),
    "resolutions": _l("The centre's answer to a dispute or report I made"),
}


class NoticeForm(BaseForm):
    records = BooleanField(KIND_LABELS["records"])
    reports = BooleanField(KIND_LABELS["reports"])
    resolutions = BooleanField(KIND_LABELS["resolutions"])
    # the account's one language (users.locale): its pages and its e-mail; the switcher on every page sets it too
    locale = SelectField(_l("Language of the site and of my e-mail"), choices=[], default="", validate_choice=True)
    submit = SubmitField(_l("Save notice settings"))


def notice_form(kinds: tuple[str, ...], languages: list[str]) -> NoticeForm:
    """The form with only the switches of the given kinds, and the language choice when there is one."""
    form = NoticeForm()
    for kind in set(KIND_LABELS) - set(kinds):
        delattr(form, kind)
    if len(languages) > 1:
        form.locale.choices = [("", _l("Not chosen: the browser's language, e-mail in English"))] + [
            (code, LANGUAGE_NAMES.get(code, code)) for code in languages]
    else:
        del form.locale
    return form
