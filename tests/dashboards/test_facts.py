"""The stored coverage facts follow every kind of write in the same transaction, and reports read from them equal
reports summed from the participations. (tests/conftest.py also checks the facts after every test.)"""

import datetime as dt
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import String, cast, event, insert, select, text, update

from parliament_tracker.activities.models import Participation
from parliament_tracker.activities.participations import Counts, add_participations, remove_participation
from parliament_tracker.activities.services import (
    ActivityValues,
    create_activity,
    delete_activity,
    restore_activity,
    update_activity,
)
from parliament_tracker.dashboards import facts, report, scope
from parliament_tracker.dashboards import queries as q
from parliament_tracker.dashboards.models import ANY_DONOR, ANY_TYPE, CoverageFact
from parliament_tracker.dashboards.scope import CoverageFilters as F
from parliament_tracker.extensions import db
from parliament_tracker.profiles.disputes import confirm_participation
from tests.factories import make_activity, make_chamber, make_country, make_donor, make_user


def stored() -> dict:
    """{(chamber code, area id, year): (activities, participants, country_first, confirmed_activities)} of the
    slice of any type and any donor"""
    from parliament_tracker.chambers.models import Chamber
    rows = db.session.execute(select(Chamber.code, CoverageFact.area_id, CoverageFact.year, CoverageFact.activities,
                                     CoverageFact.participants, CoverageFact.country_first,
                                     CoverageFact.confirmed_activities).join(Chamber, Chamber.id == CoverageFact.chamber_id)
                              .where(CoverageFact.activity_type == ANY_TYPE, CoverageFact.donor_id == ANY_DONOR))
    return {(code, area, year): tuple(rest) for code, area, year, *rest in rows}


def current() -> bool:
    return facts.differences() == (set(), set())


@pytest.fixture
def chambers(app):
    make_country("KE")
    return {code: make_chamber(code, kind) for code, kind in
            (("FR-LC", "lower"), ("FR-UC", "upper"), ("KE-LC", "unicameral"))}


def values(**changes) -> ActivityValues:
    return replace(ActivityValues("Workshop", "awareness", "workshop", dt.date(2010, 5, 1)), **changes)


def test_each_write_through_the_services_keeps_the_facts_current(chambers):
    fr_lc, fr_uc, ke = chambers["FR-LC"], chambers["FR-UC"], chambers["KE-LC"]
    activity = create_activity(values(), [fr_lc, fr_uc])
    area = activity.area_id
    assert current()
    # both French chambers took part: the country's activity is counted once, by the first of them
    assert stored() == {("FR-LC", area, 2010): (1, None, 1, 0), ("FR-UC", area, 2010): (1, None, 0, 0)}

    add_participations(activity, [ke], Counts(participants=4, women=1))
    assert current() and stored()[("KE-LC", area, 2010)] == (1, 4, 1, 0)

    update_activity(activity, values(start_date=dt.date(2012, 1, 3), area_code="research"),
                    expected_version=activity.version)
    assert current()
    # a new type and donor move its rows to other slices; then the donor is taken off again
    donor = make_donor()
    update_activity(activity, values(start_date=dt.date(2012, 1, 3), area_code="research", activity_type="mission",
                                     donor_ids=[donor.id]), expected_version=activity.version)
    assert current()
    slices = {s for s, in db.session.execute(select(CoverageFact.activity_type + "/" + cast(CoverageFact.donor_id, String)))}
    home = activity.lead_organisation_id  # the lead's own slice, beside every public activity's and the donor's
    assert slices == {"/0", "mission/0", f"/{home}", f"mission/{home}", f"/{donor.id}", f"mission/{donor.id}"}
    update_activity(activity, values(start_date=dt.date(2012, 1, 3), area_code="research"),
                    expected_version=activity.version)
    assert current()
    assert {(code, year) for code, _, year in stored()} == {("FR-LC", 2012), ("FR-UC", 2012), ("KE-LC", 2012)}
    assert all(key[1] != area for key in stored())  # the old cell was emptied

    user = make_user("parliament", chambers=[fr_uc])
    confirm_participation(next(p for p in activity.participations if p.chamber_id == fr_uc.id), user)
    assert current()
    # FR-UC is the only confirmed French chamber, so it is the first of its country among confirmed records
    fr_uc_row = next(v for k, v in stored().items() if k[0] == "FR-UC")
    assert fr_uc_row == (1, None, 0, 1)

    remove_participation(next(p for p in activity.participations if p.chamber_id == fr_lc.id))
    db.session.commit()
    assert current() and {k[0] for k in stored()} == {"FR-UC", "KE-LC"}

    delete_activity(activity)
    assert current() and stored() == {}
    restore_activity(activity)
    assert current() and len(stored()) == 2


