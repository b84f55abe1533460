"""Reading cells: the date and count formats staff spreadsheets use, and clear refusals for the rest."""

import datetime as dt

import pytest

from parliament_tracker.activities.import_rows import RowError, parse_count, parse_date


@pytest.mark.parametrize("text, expected", [
    ("2012-03-05", dt.date(2012, 3, 5)),
    ("2012-03-05 00:00:00", dt.date(2012, 3, 5)),
    ("2012-03-05T10:30", dt.date(2012, 3, 5)),
    ("05/03/2012", dt.date(2012, 3, 5)),
    ("5.3.2012", dt.date(2012, 3, 5)),
    ("5 March 2012", dt.date(2012, 3, 5)),
    ("March 5, 2012", dt.date(2012, 3, 5)),
    ("40973", dt.date(2012, 3, 5)),
    ("", None),
])
def test_dates(text, expected):
    assert parse_date(text, "start_date") == expected


@pytest.mark.parametrize("text", ["2012-02-30", "next week", "12", "13/13/2012", "=TODAY()"])
def test_bad_dates_are_refused_with_the_column_name(text):
    with pytest.raises(RowError, match="start_date"):
        parse_date(text, "start_date")


@pytest.mark.parametrize("text, expected", [("4", 4), ("4.0", 4), ("", None), (" 12 ", 12)])
def test_counts(text, expected):
    assert parse_count(text, "women") == expected


@pytest.mark.parametrize("text", ["-1", "2.5", "four", "1e3", "9999999"])
def test_bad_counts(text):
    with pytest.raises(RowError, match="women"):
        parse_count(text, "women")
