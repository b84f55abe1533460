"""The dashboard's panels: for each chart, the rows of its table and CSV file and the figure drawn from those
same rows, so the picture, the table alternative and the download always hold the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from parliament_tracker.chambers.models import INCOME_GROUPS
from parliament_tracker.dashboards import charts
from parliament_tracker.i18n import N_, request_translations, text_direction
from parliament_tracker.i18n import gettext as _
from parliament_tracker.labels import ipu_group_label, label
from parliament_tracker.localised import country_name_iso3, group_symbol, number, percent, region_name

COLUMNS = {
    "area": N_("Area"), "chambers_reached": N_("Chambers reached"), "chambers_total": N_("Chambers in the period"),
    "share": N_("Share reached"), "activities": N_("Activities"), "participants": N_("Participants"),
    "areas": N_("Areas reached in"), "chambers": N_("Chambers"), "region": N_("Region"),
    "subregion": N_("Subregion"), "income_group": N_("Income group"), "group": N_("IPU geopolitical group"),
    "year": N_("Year"), "first_reached": N_("Chambers reached for the first time"),
    "newly_reached_in_period": N_("Chambers first reached in the period"),
    "cumulative_reached": N_("Chambers reached since the period began"), "cumulative_share": N_("Cumulative share"),
    "iso3": N_("ISO code"), "country": N_("Country"), "reached": N_("Chamber reached"),
    "not_reached": N_("Chamber not reached"), "total": N_("Total"), "code": N_("Code"), "chamber": N_("Chamber"),
    "chamber_type": N_("Type"), "status": N_("Status"), "breadth": N_("Breadth (areas)"),
    "last_reached": N_("Last reached (any area, any year)"), "other_areas": N_("Reached in the period in"),
}


def _cell(value, group: str = ",") -> str:
    """A table cell's text as HTML: integers with the locale's thousands separator (group), anything else escaped."""
    if type(value) is int:
        return f"{value:,}" if group == "," else f"{value:,}".replace(",", group)
    return escape(str(value))


@dataclass
class Panel:
    id: str
    title: str
    header: list[str]
    rows: list[list]
    figure: dict | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def html_rows(self) -> Markup:
        """The body of the table alternative: a row per row, its first cell a row header, every cell escaped. Built
        here rather than by a template loop: the map's table alone has over a thousand cells, and escaping each
        through the template cost more than the rest of the page's rendering."""
        group = group_symbol()  # looked up once per table, not once per number
        rows = (f'<tr><th scope="row">{_cell(row[0], group)}</th>'
                f'{"".join(f"<td>{_cell(c, group)}</td>" for c in row[1:])}</tr>' for row in self.rows)
        return Markup("".join(rows))  # noqa: S704 (every cell is escaped by _cell)

    @property
    def figure_json(self) -> str:
        if not self.figure:
            return ""
        return charts.to_json(charts.mirrored(self.figure) if text_direction() == "rtl" else self.figure)


def pct(value) -> str:
    """A share as the locale writes a percentage ("35%", "35 %"); empty without one."""
    return "" if value is None else percent(value)


def _share(part: int, whole: int) -> str:
    return percent(part / whole if whole else None)


def _bars(labels, reached, totals, title) -> dict:
    """The coverage bars of a panel, their labels' numbers in the request's locale."""
    return charts.coverage_bars(labels, reached, totals, title, _("Reached"), _("Not reached"), _("Chambers"),
                                number=number, share=_share)


def _coverage_panel(pid, title, key, items, display=lambda v: v) -> Panel:
    rows = [[display(i[key]), i["chambers_reached"], i["chambers_total"], pct(i["share"])] for i in items]
    figure = _bars([r[0] or _("Not classified") for r in rows], [r[1] for r in rows], [r[2] for r in rows], title)
    return Panel(pid, title, [key, "chambers_reached", "chambers_total", "share"], rows, figure)


def _in_order(items: list[dict], key: str, order: tuple) -> list[dict]:
    """Items of an ordered classification (income groups low to high) in that order, unclassified ones last."""
    rank = {code: i for i, code in enumerate(order)}
    return sorted(items, key=lambda i: rank.get(i[key], len(order)))


def _area_panel(report, areas: dict[str, str], area: str | None) -> Panel:
    title = _("Chambers reached, by area of work")
    # with an area chosen, the others are outside the filter: not drawn (they would read as "not reached")
    rows = [[areas.get(a["area"], a["label"]), a["chambers_reached"], a["chambers_total"], pct(a["share"]), a["activities"],
             a["participants"]] for a in report["by_area"] if area is None or a["area"] == area]
    figure = _bars([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], title)
    return Panel("area", title, ["area", "chambers_reached", "chambers_total", "share", "activities",
                                 "participants"], rows, figure)


