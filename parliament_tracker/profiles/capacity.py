"""The ICT capacity page's panels: per category, the median score by survey round for each region and income
group (a chart and its table from the same rows), the before/after slope charts, and the flat tables the CSV and
XLSX files hold. The numbers come from queries.py, unchanged (small groups stay withheld)."""

from __future__ import annotations

from dataclasses import dataclass, field

from parliament_tracker.chambers.models import INCOME_GROUPS
from parliament_tracker.i18n import gettext as _
from parliament_tracker.labels import label
from parliament_tracker.localised import decimal, locale_code, number, region_name
from parliament_tracker.profiles import charts, queries
from parliament_tracker.translated import in_language

TABLES = ("region", "income_group", "before_after")


@dataclass
class Chart:
    id: str
    title: str
    figure: dict
    header: list[str]
    rows: list[list] = field(default_factory=list)

    @property
    def figure_json(self) -> str:
        return charts.to_json(self.figure)


def _groups(rows, by: str) -> list[str]:
    found = {r.group for r in rows}
    if by == "income_group":
        return [g for g in (*INCOME_GROUPS, "") if g in found]
    return sorted(found)


def _group_name(by: str, group: str) -> str:
    return label("income_group", group) if by == "income_group" else region_name(group)


def _category(english: str) -> str:
    return in_language(english, "assessment_categories.label")


def _area(english: str) -> str:
    return in_language(english, "activity_areas.label")


def median_charts(rows: list[queries.GroupMedian], by: str, minimum: int) -> list[Chart]:
    """One chart per category (in the questionnaire's order): a line per group over the survey rounds; its table
    has a row per round and a column per group, "median (chambers)" or "withheld (chambers)"."""
    categories = list(dict.fromkeys(r.category for r in rows))
    years, groups = sorted({r.year for r in rows}), _groups(rows, by)
    cells = {(r.year, r.group, r.category): r for r in rows}
    heading = _("Region") if by == "region" else _("Income group")
    out = []
    for n, category in enumerate(categories):
        def at(year, group, category=_category(category)):
            return cells.get((year, group, category))
        series = [(_group_name(by, g), [getattr(at(y, g), "median", None) for y in years]) for g in groups]
        table = [[y, *[_cell(at(y, g), minimum) for g in groups]] for y in years]
        title = _("%(category)s: median score by %(grouping)s", category=_category(category), grouping=heading.lower())
        out.append(Chart(f"{by}-{n}", title, charts.median_lines(years, series, title, _("Median score (0–4)")),
                         [_("Survey round"), *[_group_name(by, g) for g in groups]], table))
    return out


def _cell(row, minimum: int) -> str:
    if row is None:
        return "–"
    if row.median is None:
        return _("withheld (fewer than %(n)s)", n=minimum)
    return f"{decimal(row.median)} ({number(row.chambers)})"


def slope_charts(rows: list[queries.BeforeAfter], minimum: int, order: list[str] | None = None) -> list[Chart]:
    """Per category (in `order`, the questionnaire's, where given): a line per area from the median before first
    being reached in it to the median after. Withheld pairs are left out of the chart and named in its table."""
    categories = list(dict.fromkeys([*(order or []), *(r.category for r in rows)]))
    out = []
    for n, category in enumerate(c for c in categories if any(r.category == c for r in rows)):
        mine = [r for r in rows if r.category == category]
        lines = [(_area(r.area), r.before, r.after) for r in mine if r.before is not None]
        title = _("%(category)s: median score before and after first being reached", category=_category(category))
        table = [[_area(r.area), number(r.chambers), decimal(r.before) if r.before is not None else
                  _("withheld (fewer than %(n)s)", n=minimum), decimal(r.after) if r.after is not None else "–"]
                 for r in mine]
        out.append(Chart(f"slope-{n}", title, charts.slope(lines, title, _("Before"), _("After"),
                                                         _("Median score (0–4)")),
                         [_("Area"), _("Chambers"), _("Before"), _("After")], table))
    return out


def capacity_table(name: str, minimum: int = queries.MIN_GROUP) -> tuple[str, list[str], list[list]]:
    """(title, header, rows) of a capacity table as downloaded: per year, group and category (or per area and
    category for before_after), the chambers and the median, empty where withheld."""
    def score(value):
        return "" if value is None else value

    def word(translate, english):  # English keeps the stored words and codes, which scripts read
        return english if locale_code() == "en" or english is None else translate(english)
    if name == "before_after":
        rows = [[word(_area, r.area), word(_category, r.category), r.chambers, score(r.before), score(r.after)]
                for r in queries.scores_before_after(minimum)]
        return _("Median category score before and after first being reached in an area"), \
            _named(["area", "category", "chambers", "median_before", "median_after"]), rows
    medians = sorted(queries.category_medians(name, minimum), key=lambda r: (r.year, r.group or "", r.category))
    rows = [[r.year, word(lambda g: _group_name(name, g), r.group), word(_category, r.category), r.chambers,
             score(r.median)] for r in medians]
    grouping = (_("Region") if name == "region" else _("Income group")).lower()
    return _("Median category score by %(grouping)s and year", grouping=grouping), \
        _named(["year", name, "category", "chambers", "median"]), rows


def own_against_medians(cap) -> Chart | None:
    """The chamber's scores in its latest submitted year beside its region's and income group's medians that year
    (assessments.Capacity), per category; None before its first submission."""
    if not cap.years:
        return None
    year = cap.years[-1]
    categories = [c for c in cap.categories if (year, c) in cap.own]
    series = [(_("This chamber"), [cap.own[(year, c)] for c in categories]),
              (_("Region median"), [cap.region.get((year, c)) for c in categories]),
              (_("Income group median"), [cap.income.get((year, c)) for c in categories])]
    title = _("Scores in %(year)s against the medians of the region and the income group", year=year)
    labels = [_category(c) for c in categories]
    return Chart("own-capacity", title, charts.against_medians(labels, series, title, _("Score (0–4)")), [])


def _named(header: list[str]) -> list[str]:
    """A download's column names: the keys in English (scripts read them), the page's words in another language
    (as the coverage downloads, dashboards.tables.download_header)."""
    if locale_code() == "en":
        return header
    words = {"year": _("Year"), "region": _("Region"), "income_group": _("Income group"), "category": _("Category"),
             "chambers": _("Chambers"), "median": _("Median score"), "area": _("Area"),
             "median_before": _("Median score before"), "median_after": _("Median score after")}
    return [words.get(key, key) for key in header]
