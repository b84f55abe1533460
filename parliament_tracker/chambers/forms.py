"""The registry page's filters."""

from flask_babel import lazy_gettext as _l
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from parliament_tracker.forms import FilterForm
from parliament_tracker.labels import choices

TYPE_CHOICES = [("", _l("Any type"))] + choices("chamber_type")
STATUS_CHOICES = [("", _l("Any status"))] + choices("status")
INCOME_CHOICES = [("", _l("Any income group"))] + choices("income_group")


class RegistryFilterForm(FilterForm):
    q = SearchField(_l("Chamber or country"), validators=[Optional(), Length(max=100)])
    region = SelectField(_l("Region"), choices=[], default="")
    income_group = SelectField(_l("Income group"), choices=INCOME_CHOICES, default="")
    chamber_type = SelectField(_l("Type"), choices=TYPE_CHOICES, default="")
    status = SelectField(_l("Status"), choices=STATUS_CHOICES, default="")
    group = SelectField(_l("IPU geopolitical group"), choices=[], default="")
