"""Every coverage number on small hand-made data sets whose answers are worked out by hand."""

import datetime as dt

import pytest

from parliament_tracker.dashboards import breakdowns as b
from parliament_tracker.dashboards import queries as q
from parliament_tracker.dashboards.scope import CoverageFilters as F
from parliament_tracker.extensions import db
from tests.factories import make_activity, make_chamber, make_country, make_donor


@pytest.fixture
def world(app):
    """Six chambers in five countries; France bicameral; Mali's chamber dissolved at the end of 2012.

    2010 workshop (awareness): FR-LC, KE-LC beneficiaries, 10 participants each, 4 women; funded by EC.
    2011 study (research): FR-LC beneficiary (5, 2 women); SE-LC supplies experts.
    2012 conference (advocacy): ML-LC beneficiary (3, women unknown); deleted: BR-LC (awareness, 2012).
    2014 workshop (awareness): BR-LC beneficiary, 8 participants, 8 women, funded by UNDP.
    """
    make_country("SE", groups=("twelve_plus",))
    make_country("KE", groups=("african",))
    make_country("ML", groups=("african", "arab"))
    fr_lc = make_chamber("FR-LC", "lower")
    make_chamber("FR-UC", "upper")
    ke, se = make_chamber("KE-LC", "unicameral"), make_chamber("SE-LC", "unicameral")
    ml = make_chamber("ML-LC", "unicameral", status="dissolved", established=dt.date(1992, 1, 1),
                      ended=dt.date(2012, 12, 31))
    br = make_chamber("BR-LC", "lower", established=dt.date(2013, 6, 1))
    ec, undp = make_donor("European Commission"), make_donor("UNDP")
    make_activity("W2010", "awareness", start=dt.date(2010, 1, 1), chambers=[fr_lc, ke], donors=[ec],
                  participants=10, women=4)
    make_activity("R2011", "research", "research", start=dt.date(2011, 6, 1), chambers=[fr_lc], participants=5,
                  women=2)
    make_activity("E2011", "research", "mission", start=dt.date(2011, 7, 1), chambers=[se], role="expert")
    conf = make_activity("C2012", "advocacy", "conference", start=dt.date(2012, 12, 31), chambers=[ml],
                         participants=3)
    conf.participations[0].women = None
    db.session.commit()
    make_activity("Deleted", "awareness", start=dt.date(2012, 3, 1), chambers=[br], deleted=True, participants=50,
                  women=50)
    make_activity("W2014", "awareness", start=dt.date(2014, 2, 2), chambers=[br], donors=[undp], participants=8,
                  women=8)
    return {"ec": ec.id, "undp": undp.id}


def test_headline_counts_a_chamber_once_and_the_deleted_activity_nowhere(world):
    h = q.headline(F())
    # every chamber ever in the registry is in scope without a period
    assert (h.chambers_total, h.chambers_reached) == (6, 4)  # FR-LC, KE-LC, ML-LC, BR-LC; not FR-UC, not SE (expert)
    assert (h.countries_total, h.countries_reached) == (5, 4)
    assert h.activities == 5  # four beneficiary activities and the expert mission; the deleted one is out
    assert (h.participants, h.women) == (10 + 10 + 5 + 3 + 8, 4 + 4 + 2 + 8)
    assert h.participants_with_sex == 33  # ML's 3 have no sex breakdown
    assert h.share == pytest.approx(4 / 6)
    assert h.women_share == pytest.approx(18 / 33)


def test_period_bounds_are_inclusive_and_a_dissolved_chamber_counts_while_it_existed(world):
    h = q.headline(F(year_from=2012, year_to=2012))
    # BR-LC established 2013 is not in scope; ML-LC (ended 31 Dec 2012) is, and its 31 Dec conference counts
    assert (h.chambers_total, h.chambers_reached, h.activities) == (5, 1, 1)
    later = q.headline(F(year_from=2013, year_to=2014))
    assert (later.chambers_total, later.chambers_reached) == (5, 1)  # ML gone, BR in
    early = q.headline(F(year_from=2010, year_to=2010))
    assert (early.chambers_total, early.chambers_reached, early.activities) == (5, 2, 1)  # 1 Jan counts


