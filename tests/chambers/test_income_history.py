"""The income-group history: loaded from a CSV as a whole or not at all, used per period by the dashboards (the
period's last fiscal year), today's group standing in for a missing year, and the pages saying which was used."""

import datetime as dt
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from parliament_tracker.chambers.income_history import HISTORY_FILE
from parliament_tracker.chambers.models import CountryIncomeGroup
from parliament_tracker.dashboards import breakdowns, queries
from parliament_tracker.dashboards.filters import CoverageFilters
from parliament_tracker.extensions import db
from tests.factories import make_activity, make_chamber


def _write(tmp_path, text):
    path = tmp_path / "history.csv"
    path.write_text("iso2,fiscal_year,income_group\n" + text, encoding="utf-8")
    return path


@pytest.fixture
def world(app, runner, tmp_path):
    """Kenya: low until FY2014, lower-middle from FY2015 (today's, in the factories: lower_middle); Mali: low
    throughout; France high, with no history at all (falls back to today's)."""
    ke, ml = make_chamber("KE-LC"), make_chamber("ML-LC")
    make_chamber("FR-LC")
    make_activity("W", "awareness", start=dt.date(2012, 5, 1), chambers=[ke])
    make_activity("S", "research", "research", start=dt.date(2016, 5, 1), chambers=[ml])
    rows = "".join(f"KE,{y},{'low' if y < 2015 else 'lower_middle'}\nML,{y},low\n" for y in range(2010, 2027))
    result = runner.invoke(args=["registry", "income-groups", str(_write(tmp_path, rows))])
    assert result.exit_code == 0, result.output
    assert "34 rows for 2 countries, FY2010-FY2026" in result.output


def _groups(f):
    return {r.group: (r.chambers_total, r.chambers_reached) for r in breakdowns.coverage_by_income_group(f)}


def test_a_period_uses_the_groups_of_its_last_fiscal_year(world):
    assert _groups(CoverageFilters(year_from=2010, year_to=2013)) == {"low": (2, 1), "high": (1, 0)}
    assert _groups(CoverageFilters(year_from=2010, year_to=2016)) == {"low": (1, 1), "lower_middle": (1, 1),
                                                                      "high": (1, 0)}
    # the filter too: in 2012 Kenya was a low-income country
    low_2012 = CoverageFilters(year_to=2013, income_group="low")
    assert queries.headline(low_2012).chambers_total == 2 and queries.headline(low_2012).chambers_reached == 1
    assert queries.headline(CoverageFilters(income_group="low")).chambers_total == 1  # today: Mali alone
    gaps = {r["code"]: r["income_group"] for r in queries.chambers_never_reached(CoverageFilters(year_to=2013))}
    assert gaps == {"ML-LC": "low", "FR-LC": "high"}


def test_a_missing_year_falls_back_to_todays_group_and_says_so(world, client):
    assert queries.income_groups_used(CoverageFilters(year_to=2013)) == {"fiscal_year": 2013, "known": 2,
                                                                         "fallback": 1}
    assert queries.income_groups_used(CoverageFilters(year_to=2005)) == {"fiscal_year": 2005, "known": 0,
                                                                         "fallback": 3}
    # before the history begins Kenya counts with today's group, lower-middle
    assert _groups(CoverageFilters(year_to=2005)) == {"lower_middle": (1, 0), "low": (1, 0), "high": (1, 0)}
    html = re.sub(r"\s+", " ", unescape(client.get("/?to=2013").get_data(as_text=True)))
    assert "Income groups: World Bank FY2013 classification (the period's last year)." in html
    assert "1 country has no FY2013 group recorded: today's (FY2026) is used for it." in html
    html = re.sub(r"\s+", " ", unescape(client.get("/coverage/gaps?to=2005").get_data(as_text=True)))
    assert "today's): no FY2005 groups are recorded." in html


def test_a_bad_file_writes_nothing(world, runner, tmp_path):
    before = db.session.scalar(select(func.count()).select_from(CountryIncomeGroup))
    bad = _write(tmp_path, "KE,2020,low\nZZ,2020,low\nKE,20x0,low\nKE,2021,rich\nKE,2020,high\n")
    result = runner.invoke(args=["registry", "income-groups", str(bad)])
    assert result.exit_code == 1
    for message in ("unknown country 'ZZ'", "fiscal year '20x0'", "unknown income group 'rich'", "given twice"):
        assert message in result.output
    assert db.session.scalar(select(func.count()).select_from(CountryIncomeGroup)) == before
    wrong_header = tmp_path / "wrong.csv"
    wrong_header.write_text("country,year,group\nKE,2020,low\n", encoding="utf-8")
    assert runner.invoke(args=["registry", "income-groups", str(wrong_header)]).exit_code == 1
    assert runner.invoke(args=["registry", "income-groups", str(tmp_path / "missing.csv")]).exit_code == 2


def test_the_shipped_history_matches_the_registrys_fy2026_groups():
    import csv
    countries = {r["iso2"]: r["income_group"] for r in csv.DictReader((HISTORY_FILE.parent / "countries.csv").open())}
    fy2026 = {r["iso2"]: r["income_group"] for r in csv.DictReader(HISTORY_FILE.open()) if r["fiscal_year"] == "2026"}
    assert {k: v for k, v in countries.items() if v} == fy2026
