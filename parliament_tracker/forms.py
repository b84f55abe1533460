"""The base form every form subclasses: CSRF on, and errors shared with services."""

from flask import request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import IntegerField

from parliament_tracker.numbers import INT_MAX, INT_MIN


class BoundedIntegerField(IntegerField):
    """An IntegerField that refuses, with a message, a whole number outside [minimum, maximum] (by default
    the database's integer range) before any validator or query sees it."""

    def __init__(self, label=None, validators=None, minimum: int = INT_MIN, maximum: int = INT_MAX, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.minimum, self.maximum = minimum, maximum

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] in ("", None):
            return
        text = str(valuelist[0]).strip()
        digits = text[1:] if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()):
            self.data = None
            raise ValueError(self.gettext("Not a valid integer value."))
        if len(digits) > 12 or not self.minimum <= int(text) <= self.maximum:
            self.data = None
            raise ValueError(_("Give a whole number from %(low)s to %(high)s.", low=self.minimum, high=self.maximum))
        self.data = int(text)

    def validate(self, form, extra_validators=()):
        if self.process_errors:  # one message for a number out of range, not a second one from a validator
            self.errors = list(self.process_errors)
            return False
        return super().validate(form, extra_validators)


class BaseForm(FlaskForm):
    """All forms: CSRF-protected; add_error puts a service's refusal next to its field."""

    def add_error(self, field_name: str | None, message: str) -> None:
        field = getattr(self, field_name, None) if field_name else None
        if field is None:
            self.form_errors.append(message)
        else:
            field.errors = list(field.errors) + [message]


class FilterForm(BaseForm):
    """A GET form of filters: read from the query string, no CSRF (it changes nothing)."""

    class Meta:
        csrf = False

    def __init__(self, **kwargs):
        super().__init__(formdata=request.args, **kwargs)