def _breadth_panel(report) -> Panel:
    title = _("Breadth: chambers by the number of areas they were reached in")
    rows = [[b["areas"], b["chambers"]] for b in report["breadth"]]
    names = [_("not reached") if n == 0 else _("%(n)s of %(total)s", n=n, total=len(rows) - 1) for n, _c in rows]
    figure = charts.count_bars(names, [c for _n, c in rows], title, _("Chambers"), horizontal=False, number=number)
    return Panel("breadth", title, ["areas", "chambers"], rows, figure)


def _trend_panels(report, areas: dict[str, str], area: str | None) -> list[Panel]:
    trends = report["trends"]
    years = [t["year"] for t in trends]
    codes = [area] if area in areas else list(areas)
    rows = [[t["year"], *[t["activities"].get(c, 0) for c in codes], sum(t["activities"].values())] for t in trends]
    title = _("Activities per year, by area of work")
    series = [(areas[c], [r[i + 1] for r in rows]) for i, c in enumerate(codes)]
    by_year = Panel("activities_by_year", title, ["year", *codes, "total"], rows,
                    charts.stacked_by_year(years, series, title, _("Activities"), [list(areas).index(c) for c in codes]),
                    labels=[areas[c] for c in codes])
    title = _("Chambers reached for the first time, per year")
    reach_rows = [[t["year"], t["first_reached"], t["newly_reached_in_period"], t["cumulative_reached"],
                   pct(t["cumulative_share"])] for t in trends]
    first = Panel("first_reached", title, ["year", "first_reached", "newly_reached_in_period", "cumulative_reached",
                                           "cumulative_share"], reach_rows,
                  charts.count_bars([str(y) for y in years], [r[1] for r in reach_rows], title, _("Chambers"),
                                    horizontal=False, number=number))
    title = _("Cumulative coverage in the period")
    cumulative = Panel("cumulative", title, first.header, reach_rows,
                       charts.cumulative_line(years, [r[3] for r in reach_rows], report["chambers_total"], title,
                                              _("Chambers reached"), number=number, share=_share))
    return [by_year, first, cumulative]


def _map_panel(report, areas: dict[str, str]) -> Panel:
    title = _("Where the centre's work reached")
    # translated once, formatted per country (gettext per country costs more than the whole figure)
    summary, not_reached = _("%(reached)s of %(total)s chambers reached; %(n)s activities"), _("not reached")
    rows, hover = [], []
    for c in report["countries"]:
        named = [(ch["name"], ", ".join(areas.get(a, a) for a in ch["areas"])) for ch in c["chambers"]]
        country = country_name_iso3(c["iso3"], c["country"])
        rows.append([c["iso3"], country, c["chambers_reached"], c["chambers_total"], pct(c["share"]),
                     c["activities"], "; ".join(f"{name} ({reached or not_reached})" for name, reached in named)])
        lines = [f"<b>{escape(country)}</b>", summary % {"reached": number(c["chambers_reached"]),
                                                         "total": number(c["chambers_total"]),
                                                         "n": number(c["activities"])}]
        lines += [f"{escape(name)}: {reached or '–'}" for name, reached in named]
        hover.append("<br>".join(lines))
    figure = charts.world_map([r[0] for r in rows], [c["share"] or 0 for c in report["countries"]],
                              [r[5] for r in rows], hover, title, _("Share reached"), _("Activities"),
                              fit=bool(report["filters"]["region"]))
    return Panel("map", title, ["iso3", "country", "chambers_reached", "chambers_total", "share", "activities",
                                "chambers"], rows, figure)


def _bicameral_panel(report) -> Panel:
    rows = [[country_name_iso3(b.get("iso3"), b["country"]), ", ".join(b["reached"]), ", ".join(b["not_reached"])]
            for b in report["bicameral_one_reached"]]
    return Panel("bicameral", _("Bicameral parliaments where only one chamber was reached"),
                 ["country", "reached", "not_reached"], rows)


def coverage_panels(report: dict, areas: dict[str, str], area: str | None = None) -> dict[str, Panel]:
    """Every panel of the dashboard for a coverage report, by id (area: the area filter, whose chosen area alone
    is drawn)."""
    panels = [
        _map_panel(report, areas), _area_panel(report, areas, area), _breadth_panel(report),
        _coverage_panel("region", _("Coverage by UN region"), "region", report["by_region"], region_name),
        _coverage_panel("subregion", _("Coverage by UN subregion"), "subregion", report["by_subregion"],
                        region_name),
        _coverage_panel("income", _("Coverage by World Bank income group"), "income_group",
                        _in_order(report["by_income_group"], "income_group", INCOME_GROUPS),
                        lambda v: label("income_group", v)),
        _coverage_panel("group", _("Coverage by IPU geopolitical group"), "group", report["by_geopolitical_group"],
                        ipu_group_label),
        _bicameral_panel(report), *_trend_panels(report, areas, area),
    ]
    return {p.id: p for p in panels}


def column_label(key: str, areas: dict[str, str]) -> str:
    # through the request's catalogue: a table header costs a dictionary lookup, not Flask-Babel's context lookups
    return request_translations().ugettext(COLUMNS[key]) if key in COLUMNS else areas.get(key) or key