def test_bulk_statements_rebuild_the_facts_at_commit(chambers):
    activity = make_activity(chambers=[chambers["KE-LC"]])
    db.session.execute(insert(Participation), [{"activity_id": activity.id, "chamber_id": chambers["FR-LC"].id,
                                                "role": "beneficiary", "status": "claimed", "status_note": ""}])
    db.session.execute(update(Participation).where(Participation.chamber_id == chambers["KE-LC"].id)
                       .values(participants=9))
    db.session.commit()
    assert current()
    assert stored()[("KE-LC", activity.area_id, 2010)][1] == 9
    assert ("FR-LC", activity.area_id, 2010) in stored()


def test_a_rolled_back_write_leaves_the_facts_as_they_were(chambers):
    activity = make_activity(chambers=[chambers["KE-LC"]])
    before = stored()
    activity.participations[0].participants = 7
    db.session.flush()
    assert stored() != before  # refreshed within the transaction, by the flush
    db.session.rollback()
    assert stored() == before and current()


def test_coverage_check_and_rebuild_commands(chambers, runner):
    make_activity(chambers=[chambers["KE-LC"], chambers["FR-LC"]])
    assert runner.invoke(args=["coverage", "check"]).exit_code == 0
    db.session.execute(text("DELETE FROM coverage_facts"))  # a write the application cannot see
    db.session.commit()
    result = runner.invoke(args=["coverage", "check"])
    # two chambers, each in the rows of any type and of the activity's type, for every public activity and for
    # the lead organisation's own
    assert result.exit_code == 1 and "0 rows to remove, 8 to add" in result.output
    result = runner.invoke(args=["coverage", "rebuild"])
    assert result.exit_code == 0 and "8 rows" in result.output
    assert current()


def test_a_country_activity_counts_once_and_a_lone_chamber_in_scope_counts_its_own(chambers):
    fr_lc, fr_uc = chambers["FR-LC"], chambers["FR-UC"]
    make_activity("Both", chambers=[fr_lc, fr_uc], start=dt.date(2010, 1, 1))
    make_activity("Upper only", chambers=[fr_uc], start=dt.date(2010, 2, 1))
    countries = {r["iso3"]: r["activities"] for r in q.coverage_by_country(F())}
    assert countries["FRA"] == 2
    # the lower chamber is dissolved before 2011 and the upper chamber took part in an activity of that year:
    fr_lc.ended = dt.date(2010, 12, 31)
    make_activity("Later, both", chambers=[fr_lc, fr_uc], start=dt.date(2011, 3, 1))  # a record of a gone chamber
    rows = {r["iso3"]: r for r in q.coverage_by_country(F(year_from=2011))}
    assert (rows["FRA"]["chambers_total"], rows["FRA"]["activities"]) == (1, 1)


FILTER_SETS = [F(), F(year_from=2011), F(2011, 2013), F(area="awareness"), F(region="Africa"), F(region="Europe"),
               F(income_group="high"), F(year_from=2012, region="Europe"), F(confirmed_only=True),
               F(2010, 2011, confirmed_only=True, area="awareness"), F(activity_type="workshop"),
               F(area="information", confirmed_only=True), F(donor_id=-1), F(donor_id=-2, year_from=2011),
               F(activity_type="workshop", donor_id=-1), F(activity_type="workshop", region="Europe", confirmed_only=True),
               F(2010, 2012, area="awareness", activity_type="workshop", region="Europe", income_group="high",
                 donor_id=-1, confirmed_only=True), F(activity_type="mission", donor_id=-2, area="information"),
               # the groups of FY2011 and FY2012 differ from today's (see PAST_GROUPS): summary.groups_as_stored
               F(2010, 2012, income_group="high"), F(2010, 2012, income_group="upper_middle", region="Europe"),
               F(2011, 2011, income_group="low", confirmed_only=True), F(2009, 2011, income_group="low", donor_id=-2),
               F(2011, 2011, income_group="lower_middle", activity_type="mission", donor_id=-2),
               F(2010, 2012, income_group="upper_middle", area="information", confirmed_only=True)]
