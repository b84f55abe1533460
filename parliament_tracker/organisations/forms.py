"""The installation admin's organisation form: what an organisation is, and its names in the other languages."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from parliament_tracker.forms import BaseForm
from parliament_tracker.i18n import LANGUAGE_NAMES, N_, text_direction
from parliament_tracker.labels import choices

# column -> (label with %(language)s, maximum length): a field "<column>_<language>" per other language
TRANSLATED_FIELDS = {"name": (N_("Name in %(language)s"), 200), "short_name": (N_("Short name in %(language)s"), 40)}


class OrganisationForm(BaseForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    short_name = StringField(_l("Short name or acronym"), validators=[Optional(), Length(max=40)])
    org_type = SelectField(_l("Type"), choices=choices("org_type"), validate_choice=True)
    country = SelectField(_l("Country"), choices=[], validate_choice=True)
    iati_id = StringField(_l("IATI organisation identifier"), validators=[Optional(), Length(max=60)])
    website = StringField(_l("Website"), validators=[Optional(), Length(max=300)])
    activities_public = BooleanField(_l("Its activities are public"), default=True)
    chambers = SelectMultipleField(_l("Chambers it speaks for (parliament organisations)"), choices=[],
                                   validate_choice=True)
    submit = SubmitField(_l("Save organisation"))


def organisation_form_class(languages: list[str]):
    """OrganisationForm with a name and a short name field per language besides English ("name_fr", …)."""

    class TranslatedOrganisationForm(OrganisationForm):
        pass

    for code in languages:
        for column, (label, longest) in TRANSLATED_FIELDS.items():
            setattr(TranslatedOrganisationForm, f"{column}_{code}", StringField(
                _l(label, language=LANGUAGE_NAMES.get(code, code)), validators=[Optional(), Length(max=longest)],
                render_kw={"lang": code, "dir": text_direction(code)}))
    return TranslatedOrganisationForm


def translations_from(form, languages: list[str]) -> dict[str, dict[str, str]]:
    """{"name": {"fr": ...}, "short_name": {...}} as the form holds them (an empty text removes a translation)."""
    return {column: {code: form[f"{column}_{code}"].data or "" for code in languages} for column in TRANSLATED_FIELDS}
