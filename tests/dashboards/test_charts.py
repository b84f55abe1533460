"""The chart builders on plain rows, without a database or an app."""

import json

from parliament_tracker.dashboards import charts


def test_coverage_bars_label_every_bar_beside_it_and_not_reached_is_a_grey_no_series_uses():
    fig = charts.coverage_bars(["Africa", "Europe"], [3, 0], [4, 2], "t", "Reached", "Not reached", "Chambers")
    reached, rest, labels = fig["data"]
    assert reached["x"] == [3, 0] and rest["x"] == [1, 2]
    # the count and share sit past the bar's end at a fixed size: a small group's as legible as a large one's
    assert labels["text"] == ["3 / 4 (75%)", "0 / 2 (0%)"] and labels["x"] == [4, 2]
    assert labels["mode"] == "text" and labels["textfont"]["size"] >= charts.MIN_TEXT
    assert fig["layout"]["xaxis"]["range"][1] > 4  # room for the labels
    assert rest["marker"]["color"] == charts.NOT_REACHED and charts.NOT_REACHED not in charts.OKABE_ITO
    assert reached["marker"]["color"] in charts.OKABE_ITO
    assert fig["layout"]["uniformtext"]["minsize"] >= 11


def test_no_series_looks_like_not_reached_and_each_keeps_its_own_style():
    series = [(f"s{i}", [i]) for i in range(4)]
    fig = charts.stacked_by_year([2010], series, "t", "Activities")
    styles = {(t["marker"]["color"], t["marker"]["pattern"]["shape"]) for t in fig["data"]}
    assert len(styles) == 4 and all(color != charts.NOT_REACHED for color, _ in styles)
    alone = charts.stacked_by_year([2010], [("s2", [1])], "t", "Activities", styles=[2])
    assert alone["data"][0]["marker"]["color"] == fig["data"][2]["marker"]["color"]  # filtered, same colour


def test_numbers_in_the_labels_have_thousands_separators():
    assert charts.count_bars(["a"], [11203], "t", "n")["data"][0]["text"] == ["11,203"]
    fig = charts.coverage_bars(["World"], [1203], [11203], "t", "R", "N", "C")
    assert fig["data"][2]["text"] == ["1,203 / 11,203 (11%)"]


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
