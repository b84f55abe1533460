"""Capacity aggregates: medians by region and income group, before and after being reached, and small-group
suppression (no median over fewer than five chambers, so no chamber's answers can be inferred)."""

import datetime as dt

import pytest

from parliament_tracker.chambers.models import CountryIncomeGroup
from parliament_tracker.extensions import db
from parliament_tracker.profiles import assessments, queries
from tests import factories as f
from tests.profiles.factories import make_assessment, signed_in

EUROPE = ("FR-LC", "FR-UC", "SE-LC", "FR-A1", "SE-A1")  # high income
CATEGORY = "Parliamentary website"


@pytest.fixture
def world(app):
    chambers = {code: f.make_chamber(code, "upper" if code == "FR-UC" else "lower") for code in EUROPE}
    chambers["KE-LC"], chambers["ML-LC"] = f.make_chamber("KE-LC"), f.make_chamber("ML-LC", "unicameral")
    for code, score in zip(EUROPE, (1, 2, 3, 4, 4), strict=True):
        make_assessment(chambers[code], 2024, "submitted", score=score)
    make_assessment(chambers["KE-LC"], 2024, "submitted", score=2)
    make_assessment(chambers["ML-LC"], 2024, "submitted", score=0)
    make_assessment(chambers["FR-LC"], 2025, "draft", score=0)  # drafts never count
    make_assessment(chambers["SE-LC"], 2025, "returned", score=0)  # nor returned ones
    return chambers


def _medians(by):
    return {(m.group, m.chambers, m.median) for m in queries.category_medians(by) if m.category == CATEGORY}


def test_region_medians_shown_from_five_chambers_withheld_below(world):
    assert _medians("region") == {("Europe", 5, 3.0), ("Africa", 2, None)}


def test_income_group_medians(world):
    assert _medians("income_group") == {("high", 5, 3.0), ("lower_middle", 1, None), ("low", 1, None)}


def test_each_round_uses_the_income_group_of_its_own_year(world):
    """Kenya was low income in FY2023 and has no 2024 entry: its 2023 round counts as low income, its 2024 round
    under today's group (lower middle)."""
    kenya = world["KE-LC"].country
    db.session.add(CountryIncomeGroup(country_id=kenya.id, fiscal_year=2023, income_group="low"))
    make_assessment(world["KE-LC"], 2023, "submitted", score=1)
    db.session.commit()
    found = {(m.year, m.group, m.chambers) for m in queries.category_medians("income_group")
             if m.category == CATEGORY and m.year in (2023, 2024) and m.group in ("low", "lower_middle")}
    assert found == {(2023, "low", 1), (2024, "lower_middle", 1), (2024, "low", 1)}  # ML is low income today


def test_a_chambers_scores_beside_its_groups(world):
    capacity = assessments.capacity_for(world["FR-LC"])
    assert capacity.years == [2024]
    assert capacity.own[(2024, CATEGORY)] == 1.0
    assert (capacity.region[(2024, CATEGORY)], capacity.income[(2024, CATEGORY)]) == (3.0, 3.0)
    kenya = assessments.capacity_for(world["KE-LC"])
    assert kenya.own[(2024, CATEGORY)] == 2.0 and kenya.region[(2024, CATEGORY)] is None


def test_mean_per_category_over_answered_questions(app):
    chamber = f.make_chamber("FR-LC")
    make_assessment(chamber, 2020, "submitted", scores={"website": 4, "oversight": 1, "library": None})
    scores = {s.category: s.score for s in queries.chamber_category_scores(chamber.id)}
    assert scores["Parliamentary website"] == 4.0 and scores["Oversight and management of ICT"] == 1.0
    assert "Library and research services" not in scores


def test_capacity_page_shows_aggregates_only(app, world):
    page = app.test_client().get("/profiles/capacity").get_data(as_text=True)
    assert "3.00" in page and "fewer than 5" in page and "withheld" in page
    assert "KE-LC" not in page and "ML-LC" not in page and "2.00" not in page


def test_own_scores_are_private(app, world):
    anonymous = app.test_client().get("/profiles/KE-LC").get_data(as_text=True)
    assert "ICT capacity (self-assessment)" not in anonymous
    own = signed_in(app, "parliament", world["KE-LC"]).get("/profiles/KE-LC").get_data(as_text=True)
    assert "ICT capacity (self-assessment)" in own and "2.00" in own


def test_before_and_after_first_reach(app):
    chambers = [f.make_chamber(code) for code in EUROPE]
    f.make_activity("Seminar", "awareness", start=dt.date(2015, 3, 1), chambers=chambers)
    f.make_activity("Study", "research", "research", start=dt.date(2015, 3, 1), chambers=chambers[:4])
    f.make_activity("Later seminar", "awareness", start=dt.date(2018, 3, 1), chambers=chambers)  # not the first
    for chamber, before in zip(chambers, (0, 1, 1, 2, 2), strict=True):
        make_assessment(chamber, 2013, "submitted", score=0)  # older; the last one before counts
        make_assessment(chamber, 2014, "submitted", score=before)
        make_assessment(chamber, 2016, "submitted", score=3)
        make_assessment(chamber, 2015, "submitted", score=4)  # the year of the first reach: neither
    rows = {(r.area, r.category): r for r in queries.scores_before_after()}
    awareness = rows[("Awareness and coordination", CATEGORY)]
    assert (awareness.chambers, awareness.before, awareness.after) == (5, 1.0, 3.0)
    research = rows[("Analysis and research services", CATEGORY)]
    assert (research.chambers, research.before, research.after) == (4, None, None)
