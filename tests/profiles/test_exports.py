"""The capacity tables, the dispute queue and the feedback summaries as CSV and XLSX: the same cells in both,
staff-only where the page is, an About sheet in the workbook."""

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from tests.factories import make_activity, make_chamber
from tests.profiles.factories import make_assessment, make_feedback, make_report


def _same(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _both(client, base):
    text = client.get(base + ".csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text)))
    response = client.get(base + ".xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    cells = [["" if c is None else c for c in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    # numbers stay numbers in the workbook (4.0 reads back as 4): equal as numbers, everything else as text
    assert [[_same(c) for c in row] for row in cells] == [[_same(c) for c in row] for row in rows]
    return rows, dict(book["About"].iter_rows(values_only=True)), response


def test_capacity_tables_in_both_formats_hold_the_medians_and_withhold_small_groups(client, app):
    chambers = [make_chamber(code) for code in ("FR-LC", "SE-LC", "KE-LC", "ML-LC", "BR-LC", "NZ-LC")]
    for i, chamber in enumerate(chambers):
        make_assessment(chamber, year=2010, status="submitted", score=1 + i % 3)
    rows, about, _ = _both(client, "/profiles/capacity/region")
    assert rows[0] == ["year", "region", "category", "chambers", "median"]
    africa = [r for r in rows[1:] if r[1] == "Africa"]
    assert africa and all(r[3] == "2" and r[4] == "" for r in africa)  # two chambers: withheld
    assert about["period"] == "2010–2010" and about["source"].endswith("/profiles/capacity/region.xlsx")
    rows, _about, _ = _both(client, "/profiles/capacity/income_group")
    assert {r[1] for r in rows[1:]} == {"high", "lower_middle", "low", "upper_middle"}
    assert client.get("/profiles/capacity/nothing.csv").status_code == 404


def test_the_queue_and_the_feedback_download_for_staff_only(client, app, login_as):
    chamber = make_chamber("FR-LC")
    activity = make_activity("Workshop", start=dt.date(2012, 1, 1), chambers=[chamber])
    make_report(chamber, note="=cmd|' /C calc'!A0")
    make_feedback(activity, chamber, usefulness=4, follow_up="More please")
    assert client.get("/profiles/queue/export.csv").status_code == 302
    login_as("staff")
    rows, about, response = _both(client, "/profiles/queue/export")
    assert rows[0] == ["received", "chamber", "kind", "activity", "note"]
    assert rows[1][1:3] == ["FR-LC", "missing"] and rows[1][4].startswith("'=")  # formula neutralised
    assert response.headers["Cache-Control"] == "private"
    rows, _about, _ = _both(client, "/profiles/feedback/export")
    assert ["area", "awareness", "Awareness and coordination", "1", "4.0", "1"] in rows
    assert any(r[0] == "activity" and r[2] == "Workshop" for r in rows)


def test_a_chambers_own_scores_are_charted_against_its_groups_on_its_private_profile(client, app, login_as):
    chamber = make_chamber("FR-LC")
    make_assessment(chamber, year=2012, status="submitted", score=3)
    assert 'id="chart-own-capacity"' not in client.get("/profiles/FR-LC").get_data(as_text=True)
    login_as("staff")
    html = client.get("/profiles/FR-LC").get_data(as_text=True)
    assert 'id="chart-own-capacity"' in html and "Scores in 2012 against the medians" in html
    assert "plotly-coverage.min.js" in html