# donor_id -1 and -2 stand for the test's first and second donor
# France upper-middle income in FY2012 (high today), Kenya low in FY2011 (lower-middle today)
PAST_GROUPS = {("FR", 2012): "upper_middle", ("KE", 2011): "low"}


@pytest.mark.parametrize("filters", FILTER_SETS)
def test_reports_from_the_facts_equal_reports_from_the_participations(chambers, filters, monkeypatch):
    fr_lc, fr_uc, ke = chambers["FR-LC"], chambers["FR-UC"], chambers["KE-LC"]
    fr_uc.ended = dt.date(2011, 6, 30)
    one, two = make_donor("One"), make_donor("Two")
    if filters.donor_id:
        filters = replace(filters, donor_id=(one if filters.donor_id == -1 else two).id)
    make_activity("A", chambers=[fr_lc, fr_uc, ke], start=dt.date(2010, 1, 1), participants=3, women=1, donors=[one])
    make_activity("B", "research", "study_visit", chambers=[fr_uc], start=dt.date(2011, 2, 1), participants=2, women=None,
                  donors=[two])
    make_activity("C", chambers=[fr_lc, fr_uc], start=dt.date(2012, 2, 1), donors=[one, two])
    make_activity("D", "advocacy", chambers=[ke], start=dt.date(2013, 2, 1), deleted=True, donors=[one])
    make_activity("E", "information", chambers=[fr_lc], role="expert", start=dt.date(2012, 2, 1))
    make_activity("F", "information", "mission", chambers=[fr_lc, ke], role="expert", start=dt.date(2012, 5, 1),
                  donors=[two])
    make_activity("G", "information", "mission", chambers=[ke, fr_uc], start=dt.date(2011, 5, 1), donors=[two])
    db.session.execute(update(Participation).where(Participation.chamber_id.in_([fr_uc.id, ke.id]))
                       .values(status="confirmed"))
    db.session.commit()
    add_history(PAST_GROUPS)  # after the activities
    from_facts = report.coverage_report.uncached(filters)
    assert not list(decimals(from_facts))  # PostgreSQL's sum of sums is numeric: JSON would carry strings
    if filters == F():
        assert from_facts["expert_supply"] == {"chambers": 2, "activities": 2}
    with live_statements() as executed, scope.recounting():
        from_participations = report.coverage_report.uncached(filters)
    assert not any("coverage_facts" in sql or "coverage_activity_counts" in sql for sql in executed)
    assert from_participations == from_facts and not list(decimals(from_participations))


def add_history(groups: dict) -> None:
    """Record {(iso2, fiscal year): income group} in the income-group history, through the ORM, and commit."""
    from parliament_tracker.chambers.models import Country, CountryIncomeGroup
    ids = {iso2: id_ for iso2, id_ in db.session.execute(select(Country.iso2, Country.id))}
    db.session.add_all(CountryIncomeGroup(country_id=ids[iso2], fiscal_year=year, income_group=group)
                       for (iso2, year), group in groups.items())
    db.session.commit()


@contextmanager
def live_statements():
    """Within the block, statements are built anew (the facts switched off must not be served by statements
    built while they were on) and the SQL run is collected; after it, those statements are forgotten too."""
    executed = []

    def collect(conn, cursor, statement, parameters, context, executemany):
        executed.append(statement)

    scope.forget_statements()
    event.listen(db.engine, "before_cursor_execute", collect)
    try:
        yield executed
    finally:
        event.remove(db.engine, "before_cursor_execute", collect)
        scope.forget_statements()


