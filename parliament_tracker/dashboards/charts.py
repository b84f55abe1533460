"""Plain rows in, plotly figures (JSON-ready dicts) out. Imports nothing from the package.

Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies) and never carry meaning
alone: bars are labelled with their numbers, every series has its own colour AND fill pattern, "not reached" is
a grey of its own that no series uses, series are named in the legend, and every figure has a table beside it.
Text is never drawn under MIN_TEXT px: bar labels sit beside the bar at the figure's font size instead of being
shrunk to fit inside it, and a label that cannot fit is hidden (the table beside the chart holds every number).
"""

from __future__ import annotations

import json

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
REACHED, NOT_REACHED, NOT_REACHED_LINE, ZERO = "#0072B2", "#d4d4d4", "#6c6c6c", "#E69F00"
MIN_TEXT = 11
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13, "color": "#212529"}


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def thousands(n: int) -> str:
    return f"{n:,}"


def _layout(title: str, **extra) -> dict:
    # The page shows the title as a heading above the figure; the figure keeps it only as metadata.
    layout = {"meta": {"title": title}, "font": FONT, "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
              "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff", "hoverlabel": {"namelength": -1},
              "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
              "uniformtext": {"minsize": MIN_TEXT, "mode": "hide"}}
    layout.update(extra)
    return layout


def _height(n: int) -> int:
    return max(220, 60 + 34 * n)


def coverage_bars(labels: list[str], reached: list[int], totals: list[int], title: str, reached_name: str,
                  not_reached_name: str, axis_title: str, number=thousands, share=None) -> dict:
    """Horizontal stacked bars: reached and not reached, each bar labelled "reached / total (share)" just past its
    end (a small group's count and share stay as legible as a large one's). number(n) and share(part, whole)
    write the label's numbers (the caller's locale; English by default)."""
    share = share or percent
    rest = [t - r for r, t in zip(reached, totals, strict=True)]
    text = [f"{number(r)} / {number(t)} ({share(r, t)})" for r, t in zip(reached, totals, strict=True)]
    top = max(totals or [0]) or 1
    data = [
        {"type": "bar", "orientation": "h", "y": labels, "x": reached, "name": reached_name, "customdata": text,
         "marker": {"color": REACHED}, "hovertemplate": "%{y}: %{customdata}<extra>" + reached_name + "</extra>"},
        {"type": "bar", "orientation": "h", "y": labels, "x": rest, "name": not_reached_name,
         "marker": {"color": NOT_REACHED, "line": {"color": NOT_REACHED_LINE, "width": 1}},
         "hovertemplate": "%{y}: %{x}<extra>" + not_reached_name + "</extra>"},
        {"type": "scatter", "mode": "text", "y": labels, "x": totals, "text": text, "textposition": "middle right",
         "textfont": {"size": 12}, "showlegend": False, "hoverinfo": "skip", "cliponaxis": False},
    ]
    layout = _layout(title, barmode="stack", height=_height(len(labels)),
                     xaxis={"title": {"text": axis_title}, "fixedrange": True, "automargin": True,
                            "range": [0, top * 1.6]},
                     yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True,
                            "tickfont": {"size": 12}})
    return {"data": data, "layout": layout}


def count_bars(labels: list[str], values: list[int], title: str, axis_title: str, horizontal: bool = True,
               number=thousands) -> dict:
    """Simple bars, each labelled with its number (number(n) writes it: the caller's locale, English by default)."""
    bar = {"type": "bar", "marker": {"color": OKABE_ITO[0]}, "text": [number(v) for v in values],
           "textposition": "auto", "name": axis_title}
    if horizontal:
        bar.update(orientation="h", y=labels, x=values, hovertemplate="%{y}: %{x}<extra></extra>")
        axes = {"xaxis": {"title": {"text": axis_title}, "fixedrange": True, "automargin": True},
                "yaxis": {"autorange": "reversed", "automargin": True, "fixedrange": True}}
        height = _height(len(labels))
    else:
        bar.update(x=labels, y=values, hovertemplate="%{x}: %{y}<extra></extra>")
        axes = {"yaxis": {"title": {"text": axis_title}, "fixedrange": True, "automargin": True},
                "xaxis": {"type": "category", "fixedrange": True, "automargin": True}}
        height = 320
    return {"data": [bar], "layout": _layout(title, height=height, showlegend=False, **axes)}


