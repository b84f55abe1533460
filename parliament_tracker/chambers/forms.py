"""The registry page's filters."""

from flask_babel import lazy_gettext as _l
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from parliament_tracker.forms import FilterForm

TYPE_CHOICES = [("", _l("Any type")), ("unicameral", _l("Unicameral")), ("lower", _l("Lower chamber")),
                ("upper", _l("Upper chamber"))]
STATUS_CHOICES = [("", _l("Any status")), ("active", _l("Active")), ("suspended", _l("Suspended")),
                  ("dissolved", _l("Dissolved")), ("transitional", _l("Transitional"))]
INCOME_CHOICES = [("", _l("Any income group")), ("low", _l("Low income")), ("lower_middle", _l("Lower-middle income")),
                  ("upper_middle", _l("Upper-middle income")), ("high", _l("High income"))]


class RegistryFilterForm(FilterForm):
    q = SearchField(_l("Chamber or country"), validators=[Optional(), Length(max=100)])
    region = SelectField(_l("Region"), choices=[], default="")
    income_group = SelectField(_l("Income group"), choices=INCOME_CHOICES, default="")
    chamber_type = SelectField(_l("Type"), choices=TYPE_CHOICES, default="")
    status = SelectField(_l("Status"), choices=STATUS_CHOICES, default="")
    group = SelectField(_l("IPU geopolitical group"), choices=[], default="")
