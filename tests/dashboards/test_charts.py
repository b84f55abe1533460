"""The chart builders on plain rows, without a database or an app."""

import json

from parliament_tracker.dashboards import charts


def test_coverage_bars_label_every_bar_and_differ_by_pattern_not_only_colour():
    fig = charts.coverage_bars(["Africa", "Europe"], [3, 0], [4, 2], "t", "Reached", "Not reached", "Chambers")
    reached, rest = fig["data"]
    assert reached["x"] == [3, 0] and rest["x"] == [1, 2]
    assert reached["text"] == ["3 / 4 (75%)", "0 / 2 (0%)"]
    assert rest["marker"]["pattern"]["shape"] and not reached["marker"].get("pattern")
    assert {reached["marker"]["color"], rest["marker"]["color"]} <= set(charts.OKABE_ITO)


def test_world_map_draws_zero_in_its_own_colour_and_keeps_the_geometry_local():
    fig = charts.world_map(["FRA", "KEN"], [0.5, 0.0], [2, 0], ["France", "Kenya"], "t", "Share", "Activities")
    share, activities = fig["data"]
    assert share["locations"] == ["FRA", "KEN"] and share["z"] == [0.5, 0.0] and share["visible"] is True
    assert activities["z"] == [2, 0] and activities["visible"] is False
    assert share["colorscale"][0] == [0, charts.ZERO] and share["colorscale"][1][1] != charts.ZERO
    assert fig["layout"]["geo"]["fitbounds"] is False and fig["layout"]["geo"]["resolution"] == 50


def test_stacked_series_differ_by_pattern_and_colour():
    fig = charts.stacked_by_year([2010, 2011], [("A", [1, 2]), ("B", [0, 3])], "t", "Activities")
    assert [t["x"] for t in fig["data"]] == [["2010", "2011"]] * 2
    patterns = [t["marker"]["pattern"]["shape"] for t in fig["data"]]
    assert len(set(patterns)) == 2


def test_counts_and_cumulative():
    assert charts.count_bars(["a"], [5], "t", "n")["data"][0]["text"] == ["5"]
    line = charts.cumulative_line([2010, 2011], [1, 3], 4, "t", "n")
    assert line["data"][0]["y"] == [1, 3] and line["data"][0]["text"][-1] == "3 / 4 (75%)"
    assert charts.percent(1, 0) == "–"


def test_json_cannot_close_the_script_element():
    text = charts.to_json({"data": [{"name": "</script><b>&"}]})
    assert "</" not in text and "&" not in text
    assert json.loads(text)["data"][0]["name"] == "</script><b>&"
