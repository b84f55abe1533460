"""The words that say what a page counts: the headline for filter sets, the period, numbers, the chips."""

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from parliament_tracker.dashboards import words
from tests.factories import make_activity, make_chamber, make_donor

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def africa(app):
    """Mali (low), Kenya (lower-middle) in Africa; France, Sweden (high) in Europe; Brazil (upper-middle)."""
    ml, ke, fr = make_chamber("ML-LC"), make_chamber("KE-LC"), make_chamber("FR-LC")
    make_chamber("SE-LC", "unicameral"), make_chamber("BR-LC"), make_chamber("FR-UC", "upper")
    ec = make_donor("European Commission")
    make_donor("Never funded anything")
    make_activity("Conference", "advocacy", "conference", start=dt.date(2011, 3, 1), chambers=[ml, fr], donors=[ec])
    make_activity("Workshop", "awareness", start=dt.date(2008, 3, 1), chambers=[ke, ml])
    make_activity("Old study", "research", "research", start=dt.date(2005, 6, 1), chambers=[fr])
    return {"ec": ec}


def _headline(client, url):
    html = client.get(url).get_data(as_text=True)
    return re.sub(r"\s+", " ", re.search(r"data-headline>(.*?)</(?:p|h2)>", html, re.S).group(1)).strip()


def test_period_defaults_to_the_whole_recorded_history():
    assert words.period_of(None, None, 2005, TODAY) == words.Period(2005, 2026, True)
    assert words.period_of(2010, None, 2005, TODAY) == words.Period(2010, 2026, False)
    assert words.period_of(None, 2012, 2005, TODAY) == words.Period(2005, 2012, False)
    assert words.period_of(None, 2003, 2005, TODAY) == words.Period(2003, 2003, False)
    assert words.period_of(None, None, None, TODAY) == words.Period(2026, 2026, True)


def test_numbers_and_shares_in_the_locale(app):
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert words.number(11203) == "11,203" and words.number(7) == "7" and words.number(None) == ""
        assert words.percent(8 / 23) == "35%" and words.percent(None) == "–" and words.percent(1) == "100%"
        assert words.headline_text(8, 23, 8 / 23, ["Advocacy", "Africa", "Low income"], words.Period(2010, 2015,
                                   False)) == "8 of 23 chambers (35%) · Advocacy · Africa · Low income · 2010–2015"


def test_headline_without_filters_names_the_whole_recorded_history(client, africa):
    year = dt.date.today().year
    assert _headline(client, "/") == f"3 of 6 chambers (50%) · 2005–{year} (the whole recorded history)"


@pytest.mark.parametrize(("query", "expected"), [
    ("from=2010&to=2015", "2 of 6 chambers (33%) · 2010–2015"),
    ("area=advocacy&region=Africa&income_group=low&from=2010&to=2015",
     "1 of 1 chambers (100%) · Advocacy · Africa · Low income · 2010–2015"),
    ("region=Africa&from=2008&to=2008", "2 of 2 chambers (100%) · Africa · 2008"),
    ("income_group=high&to=2006", "1 of 3 chambers (33%) · High income · 2005–2006"),
    ("type=conference&confirmed=y&from=2011&to=2011",
     "0 of 6 chambers (0%) · Conference or meeting · confirmed participations only · 2011"),
])
def test_headline_restates_each_filter_set(client, africa, query, expected):
    assert _headline(client, "/?" + query) == expected


def test_headline_names_the_donor_and_its_lens_is_titled_with_it(client, africa, login_as):
    year = dt.date.today().year
    assert _headline(client, f"/?donor={africa['ec'].id}&from=2010") == \
        f"2 of 6 chambers (33%) · European Commission · 2010–{year}"
    login_as("donor", donor=africa["ec"])
    html = client.get("/").get_data(as_text=True)
    assert "Funded by European Commission" in html
    assert f'/coverage/funded?donor={africa["ec"].id}' in html
    assert client.get(f"/coverage/funded?donor={africa['ec'].id}").status_code == 200


def test_the_donor_filter_names_only_donors_that_funded_something(client, africa):
    html = client.get("/").get_data(as_text=True)
    assert ">European Commission</option>" in html and "Never funded anything" not in html


def test_a_donors_activity_list_names_the_chambers_reached(client, africa):
    html = client.get(f"/coverage/funded?donor={africa['ec'].id}").get_data(as_text=True)
    assert "Funded by European Commission" in html
    assert '<span data-proper-name>Conference' in html and '<span data-proper-name>Workshop' not in html
    assert '/profiles/FR-LC">FR-LC</a>' in html and '/profiles/ML-LC">ML-LC</a>' in html
    assert client.get("/coverage/funded").status_code == 400


def test_a_reached_chamber_now_suspended_is_marked_in_the_donors_list(client, africa):
    from parliament_tracker.chambers.models import Chamber
    from parliament_tracker.extensions import db

    db.session.scalar(db.select(Chamber).where(Chamber.code == "ML-LC")).status = "suspended"
    db.session.commit()
    html = client.get(f"/coverage/funded?donor={africa['ec'].id}").get_data(as_text=True)
    assert re.search(r'/profiles/ML-LC">ML-LC</a> <span class="badge badge-status-suspended">Suspended</span>', html)
    assert '/profiles/FR-LC">FR-LC</a>, ' in html  # an active chamber carries no badge


