"""Forms of the profile feature; choices that come from data are filled by the views."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from parliament_tracker.forms import BaseForm, BoundedIntegerField
from parliament_tracker.i18n import LANGUAGE_NAMES, N_, text_direction


class ContactForm(BaseForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = StringField(_l("Role or function"), validators=[Optional(), Length(max=200)])
    email = StringField(_l("E-mail"), validators=[DataRequired(), Email(check_deliverability=False),
                                                  Length(max=254)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=50)])
    version = HiddenField()  # the edit form's optimistic lock
    submit = SubmitField(_l("Save contact"))


class ActionForm(BaseForm):
    """A button that changes something: only the CSRF token."""


class DisputeForm(BaseForm):
    note = TextAreaField(_l("What is wrong with this record?"), validators=[DataRequired(), Length(max=4000)])
    submit = SubmitField(_l("Dispute this record"))


class MissingForm(BaseForm):
    missing_activity = TextAreaField(_l("The activity: title, date and place"),
                                     validators=[DataRequired(), Length(max=2000)])
    note = TextAreaField(_l("Who took part, and anything else the centre should know"),
                         validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Report the missing activity"))


class ResolveForm(BaseForm):
    decision = RadioField(_l("Decision"), choices=[("accepted", _l("Accept")), ("corrected", _l("Correct")),
                                                   ("rejected", _l("Reject"))], validators=[InputRequired()])
    resolution_note = TextAreaField(_l("Reason or what was corrected"), validators=[Optional(), Length(max=4000)])
    activity = StringField(_l("Activity reference or number (missing activities)"),
                           validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), choices=[("beneficiary", _l("Beneficiary")), ("expert", _l("Expert"))],
                       default="beneficiary")
    participants = BoundedIntegerField(_l("Participants"), validators=[Optional(), NumberRange(min=0)], minimum=0)
    women = BoundedIntegerField(_l("Women among them"), validators=[Optional(), NumberRange(min=0)], minimum=0)
    submit = SubmitField(_l("Resolve"))


class FeedbackForm(BaseForm):
    usefulness = RadioField(_l("How useful was the activity? (1 = not useful, 5 = very useful)"),
                            choices=[(i, str(i)) for i in range(1, 6)], coerce=int, validators=[InputRequired()])
    follow_up = TextAreaField(_l("What follow-up does your parliament need?"),
                              validators=[Optional(), Length(max=4000)])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Save feedback"))


class StartAssessmentForm(BaseForm):
    year = BoundedIntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2000, max=2100)],
                               minimum=2000, maximum=2100)
    submit = SubmitField(_l("Start the self-assessment"))


class ReturnForm(BaseForm):
    version = HiddenField()
    comment = TextAreaField(_l("Comments for the parliament"), validators=[DataRequired(), Length(max=4000)])
    submit = SubmitField(_l("Return for changes"))


class QuestionForm(BaseForm):
    category = SelectField(_l("Category"), validators=[InputRequired()])
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    text = TextAreaField(_l("Question"), validators=[DataRequired(), Length(max=2000)])
    scale = StringField(_l("Scale"), validators=[DataRequired(), Length(max=1000)])
    position = BoundedIntegerField(_l("Position"), validators=[Optional(), NumberRange(min=0)], minimum=0)
    active = SelectField(_l("Asked"), choices=[("1", _l("Yes")), ("0", _l("No"))])
    submit = SubmitField(_l("Save question"))


def assessment_form_class(questions):
    """A form with a score and a comment field per question; questions are plain (id, text, choices) items."""

    class AssessmentForm(BaseForm):
        version = HiddenField()
        save = SubmitField(_l("Save draft"))
        submit = SubmitField(_l("Submit"))

    for qid, text, choices in questions:
        setattr(AssessmentForm, f"score_{qid}", SelectField(
            text, choices=[("", _l("(not answered)"))] + [(str(s), f"{s} = {label}") for s, label in choices],
            validators=[Optional()]))
        setattr(AssessmentForm, f"comment_{qid}", TextAreaField(_l("Comment"), validators=[Optional(),
                                                                                           Length(max=4000)]))
    return AssessmentForm


class CategoryForm(BaseForm):
    label = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    position = BoundedIntegerField(_l("Position"), validators=[Optional(), NumberRange(min=0)], minimum=0)
    submit = SubmitField(_l("Save category"))


def translation_form_class(fields: dict[str, tuple], languages: list[str]):
    """A form with, for each language, a field per translatable column: fields maps the column ("text") to
    (field class, label with %(language)s, maximum length); the field is named "<column>_<language>"."""

    class TranslationForm(BaseForm):
        submit = SubmitField(_l("Save translations"))

    for code in languages:
        for column, (field, label, longest) in fields.items():
            setattr(TranslationForm, f"{column}_{code}", field(
                _l(label, language=LANGUAGE_NAMES.get(code, code)), validators=[Optional(), Length(max=longest)],
                render_kw={"lang": code, "dir": text_direction(code)}))
    return TranslationForm


QUESTION_TRANSLATION = {"text": (TextAreaField, N_("Question in %(language)s"), 2000),
                        "scale": (StringField, N_("Scale in %(language)s"), 1000)}
CATEGORY_TRANSLATION = {"label": (StringField, N_("Name in %(language)s"), 200)}
