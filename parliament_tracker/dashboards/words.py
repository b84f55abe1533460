"""What a coverage page counts, in words: the headline restating the filters and the period, the filters' chips,
and numbers formatted for the request's locale. No database here: the view passes the values in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parliament_tracker.i18n import gettext as _
from parliament_tracker.i18n import request_translations
from parliament_tracker.localised import group_symbol, number, percent  # noqa: F401  (the dashboards' formats)

SEPARATOR = " · "


@dataclass(frozen=True)
class Period:
    """The years a page counts: first and last (both inclusive), and whether the user chose neither bound."""

    first: int
    last: int
    whole: bool

    @property
    def text(self) -> str:
        span = str(self.first) if self.first == self.last else f"{self.first}–{self.last}"
        return _("%(span)s (the whole recorded history)", span=span) if self.whole else span


def period_of(year_from: int | None, year_to: int | None, first_recorded: int | None,
              today: dt.date | None = None) -> Period:
    """The period under the filters: a missing start is the first recorded activity's year, a missing end this
    year (the default, neither given, is the whole recorded history)."""
    this_year = (today or dt.date.today()).year
    last = year_to or max(this_year, year_from or this_year)
    first = year_from or min(first_recorded or last, last)
    return Period(first, last, year_from is None and year_to is None)


def headline_text(reached: int, total: int, share: float | None, filters: list[str], period: Period) -> str:
    """"8 of 23 chambers (35%) · Advocacy · Africa · Low income · 2010–2015": the count, each active filter in
    words, and the period, always."""
    count = _("%(reached)s of %(total)s chambers (%(share)s)", reached=number(reached), total=number(total),
              share=percent(share))
    return SEPARATOR.join([count, *filters, period.text])


def gaps_text(not_reached: int, total: int, filters: list[str], period: Period) -> str:
    """"15 of 23 chambers not reached · Advocacy · 2010–2015"."""
    count = _("%(n)s of %(total)s chambers not reached", n=number(not_reached), total=number(total))
    return SEPARATOR.join([count, *filters, period.text])


def income_reference(reference: str, fiscal_year: int | None = None, known: int = 0, fallback: int = 0) -> str:
    """Which World Bank classification the page's income groups are: the one of the period's last fiscal year for
    the countries the history records, today's (reference) for the others, said in so many words."""
    if fiscal_year is None:
        return _("Income groups: World Bank %(reference)s classification (today's).", reference=reference)
    if not known:
        return _("Income groups: World Bank %(reference)s classification (today's): no FY%(fy)s groups are "
                 "recorded.", reference=reference, fy=fiscal_year)
    text = _("Income groups: World Bank FY%(fy)s classification (the period's last year).", fy=fiscal_year)
    if fallback:
        text += " " + request_translations().ungettext(
            "%(n)s country has no FY%(fy)s group recorded: today's (%(reference)s) is used for it.",
            "%(n)s countries have no FY%(fy)s group recorded: today's (%(reference)s) is used for them.",
            fallback) % {"n": number(fallback), "fy": fiscal_year, "reference": reference}
    return text
