"""The coverage filters, shared by the pages and /api/v1/coverage (same names in every URL)."""

from urllib.parse import urlencode

from flask import request
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from parliament_tracker.dashboards.filters import CoverageFilters
from parliament_tracker.forms import BoundedIntegerField, FilterForm

YEARS = NumberRange(min=1900, max=2100, message=_l("Give a year between 1900 and 2100."))


class CoverageFilterForm(FilterForm):
    """Period in years (both inclusive), area, activity type, region, income group, organisation, confirmed only.
    The view fills the choices from the database; an unknown value is an error, never ignored."""

    year_from = BoundedIntegerField(_l("From year"), name="from", validators=[Optional(), YEARS],
                                    minimum=1900, maximum=2100)
    year_to = BoundedIntegerField(_l("To year"), name="to", validators=[Optional(), YEARS],
                                  minimum=1900, maximum=2100)
    area = SelectField(_l("Area of work"), choices=[], default="")
    activity_type = SelectField(_l("Activity type"), name="type", choices=[], default="")
    region = SelectField(_l("Region"), choices=[], default="")
    income_group = SelectField(_l("Income group"), choices=[], default="")
    # an organisation's own work: what it led, and the public activities it partnered in or funded (`donor` in
    # URLs, as before organisations: a donor's links keep working)
    donor = SelectField(_l("Organisation"), choices=[], default="", render_kw={"data-proper-name": True})  # names
    confirmed = BooleanField(_l("Only participations confirmed by the parliament"))

    def set_choices(self, choices: dict) -> None:
        for name, label in (("area", _l("All areas")), ("activity_type", _l("All types")),
                            ("region", _l("All regions")), ("income_group", _l("All income groups")),
                            ("donor", _l("All organisations (public work)"))):
            getattr(self, name).choices = [("", label)] + list(choices[name])

    def validate_year_to(self, field):
        if field.data and self.year_from.data and field.data < self.year_from.data:
            raise ValidationError(_l("The period must end in or after the year it starts."))

    def filters(self) -> CoverageFilters:
        return CoverageFilters(year_from=self.year_from.data or None, year_to=self.year_to.data or None,
                               area=self.area.data or None, activity_type=self.activity_type.data or None,
                               region=self.region.data or None, income_group=self.income_group.data or None,
                               donor_id=int(self.donor.data) if self.donor.data else None,
                               confirmed_only=bool(self.confirmed.data))

    def error_messages(self) -> list[str]:
        return [f"{getattr(self, name).label.text}: {' '.join(map(str, errors))}"
                for name, errors in self.errors.items()]

    def chosen(self) -> list[tuple[str, str]]:
        """(URL name, words) of each filter set other than the period, in the form's order: the headline's words."""
        out = [(field.name, str(dict(field.choices).get(field.data, field.data)))
               for field in (self.area, self.activity_type, self.region, self.income_group, self.donor) if field.data]
        if self.confirmed.data:
            out.append((self.confirmed.name, str(_l("confirmed participations only"))))
        return out

    def chips(self) -> list[tuple[str, str]]:
        """(words, query string without it) of every filter set, the period's bounds included: the chips that
        show the active filters on a phone, each removing its own filter."""
        years = [(field.name, f"{field.label.text} {field.data}") for field in (self.year_from, self.year_to)
                 if field.data and not field.errors]
        return [(words, urlencode([(k, v) for k, v in request.args.items(multi=True) if k not in (name, "page")]))
                for name, words in years + self.chosen()]


class CoordinationFilterForm(CoverageFilterForm):
    """The coverage filters without activity type, donor and confirmed-only (the coordination view counts public
    work of every organisation), plus the overlap window in months, an organisation and an organisation type."""

    activity_type = None
    donor = None
    confirmed = None
    window = BoundedIntegerField(_l("Window (months)"), default=12, minimum=0, maximum=120,
                                 validators=[Optional(), NumberRange(min=0, max=120, message=_l(
                                     "Give a number of months between 0 and 120."))])
    organisation = SelectField(_l("Organisation"), choices=[], default="")
    org_type = SelectField(_l("Organisation type"), choices=[], default="")

    def set_choices(self, choices: dict) -> None:
        for name, label in (("area", _l("All areas")), ("region", _l("All regions")),
                            ("income_group", _l("All income groups")), ("organisation", _l("All organisations")),
                            ("org_type", _l("All types of organisation"))):
            getattr(self, name).choices = [("", label)] + list(choices[name])

    def coordination(self) -> dict:
        """The values of the coordination filters (dashboards.coordination.CoordinationFilters' arguments)."""
        coverage = CoverageFilters(year_from=self.year_from.data or None, year_to=self.year_to.data or None,
                                   area=self.area.data or None, region=self.region.data or None,
                                   income_group=self.income_group.data or None)
        window = self.window.data if self.window.data is not None else 12
        return {"coverage": coverage, "window_months": window,
                "organisation_id": int(self.organisation.data) if self.organisation.data else None,
                "org_type": self.org_type.data or None}

    def chosen(self) -> list[tuple[str, str]]:
        return [(field.name, str(dict(field.choices).get(field.data, field.data)))
                for field in (self.area, self.region, self.income_group, self.organisation, self.org_type)
                if field.data]