def stacked_by_year(years: list[int], series: list[tuple[str, list[int]]], title: str, axis_title: str,
                    styles: list[int] | None = None) -> dict:
    """Vertical bars per year, one stacked series per name; series differ by colour and by fill pattern.
    styles: each series' index in the palette (a series keeps its colour and pattern when others are filtered
    out)."""
    styles = styles or list(range(len(series)))
    data = [{"type": "bar", "x": [str(y) for y in years], "y": values, "name": name,
             "marker": {"color": OKABE_ITO[k % len(OKABE_ITO)],
                        "pattern": {"shape": PATTERNS[k % len(PATTERNS)], "fillmode": "overlay",
                                    "fgcolor": "#ffffff", "solidity": 0.3}},
             "hovertemplate": "%{x}: %{y}<extra>" + name + "</extra>"}
            for k, (name, values) in zip(styles, series, strict=True)]
    layout = _layout(title, barmode="stack", height=340, yaxis={"title": {"text": axis_title}, "fixedrange": True, "automargin": True},
                     xaxis={"type": "category", "fixedrange": True, "automargin": True})
    return {"data": data, "layout": layout}


def cumulative_line(years: list[int], reached: list[int], total: int, title: str, axis_title: str,
                    number=thousands, share=None) -> dict:
    """Cumulative chambers reached per year, each point labelled with its count and share of total (written by
    number and share, as coverage_bars' labels)."""
    share = share or percent
    text = [f"{number(r)} / {number(total)} ({share(r, total)})" for r in reached]
    data = [{"type": "scatter", "mode": "lines+markers", "x": [str(y) for y in years], "y": reached,
             "text": text, "line": {"color": OKABE_ITO[0]},
             "marker": {"symbol": "circle", "size": 7}, "name": axis_title,
             "hovertemplate": "%{x}: %{text}<extra></extra>"}]
    layout = _layout(title, height=340, showlegend=False,
                     yaxis={"title": {"text": axis_title}, "range": [0, max(total, 1) * 1.1], "fixedrange": True, "automargin": True},
                     xaxis={"type": "category", "fixedrange": True, "automargin": True})
    return {"data": data, "layout": layout}


def world_map(iso3: list[str], shares: list[float], activities: list[int], hover: list[str], title: str,
              share_title: str, activities_title: str, fit: bool = False) -> dict:
    """A choropleth per country (ISO alpha-3): share of its chambers reached (visible) and number of
    activities (hidden, switched on by the page). Zero is drawn in its own colour so the gaps show. fit: zoom to
    the countries drawn (a region chosen), rather than the world."""
    top = max(activities or [0]) or 1

    def trace(values, zmax, name, visible, ticks):
        return {"type": "choropleth", "locationmode": "ISO-3", "locations": iso3, "z": values, "zmin": 0,
                "zmax": zmax, "text": hover, "hovertemplate": "%{text}<extra></extra>", "name": name,
                "visible": visible, "colorscale": [[0, ZERO], [0.0001, "#deebf7"], [1, "#08306b"]],
                "marker": {"line": {"color": "#ffffff", "width": 0.5}},
                "colorbar": {"title": {"text": name}, "thickness": 12, "len": 0.6, **ticks}}

    data = [trace(shares, 1, share_title, True, {"tickformat": ".0%"}), trace(activities, top, activities_title,
                                                                             False, {})]
    geo = {"projection": {"type": "natural earth"}, "showframe": False, "showcoastlines": False,
           "showcountries": True, "countrycolor": "#ffffff", "showland": True, "landcolor": "#eeeeee",
           "resolution": 50, "fitbounds": "locations" if fit and iso3 else False}
    if not geo["fitbounds"]:
        geo["lataxis"] = {"range": [-58, 85]}
    return {"data": data, "layout": _layout(title, geo=geo, height=480, margin={"l": 0, "r": 0, "t": 0, "b": 0})}


def mirrored(figure: dict) -> dict:
    """The figure for a right-to-left reader: the value axis runs from the right (bars grow leftwards, years go
    right to left), the category axis and the legend sit on the right, labels past a bar's end on its left. A map
    is left as it is: geography has no reading direction."""
    layout = dict(figure.get("layout", {}))
    if "geo" in layout or "xaxis" not in layout:
        return figure
    xaxis = dict(layout["xaxis"])
    if "range" in xaxis:
        xaxis["range"] = list(reversed(xaxis["range"]))
    else:
        xaxis["autorange"] = "reversed"
    layout["xaxis"] = xaxis
    layout["yaxis"] = {**layout.get("yaxis", {}), "side": "right"}
    layout["legend"] = {**layout.get("legend", {}), "x": 1, "xanchor": "right"}
    data = [{**trace, "textposition": "middle left"} if trace.get("textposition") == "middle right" else trace
            for trace in figure.get("data", [])]
    return {**figure, "data": data, "layout": layout}


def to_json(figure: dict) -> str:
    """The figure as JSON safe inside <script type="application/json"> (no closing tags can break out)."""
    return json.dumps(figure, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "&", "\\u0026")