def test_chips_show_each_active_filter_and_remove_only_it(client, africa):
    html = client.get("/?from=2010&area=advocacy&region=Africa").get_data(as_text=True)
    chips = re.findall(r'class="badge rounded-pill[^"]*chip"\s+href="([^"]*)">([^<]*)<', html)
    assert [(href, text.strip()) for href, text in chips] == [
        ("/?area=advocacy&amp;region=Africa", "From year 2010"), ("/?from=2010&amp;region=Africa", "Advocacy"),
        ("/?from=2010&amp;area=advocacy", "Africa")]
    assert 'data-bs-target="#filters-body"' in html


def test_income_groups_are_ordered_low_to_high(client, africa):
    html = client.get("/").get_data(as_text=True)
    table = html[html.index('id="income-title"'):]
    order = [table.index(f"<th scope=\"row\">{name}</th>") for name in
             ("Low income", "Lower-middle income", "Upper-middle income", "High income")]
    assert order == sorted(order)


def test_areas_outside_the_filter_are_not_drawn(client, africa):
    html = client.get("/?area=advocacy").get_data(as_text=True)
    area = html[html.index('id="area-title"'):html.index('id="breadth-title"')]
    assert "Advocacy" in area and "Awareness and coordination" not in area


def test_gap_list_tells_never_reached_from_not_reached_in_the_period(client, africa):
    html = client.get("/coverage/gaps?area=advocacy&from=2011&to=2011").get_data(as_text=True)
    assert "4 of 6 chambers not reached · Advocacy · 2011" in re.sub(r"\s+", " ", html)
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr>\s*<th scope="row"><a href="/profiles/([A-Z]{2}-[LU]C)".*?</tr>',
                                                          html, re.S)}
    assert set(rows) == {"KE-LC", "SE-LC", "BR-LC", "FR-UC"}
    assert "last reached 2008-03-01" in rows["KE-LC"] and "Kenya" in rows["KE-LC"]
    assert "Lower-middle income" in rows["KE-LC"] and "Africa" in rows["KE-LC"]
    assert "Never reached" in rows["SE-LC"] and "Never reached" in rows["FR-UC"]
    html = client.get("/coverage/gaps?area=research&from=2008&to=2011").get_data(as_text=True)
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr>\s*<th scope="row"><a href="/profiles/([A-Z]{2}-[LU]C)".*?</tr>',
                                                          html, re.S)}
    assert "Advocacy" in rows["FR-LC"] and "Advocacy, Awareness and coordination" in rows["ML-LC"]


def test_dissolved_and_suspended_chambers_are_marked_in_the_gap_list(client, africa):
    make_chamber("NZ-LC", status="suspended")
    html = client.get("/coverage/gaps").get_data(as_text=True)
    assert 'badge-status-suspended">Suspended<' in html


def test_xlsx_equals_its_csv_cell_by_cell_and_says_what_it_counts(client, africa):
    import csv
    for name in ("area", "map", "income", "matrix", "gaps", "activities_by_year"):
        query = "?from=2008&to=2011&region=Africa"
        rows = list(csv.reader(io.StringIO(client.get(f"/coverage/{name}.csv{query}").get_data(as_text=True))))
        response = client.get(f"/coverage/{name}.xlsx{query}")
        assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
        book = load_workbook(io.BytesIO(response.data), read_only=True)
        cells = [["" if c is None else str(c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)]
        assert cells == rows, name
        about = {k: v for k, v in book["About"].iter_rows(values_only=True)}
        assert about["filter: region"] == "Africa" and about["period"] == "2008–2011" and about["title"]
        assert about["source"].startswith("http://localhost/coverage/") and about["date"]
    assert client.get("/coverage/nothing.xlsx").status_code == 404


def test_matrix_is_heat_shaded_paged_and_marks_suspended_chambers(client, africa):
    from parliament_tracker.dashboards import tables
    assert tables.heat([[0, 1], [0, 4], [0, 2], [0, 0]], 1, 2) == [[1], [4], [2], [0]]
    assert tables.page_of(list(range(120)), 3) == (list(range(100, 120)), 3, 3)
    assert tables.page_of(list(range(120)), 99)[1] == 3 and tables.page_of([], None) == ([], 1, 1)
    make_chamber("NZ-LC", status="suspended")
    html = client.get("/coverage/matrix?sort=total&order=desc").get_data(as_text=True)
    assert 'class="table table-sm table-hover matrix-table"' in html and "heat-4" in html and "heat-0" in html
    assert 'badge-status-suspended">Suspended<' in html
    assert html.index('/profiles/FR-LC">FR-LC<') < html.index('/profiles/SE-LC">SE-LC<')
    assert client.get("/coverage/matrix?page=abc").status_code == 200  # an unreadable page is the first
    assert client.get("/coverage/matrix?page=-4").status_code == 200


def test_a_donor_that_funded_nothing_yet_is_told_so(client, africa, login_as):
    from sqlalchemy import select

    from parliament_tracker.extensions import db
    from parliament_tracker.organisations.models import Organisation
    login_as("donor", donor=db.session.scalar(select(Organisation).where(Organisation.name == "Never funded anything")))
    html = client.get("/").get_data(as_text=True)
    assert "Funded by Never funded anything" in html and "No activity funded by" in html
