"""Sign-in, password and user administration forms."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import AnyOf, DataRequired, Email, EqualTo, Length, Optional

from parliament_tracker.auth.tokens import MAX_EXPIRY_DAYS
from parliament_tracker.forms import BaseForm, BoundedIntegerField

ROLE_CHOICES = [
    ("admin", _l("Administrator")),
    ("staff", _l("Centre staff")),
    ("parliament", _l("Parliament")),
    ("donor", _l("Donor")),
]


class LoginForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Keep me signed in"))
    submit = SubmitField(_l("Sign in"))


class ChangePasswordForm(BaseForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=200)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    submit = SubmitField(_l("Change password"))


class UserForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    chambers = SelectMultipleField(_l("Chambers (parliament accounts)"), choices=[], validate_choice=True)
    # staff: the organisation they work for (the home one when left empty); donor accounts: the donor they follow
    donor = SelectField(_l("Organisation (staff and donor accounts)"), choices=[], validate_choice=True)
    org_admin = BooleanField(_l("Manages the staff accounts of their organisation (staff accounts)"))
    active = BooleanField(_l("Account enabled"), default=True)
    password = PasswordField(
        _l("Initial password (leave empty to generate one)"), validators=[Optional(), Length(min=10, max=200)]
    )
    submit = SubmitField(_l("Save"))


class SettingsForm(BaseForm):
    public_dashboards = BooleanField(_l("Anonymous visitors may see the coverage dashboards"))
    submit = SubmitField(_l("Save settings"))


class TokenForm(BaseForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    expires_days = BoundedIntegerField(_l("Expires after (days; empty: never)"), validators=[Optional()],
                                       minimum=1, maximum=MAX_EXPIRY_DAYS)
    submit = SubmitField(_l("Create token"))


class ConfirmActionForm(BaseForm):
    """A button that changes something: only its CSRF token is read."""

    submit = SubmitField(_l("Confirm"))


class ForgotPasswordForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    submit = SubmitField(_l("Send me a link"))


class NewPasswordForm(BaseForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=200)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    submit = SubmitField(_l("Set password"))


class InvitationForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    chambers = SelectMultipleField(_l("Chambers they speak for"), choices=[], validate_choice=True,
                                   validators=[DataRequired(message=_l("Choose at least one chamber."))])
    locale = SelectField(_l("Language of the invitation and of their account"), choices=[], validate_choice=True)
    submit = SubmitField(_l("Send the invitation"))


class StaffInvitationForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    org_admin = BooleanField(_l("Also manages the organisation's staff accounts"))
    locale = SelectField(_l("Language of the invitation and of their account"), choices=[], validate_choice=True)
    submit = SubmitField(_l("Send the invitation"))


class StaffSwitchForm(BaseForm):
    """A button that turns one thing of a staff account on or off: value is "1" (on) or "0" (off)."""

    value = HiddenField(validators=[AnyOf(("0", "1"))])
    submit = SubmitField(_l("Confirm"))


class LanguageForm(BaseForm):
    """The language switcher of a signed-in user (the account remembers it): one button per language."""

    lang = SelectField(_l("Language"), choices=[], validate_choice=True)
    next = HiddenField()
