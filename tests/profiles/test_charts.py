"""The capacity charts and panels on plain rows, without a database."""

from parliament_tracker.profiles import charts
from parliament_tracker.profiles.capacity import median_charts, slope_charts
from parliament_tracker.profiles.queries import BeforeAfter, GroupMedian


def test_median_lines_keep_withheld_rounds_as_gaps_and_differ_by_more_than_colour():
    fig = charts.median_lines([2008, 2010], [("Africa", [1.5, None]), ("Europe", [3.0, 3.5])], "t", "Median")
    africa, europe = fig["data"]
    assert africa["y"] == [1.5, None] and africa["connectgaps"] is False
    assert africa["marker"]["symbol"] != europe["marker"]["symbol"] and africa["line"]["dash"] != europe["line"]["dash"]
    assert fig["layout"]["yaxis"]["range"] == [-0.1, 4.1]


def test_median_charts_one_per_category_income_groups_low_to_high(app):
    rows = [GroupMedian(2010, "high", "Website", 6, 3.0), GroupMedian(2010, "low", "Website", 5, 1.0),
            GroupMedian(2012, "low", "Website", 2, None), GroupMedian(2010, "low", "Library", 5, 2.0)]
    with app.test_request_context("/"):
        found = median_charts(rows, "income_group", 5)
    assert [c.title for c in found] == ["Website: median score by income group", "Library: median score by income group"]
    website = found[0]
    assert website.header == ["Survey round", "Low income", "High income"]
    assert website.rows == [[2010, "1.00 (5)", "3.00 (6)"], [2012, "withheld (fewer than 5)", "–"]]
    assert [t["y"] for t in website.figure["data"]] == [[1.0, None], [3.0, None]]


def test_slope_charts_per_category_leave_withheld_areas_out_of_the_drawing(app):
    rows = [BeforeAfter("Advocacy", "Website", 6, 1.5, 2.5), BeforeAfter("Research", "Website", 3, None, None)]
    with app.test_request_context("/"):
        (chart,) = slope_charts(rows, 5, ["Website"])
    assert [t["name"] for t in chart.figure["data"]] == ["Advocacy"]
    assert chart.figure["data"][0]["y"] == [1.5, 2.5] and chart.figure["data"][0]["text"] == ["1.50", "2.50"]
    assert chart.rows[1] == ["Research", "3", "withheld (fewer than 5)", "–"]  # (the count in the locale's digits)


def test_own_scores_against_medians_are_grouped_bars():
    fig = charts.against_medians(["Website"], [("This chamber", [2.0]), ("Region median", [None])], "t", "Score")
    own, region = fig["data"]
    assert own["x"] == [2.0] and own["text"] == ["2.00"] and region["text"] == [""]
    assert fig["layout"]["barmode"] == "group"


def test_long_category_labels_wrap():
    assert charts.wrap("Infrastructure, services, applications and training") == \
        "Infrastructure,<br>services,<br>applications and<br>training"
    assert charts.wrap("Website") == "Website"