def test_expert_supply_is_not_reach(world):
    h = q.headline(F(year_from=2011, year_to=2011))
    assert h.chambers_reached == 1  # FR-LC only
    assert q.expert_supply(F(year_from=2011, year_to=2011)) == (1, 1)
    assert q.expert_supply(F(year_from=2012)) == (0, 0)


def test_donor_lens_counts_only_funded_activities(world):
    h = q.headline(F(donor_id=world["ec"]))
    assert (h.chambers_reached, h.activities, h.participants, h.women) == (2, 1, 20, 8)
    assert h.chambers_total == 6  # the denominator stays the registry's chambers
    assert q.headline(F(donor_id=world["undp"])).chambers_reached == 1


def test_filters_combine(world):
    assert q.headline(F(area="awareness", year_to=2012)).chambers_reached == 2
    assert q.headline(F(area="awareness", region="Africa")).chambers_reached == 1  # KE
    h = q.headline(F(region="Africa", income_group="low"))
    assert (h.chambers_total, h.chambers_reached, h.activities) == (1, 1, 1)  # ML only
    assert q.headline(F(activity_type="workshop", year_from=2011)).chambers_reached == 1  # BR 2014
    assert q.headline(F(area="research", donor_id=world["ec"])).chambers_reached == 0


def test_confirmed_only_counts_confirmed_participations(world):
    assert q.headline(F(confirmed_only=True)).chambers_reached == 0
    from parliament_tracker.activities.models import Participation
    db.session.scalars(db.select(Participation).where(Participation.role == "beneficiary")).first().status = "confirmed"
    db.session.commit()
    h = q.headline(F(confirmed_only=True))
    assert (h.chambers_reached, h.activities) == (1, 1)


def test_by_area_breadth_and_matrix(world):
    rows = {r.area: r for r in q.coverage_by_area(F())}
    assert [r.area for r in q.coverage_by_area(F())] == ["research", "advocacy", "awareness", "information"]
    assert (rows["awareness"].chambers_reached, rows["awareness"].activities) == (3, 2)
    assert (rows["research"].chambers_reached, rows["research"].activities) == (1, 2)  # the expert mission counts
    assert rows["information"].chambers_reached == 0
    assert q.breadth(F()) == {0: 2, 1: 3, 2: 1, 3: 0, 4: 0}  # FR-LC in awareness and research
    matrix = {r["code"]: r for r in q.chamber_area_matrix(F())}
    assert (matrix["FR-LC"]["awareness"], matrix["FR-LC"]["research"], matrix["FR-LC"]["breadth"]) == (1, 1, 2)
    assert matrix["SE-LC"]["total"] == 0 and matrix["FR-UC"]["total"] == 0
    assert len(matrix) == 6


def test_country_rows_and_gaps(world):
    countries = {r["iso3"]: r for r in q.coverage_by_country(F())}
    assert (countries["FRA"]["chambers_total"], countries["FRA"]["chambers_reached"],
            countries["FRA"]["activities"]) == (2, 1, 2)
    assert countries["SWE"]["chambers_reached"] == 0
    assert [g["code"] for g in q.chambers_never_reached(F())] == ["FR-UC", "SE-LC"]  # Europe: France, then Sweden
    assert {g["code"] for g in q.chambers_never_reached(F(area="research"))} == {"FR-UC", "KE-LC", "ML-LC",
                                                                                 "SE-LC", "BR-LC"}