def decimals(value):
    """Every Decimal in a report (the queries must hand over plain ints)."""
    if isinstance(value, Decimal):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from decimals(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from decimals(item)


@pytest.fixture
def changing_groups(app):
    """Kenya low in FY2010 and lower-middle from FY2013 (today too), Mali low throughout, Brazil upper-middle;
    activities of 2009, 2010 and 2012 with known answers."""
    from parliament_tracker.chambers.models import CountryIncomeGroup
    ke, ml, br = (make_chamber(code, "unicameral") for code in ("KE-LC", "ML-LC", "BR-LC"))
    history = {ke: {2010: "low", 2013: "lower_middle"}, ml: {2010: "low", 2013: "low"},
               br: {2010: "upper_middle", 2013: "upper_middle"}}
    db.session.add_all(CountryIncomeGroup(country_id=chamber.country_id, fiscal_year=year, income_group=group)
                       for chamber, years in history.items() for year, group in years.items())
    db.session.commit()
    make_activity("A", chambers=[ke, ml], start=dt.date(2009, 3, 1))
    make_activity("B", chambers=[ke, br], start=dt.date(2010, 3, 1))
    make_activity("C", "information", chambers=[ke, ml], role="expert", start=dt.date(2010, 6, 1))
    make_activity("D", chambers=[ml], start=dt.date(2012, 3, 1))
    db.session.execute(update(Participation).values(status="confirmed"))
    db.session.commit()


# (filters, (chambers in scope, reached, activities, expert chambers, expert activities)): the groups are those of
# the period's last fiscal year, so in 2008-2010 Kenya and Mali are one low-income group that A, B and C reached
# once each, and in 2008-2013 Kenya has left it.
INCOME_ANSWERS = [
    (F(2008, 2010, income_group="low"), (2, 2, 2, 2, 1)),
    (F(2008, 2010, income_group="low", confirmed_only=True), (2, 2, 2, 2, 1)),
    (F(2008, 2010, region="Africa", income_group="low"), (2, 2, 2, 2, 1)),
    (F(2008, 2010, income_group="lower_middle"), (0, 0, 0, 0, 0)),
    (F(2008, 2013, income_group="low"), (1, 1, 2, 1, 1)),
    (F(2008, 2013, income_group="lower_middle"), (1, 1, 2, 1, 1)),
    (F(2008, 2013, region="Africa", income_group="lower_middle", confirmed_only=True), (1, 1, 2, 1, 1)),
    (F(income_group="low"), (1, 1, 2, 1, 1)),
    (F(2008, 2010, region="Africa"), (2, 2, 2, 2, 1)),
]


@pytest.mark.parametrize(("filters", "answer"), INCOME_ANSWERS)
def test_income_group_figures_stay_exact_when_a_countrys_group_changes(changing_groups, filters, answer):
    for recount in (False, True):
        with live_statements(), (scope.recounting() if recount else contextmanager(lambda: (yield))()):
            r = report.coverage_report.uncached(filters)
        got = (r["chambers_total"], r["chambers_reached"], r["activities"], r["expert_supply"]["chambers"],
               r["expert_supply"]["activities"])
        assert got == answer, ("recount" if recount else "facts", got)
        # the trend's activities per year add up to the headline's
        assert sum(sum(year["activities"].values()) for year in r["trends"]) == answer[2]


def test_the_income_breakdown_uses_the_periods_last_fiscal_year(changing_groups):
    rows = {g["income_group"]: (g["chambers_total"], g["chambers_reached"])
            for g in report.coverage_report.uncached(F(2008, 2010))["by_income_group"]}
    assert rows == {"low": (2, 2), "upper_middle": (1, 1)}
    rows = {g["income_group"]: (g["chambers_total"], g["chambers_reached"])
            for g in report.coverage_report.uncached(F(2011, 2013))["by_income_group"]}
    assert rows == {"low": (1, 1), "lower_middle": (1, 0), "upper_middle": (1, 0)}


def test_a_change_of_income_groups_after_the_activities_keeps_the_figures_exact(changing_groups):
    from parliament_tracker.chambers.models import Country, CountryIncomeGroup
    low_2010 = F(2008, 2010, income_group="low")
    assert report.coverage_report.uncached(low_2010)["activities"] == 2
    kenya = db.session.scalar(select(Country).where(Country.iso2 == "KE"))
    db.session.get(CountryIncomeGroup, (kenya.id, 2010)).income_group = "lower_middle"  # an ORM update
    db.session.commit()
    assert facts.differences() == (set(), set())
    assert report.coverage_report.uncached(low_2010)["activities"] == 1  # D's year is outside: A alone, through Mali
    db.session.execute(update(CountryIncomeGroup).where(CountryIncomeGroup.country_id == kenya.id)
                       .values(income_group="low"))  # a bulk statement, as `flask registry income-groups`
    db.session.commit()
    assert facts.differences() == (set(), set())
    assert report.coverage_report.uncached(low_2010)["activities"] == 2
    kenya.income_group = "high"  # today's group (an ORM update): the low group of every fiscal year now differs
    db.session.commit()
    assert facts.differences() == (set(), set())
    assert report.coverage_report.uncached(F(2008, 2013, income_group="low"))["activities"] == 3  # A, B, D


def test_the_stored_income_changes_follow_a_country_that_leaves_a_group_and_comes_back(app):
    """Kenya low in FY2010-2012, lower-middle in FY2013-2015, low again in FY2016 (high today); Mali low in
    FY2013-2015 only. An activity of 2009 with Kenya alone reaches the low group of FY2010 and FY2016, not FY2013's;
    with Mali too, every year's. The counts come from coverage_income_changes (+1, -1, +1), and equal the
    recount."""
    from parliament_tracker.chambers.models import Country, CountryIncomeGroup
    from parliament_tracker.dashboards import summary
    from parliament_tracker.dashboards.models import CoverageIncomeChange
    ke, ml = make_chamber("KE-LC", "unicameral"), make_chamber("ML-LC", "unicameral")
    db.session.get(Country, ke.country_id).income_group = "high"  # today's: every fiscal year's low group differs
    db.session.get(Country, ml.country_id).income_group = "upper_middle"
    def years(*runs):  # (group, first fiscal year, last) -> {fiscal year: group}
        return {year: group for group, first, last in runs for year in range(first, last + 1)}

    history = {ke: years(("low", 2010, 2012), ("lower_middle", 2013, 2015), ("low", 2016, 2016)),
               ml: years(("upper_middle", 2010, 2012), ("low", 2013, 2015), ("upper_middle", 2016, 2016))}
    db.session.add_all(CountryIncomeGroup(country_id=chamber.country_id, fiscal_year=year, income_group=group)
                       for chamber, years in history.items() for year, group in years.items())
    db.session.commit()
    make_activity("Kenya alone", chambers=[ke], start=dt.date(2009, 3, 1))
    both = make_activity("Both", chambers=[ke, ml], start=dt.date(2009, 6, 1))

    def low(year: int) -> int:
        f = F(2008, year, income_group="low")
        assert not summary.groups_as_stored(f)
        answers = set()
        for recount in (False, True):
            with scope.recounting() if recount else contextmanager(lambda: (yield))():
                answers.add(report.coverage_report.uncached(f)["activities"])
        assert len(answers) == 1, (year, answers)
        return answers.pop()

    assert [low(year) for year in (2010, 2013, 2016)] == [2, 1, 2]
    steps = set(db.session.execute(
        select(CoverageIncomeChange.fiscal_year, CoverageIncomeChange.activities)
        .where(CoverageIncomeChange.activity_type == ANY_TYPE, CoverageIncomeChange.donor_id == ANY_DONOR,
               CoverageIncomeChange.income_group == "low", CoverageIncomeChange.region == "")).tuples())
    assert steps == {(2010, 2), (2013, -1), (2016, 1)}  # "Both" reaches the low group throughout
    delete_activity(both)
    db.session.commit()
    assert [low(year) for year in (2010, 2013, 2016)] == [1, 0, 1]
    assert current()
