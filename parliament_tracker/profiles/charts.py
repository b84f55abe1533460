"""The ICT capacity charts (plotly figures as JSON-ready dicts) from plain rows. Imports nothing from the package.

Scores run from 0 (none) to 4 (advanced) and every axis shows that whole range, so charts compare at a glance.
Series differ by colour (Okabe-Ito), marker symbol and dash, never by colour alone; a withheld median (too few
chambers) is a gap in its line, never a zero; every figure has a table beside it.
"""

from __future__ import annotations

import json

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot")
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13, "color": "#212529"}
SCORE_AXIS = {"range": [-0.1, 4.1], "dtick": 1, "fixedrange": True, "automargin": True}


def _style(i: int) -> dict:
    return {"line": {"color": OKABE_ITO[i % 8], "dash": DASHES[i % 8], "width": 2},
            "marker": {"color": OKABE_ITO[i % 8], "symbol": SYMBOLS[i % 8], "size": 8}}


def _layout(title: str, height: int, **extra) -> dict:
    layout = {"meta": {"title": title}, "font": FONT, "height": height, "paper_bgcolor": "#ffffff",
              "plot_bgcolor": "#ffffff", "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
              "legend": {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"}, "hoverlabel": {"namelength": -1}}
    layout.update(extra)
    return layout


def median_lines(years: list[int], series: list[tuple[str, list[float | None]]], title: str,
                 axis_title: str) -> dict:
    """One line per group (region or income group) across the survey rounds: its median score each round, a gap
    where the median is withheld."""
    data = [{"type": "scatter", "mode": "lines+markers", "name": name, "x": [str(y) for y in years], "y": values,
             "connectgaps": False, "hovertemplate": "%{x}: %{y:.2f}<extra>" + name + "</extra>", **_style(i)}
            for i, (name, values) in enumerate(series)]
    return {"data": data, "layout": _layout(title, 300, yaxis={"title": {"text": axis_title}, **SCORE_AXIS},
                                            xaxis={"type": "category", "fixedrange": True, "automargin": True})}


def slope(lines: list[tuple[str, float, float]], title: str, before: str, after: str, axis_title: str) -> dict:
    """A slope chart: one line per category from its median before to its median after, labelled at both ends."""
    data = [{"type": "scatter", "mode": "lines+markers+text", "name": name, "x": [before, after], "y": [b, a],
             "text": [f"{b:.2f}", f"{a:.2f}"], "textposition": ["middle left", "middle right"],
             "hovertemplate": "%{x}: %{y:.2f}<extra>" + name + "</extra>", "cliponaxis": False, **_style(i)}
            for i, (name, b, a) in enumerate(lines)]
    return {"data": data, "layout": _layout(title, 340, yaxis={"title": {"text": axis_title}, **SCORE_AXIS},
                                            xaxis={"type": "category", "fixedrange": True, "automargin": True,
                                                   "range": [-0.4, 1.4]})}


def wrap(text: str, width: int = 20) -> str:
    """A long axis label over several lines (<br>), so that a phone's narrow chart keeps room for the bars."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def against_medians(categories: list[str], series: list[tuple[str, list[float | None]]], title: str,
                    axis_title: str) -> dict:
    """Grouped horizontal bars per category: the chamber's own score beside its region's (and income group's)
    median; a withheld median is an absent bar."""
    patterns = ("", "/", ".")
    labels = [wrap(c) for c in categories]
    data = [{"type": "bar", "orientation": "h", "name": name, "y": labels, "x": values,
             "text": ["" if v is None else f"{v:.2f}" for v in values], "textposition": "outside",
             "cliponaxis": False, "marker": {"color": OKABE_ITO[i % 8], "pattern": {
                 "shape": patterns[i % 3], "fillmode": "overlay", "fgcolor": "#ffffff", "solidity": 0.3}},
             "hovertemplate": "%{y}: %{x:.2f}<extra>" + name + "</extra>"}
            for i, (name, values) in enumerate(series)]
    height = max(260, 80 + 26 * len(categories) * max(1, len(series)))
    return {"data": data, "layout": _layout(title, height, barmode="group", margin={"l": 10, "r": 30, "t": 10, "b": 10},
                                            xaxis={"title": {"text": axis_title}, **SCORE_AXIS, "range": [0, 4.6]},
                                            yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True})}


def to_json(figure: dict) -> str:
    """The figure as JSON safe inside <script type="application/json"> (no closing tags can break out)."""
    return json.dumps(figure, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "&", "\\u0026")
