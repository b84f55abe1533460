"""The base form every form subclasses: CSRF on, and errors shared with services."""

from flask import request
from flask_wtf import FlaskForm


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