def test_divide_lens_each_group_with_its_denominator(world):
    regions = {r.group: (r.chambers_total, r.chambers_reached) for r in b.coverage_by_region(F())}
    assert regions == {"Africa": (2, 2), "Americas": (1, 1), "Europe": (3, 1)}
    income = {r.group: (r.chambers_total, r.chambers_reached) for r in b.coverage_by_income_group(F())}
    assert income == {"high": (3, 1), "low": (1, 1), "lower_middle": (1, 1), "upper_middle": (1, 1)}
    groups = {r.group: (r.chambers_total, r.chambers_reached) for r in b.coverage_by_geopolitical_group(F())}
    assert groups == {"African": (2, 2), "Arab": (1, 1), "Twelve_Plus": (1, 0)}
    sub = {(r.parent, r.group): r.chambers_total for r in b.coverage_by_subregion(F())}
    assert sub[("Europe", "Western Europe")] == 2
    assert [(r["code"], r["reached"]) for r in b.bicameral_one_chamber_reached(F())] == [
        ("FR-LC", True), ("FR-UC", False)]


def test_trends(world):
    assert b.activities_by_year_and_area(F()) == [(2010, "awareness", 1), (2011, "research", 2),
                                                  (2012, "advocacy", 1), (2014, "awareness", 1)]
    assert b.first_reached_by_year(F()) == {2010: 2, 2012: 1, 2014: 1}
    # FR-LC was first reached in 2010, so within 2011-2014 it is not "first reached" in 2011
    assert b.first_reached_by_year(F(year_from=2011)) == {2012: 1, 2014: 1}
    assert b.newly_reached_in_period(F(year_from=2011)) == {2011: 1, 2012: 1, 2014: 1}
    assert q.activity_years() == (2010, 2014)


def test_narrowed_counts_take_only_activities_that_reached_a_counted_chamber(world):
    rows = {r.area: (r.chambers_reached, r.activities) for r in q.coverage_by_area(F(region="Africa"))}
    assert rows == {"research": (0, 0), "advocacy": (1, 1), "awareness": (1, 1), "information": (0, 0)}
    assert b.activities_by_year_and_area(F(region="Africa")) == [(2010, "awareness", 1), (2012, "advocacy", 1)]
    assert q.headline(F(region="Europe")).activities == 2  # W2010 and R2011 reached FR-LC; E2011 is expert only


@pytest.mark.parametrize("filters", [F(), F(year_from=2011), F(2011, 2013), F(area="awareness"), F(region="Africa"),
                                     F(year_from=2012, region="Europe"), F(confirmed_only=True),
                                     F(activity_type="workshop")])
def test_the_report_read_from_its_temporary_summary_equals_the_direct_queries(world, filters, monkeypatch):
    from contextlib import nullcontext

    from parliament_tracker.dashboards import report, summary
    summarised = report.coverage_report.uncached(filters)
    assert summary._tables.get() is None  # the block closed; its temporary tables are dropped
    monkeypatch.setattr(report, "summarised", lambda *fs: nullcontext())
    assert report.coverage_report.uncached(filters) == summarised
    report.coverage_report.uncached(filters)  # a second report in the same transaction creates fresh tables


def test_a_statement_is_built_once_per_filter_shape_and_run_with_each_filter_sets_values(world):
    """The statements depend on which filters are set, never on their values (those are bind parameters), so one
    statement object serves every filter set of a shape, and each still gets its own numbers."""
    from parliament_tracker.dashboards.summary import activity_counts, chamber_area_pairs

    ec = F(year_from=2010, year_to=2011, area="awareness", donor_id=world["ec"])
    undp = F(year_from=2014, year_to=2014, area="awareness", donor_id=world["undp"])
    assert ec.shape() == undp.shape() != F(year_from=2010, area="awareness").shape()
    assert (q._headline(ec, chamber_area_pairs(ec), activity_counts(ec))
            is q._headline(undp, chamber_area_pairs(undp), activity_counts(undp)))
    assert [q.headline(f).chambers_reached for f in (ec, undp, ec)] == [2, 1, 2]  # FR-LC and KE-LC; BR-LC
    assert [q.headline(F(area=area)).participants for area in ("awareness", "research", "advocacy")] == [28, 5, 3]
