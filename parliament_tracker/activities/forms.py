"""Activity, participation, filter, audit and import forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SearchField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from parliament_tracker.forms import BaseForm, BoundedIntegerField, FilterForm
from parliament_tracker.labels import LABELS

TYPE_LABELS = LABELS["activity_type"]
ROLE_CHOICES = list(LABELS["participation_role"].items())
SORT_CHOICES = [("start_desc", _l("Newest first")), ("start_asc", _l("Oldest first")), ("title", _l("Title")),
                ("updated", _l("Recently changed"))]
ACTION_CHOICES = [("", _l("Any action")), ("create", _l("Created")), ("update", _l("Changed")),
                  ("delete", _l("Deleted")), ("restore", _l("Restored"))]
COUNT = [Optional(), NumberRange(min=0, max=100_000, message=_l("Give a whole number of 0 or more."))]


def type_choices(blank=None) -> list:
    return ([("", blank)] if blank else []) + list(TYPE_LABELS.items())


class ActivityForm(BaseForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    ref = StringField(_l("Reference"), validators=[Optional(), Length(max=100)])
    area = SelectField(_l("Area of work"), choices=[], validate_choice=False)
    activity_type = SelectField(_l("Type"), choices=type_choices(), validate_choice=False)
    start_date = DateField(_l("Start date"), validators=[InputRequired()])
    end_date = DateField(_l("End date"), validators=[Optional()])
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=300)])
    online = BooleanField(_l("Held online"))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20_000)])
    outcomes = TextAreaField(_l("Outcomes"), validators=[Optional(), Length(max=20_000)])
    partners = TextAreaField(_l("Notes on partners"), validators=[Optional(), Length(max=5_000)])
    # the organisations: ids, checked by the service (activities/partners.py), whose refusal goes next to the field;
    # the view removes the fields the person may not set (the lead: admins only; the partners: the lead's staff)
    lead = SelectField(_l("Lead organisation"), choices=[], validate_choice=False,
                       render_kw={"data-proper-name": True})  # its options are names
    implementing = SelectMultipleField(_l("Implementing partners"), choices=[], validate_choice=False,
                                       render_kw={"data-proper-name": True})
    co_organising = SelectMultipleField(_l("Co-organising partners"), choices=[], validate_choice=False,
                                        render_kw={"data-proper-name": True})
    donors = SelectMultipleField(_l("Funding donors"), choices=[], validate_choice=False,
                                 render_kw={"data-proper-name": True})
    partners_may_edit = BooleanField(_l("Partners may edit"))
    preceding = SelectField(_l("Preceding activity"), choices=[], validate_choice=False)
    chambers = SelectMultipleField(_l("Participating chambers"), choices=[], validate_choice=False)
    role = SelectField(_l("Their role"), choices=ROLE_CHOICES)
    version = HiddenField()
    submit = SubmitField(_l("Save"))


class ParticipationForm(BaseForm):
    chambers = SelectMultipleField(_l("Chambers"), choices=[], validate_choice=False)
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    participants = BoundedIntegerField(_l("Participants"), validators=COUNT, minimum=0, maximum=100_000)
    women = BoundedIntegerField(_l("Women among them"), validators=COUNT, minimum=0, maximum=100_000)
    members = BoundedIntegerField(_l("Members of parliament"), validators=COUNT, minimum=0, maximum=100_000)
    secretariat_staff = BoundedIntegerField(_l("Secretariat staff"), validators=COUNT, minimum=0, maximum=100_000)
    ict_staff = BoundedIntegerField(_l("ICT staff"), validators=COUNT, minimum=0, maximum=100_000)
    version = HiddenField()  # the edit form's optimistic lock
    submit = SubmitField(_l("Save"))


class ConfirmForm(BaseForm):
    """A button that changes something (delete, restore, remove): only the CSRF token."""

    submit = SubmitField(_l("Confirm"))


class ActivityFilterForm(FilterForm):
    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    area = SelectField(_l("Area"), choices=[], default="")
    activity_type = SelectField(_l("Type"), choices=type_choices(_l("Any type")), default="")
    year = SelectField(_l("Year"), choices=[], default="")
    donor = SelectField(_l("Donor"), choices=[], default="", render_kw={"data-proper-name": True})  # names
    region = SelectField(_l("Region"), choices=[], default="")
    chamber = StringField(_l("Chamber code"), validators=[Optional(), Length(max=12)])
    sort = SelectField(_l("Sort by"), choices=SORT_CHOICES, default="start_desc")
    page = BoundedIntegerField(_l("Page"), validators=[Optional(), NumberRange(min=1, max=100_000)],
                               minimum=1, maximum=100_000)


class AuditFilterForm(FilterForm):
    entity_type = SelectField(_l("Record type"), choices=[], default="")
    user = SelectField(_l("Changed by"), choices=[], default="")
    action = SelectField(_l("Action"), choices=ACTION_CHOICES, default="")
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])
    page = BoundedIntegerField(_l("Page"), validators=[Optional(), NumberRange(min=1, max=100_000)],
                               minimum=1, maximum=100_000)


class ImportUploadForm(BaseForm):
    file = FileField(_l("Spreadsheet (CSV or XLSX)"), validators=[FileRequired()])
    submit = SubmitField(_l("Check the file"))


class ImportCommitForm(BaseForm):
    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    exclude = SelectMultipleField(_l("Exclude these rows"), choices=[], validate_choice=False)
    submit = SubmitField(_l("Import"))


class ImportChoiceForm(BaseForm):
    """One answer in the preview: what a value (and its country, for a chamber) in a column means."""

    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    column = HiddenField(validators=[DataRequired(), Length(max=12)])
    value = HiddenField(validators=[DataRequired(), Length(max=200)])
    country = HiddenField(validators=[Optional(), Length(max=120)])
    target = SelectField(_l("Means"), choices=[], validate_choice=False, validators=[Optional()])
    other = StringField(_l("Or another chamber (code or name)"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Apply to every row with this value"))


class ImportExcludeForm(BaseForm):
    """Exclude every refused row, include every row again, or include one excluded row again (include)."""

    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    action = HiddenField(validators=[Optional(), Length(max=10)])
    include = HiddenField(validators=[Optional(), Length(max=10)])


class AliasForm(BaseForm):
    target = StringField(_l("Means"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Save"))
