"""The activities that reached an income group as it was in any fiscal year: the stored answer for a period
whose last fiscal year's groups are not today's (models.CoverageIncomeChange; facts.py fills and refreshes it).

The facts' `income_first` columns partition an activity's chambers by TODAY's income group, so their sums count
each activity once only while a group has today's countries. The groups of FY f are another partition for each
f, and a distinct count cannot be summed across partitions; but a country changes group rarely, so the count
changes at a few fiscal years only. Per activity and (income group, region or any):

1. each country's runs: the consecutive recorded fiscal years in which it had one group (its group that year, or
   today's where the history has none, as scope.income_group_then reads it);
2. the activity's countries' runs from its own year on (a period that holds an activity ends in or after its
   year), merged into islands (gaps and islands: a run that starts after every earlier run ended begins one);
   one window over the runs in order finds where each island ends and the next begins;
3. +1 at an island's first fiscal year and -1 after its last (unless that is the last recorded one).

Summed per slice, area and year, those changes are stored where not zero: the activities of FY f are the sum of
the rows with fiscal_year <= f, a few hundred rows whatever the number of participations. Beneficiaries and
experts, all records and confirmed ones, are four columns of one row.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, and_, case, func, literal, or_, select, true, union_all

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.chambers.models import Chamber, Country, CountryIncomeGroup
from parliament_tracker.dashboards.scope import year_of
from parliament_tracker.dashboards.slices import public_flag, sliced

ANY_REGION = ""  # the region of a row that counts the income group in every region
CHANGE_COLUMNS = ("activities", "confirmed_activities", "expert_activities", "confirmed_expert_activities")
_KIND = {("beneficiary", 0): "activities", ("beneficiary", 1): "confirmed_activities",
         ("expert", 0): "expert_activities", ("expert", 1): "confirmed_expert_activities"}
STAGE_COLUMNS = ("activity_id", "income_group", "region", "fiscal_year", *CHANGE_COLUMNS)


def _country_runs():
    """Subquery (country_id, income_group, region, first_year, last_year): every country's runs of recorded fiscal
    years in one income group."""
    history = CountryIncomeGroup.__table__
    recorded = select(history.c.fiscal_year).distinct().subquery("recorded")
    then = history.alias("then")
    group = func.coalesce(then.c.income_group, Country.income_group)
    yearly = (select(Country.id.label("country_id"), recorded.c.fiscal_year, group.label("income_group"),
                     Country.m49_region.label("region"))
              .select_from(Country.__table__.join(recorded, true()))
              .outerjoin(then, and_(then.c.country_id == Country.id, then.c.fiscal_year == recorded.c.fiscal_year))
              .where(group.is_not(None)).subquery("yearly"))
    # consecutive years of one group share (year - its rank among the country's years in that group)
    run = yearly.c.fiscal_year - func.row_number().over(partition_by=(yearly.c.country_id, yearly.c.income_group),
                                                         order_by=yearly.c.fiscal_year)
    ranked = select(yearly, run.label("run")).subquery("ranked")
    return (select(ranked.c.country_id, ranked.c.income_group, ranked.c.region,
                   func.min(ranked.c.fiscal_year).label("first_year"), func.max(ranked.c.fiscal_year).label("last_year"))
            .group_by(ranked.c.country_id, ranked.c.income_group, ranked.c.region, ranked.c.run).subquery("runs"))


def _activity_countries(*conditions):
    """Subquery (activity_id, role, country_id, confirmed, year): the countries whose chambers took part in a live
    activity matching conditions, per role; confirmed 1 when one of its participations there is confirmed."""
    p = Participation
    return (select(p.activity_id, p.role, Chamber.country_id,
                   func.max(case((p.status == "confirmed", 1), else_=0)).label("confirmed"),
                   func.min(year_of(Activity.start_date)).label("year"))
            .join(Activity, Activity.id == p.activity_id).join(Chamber, Chamber.id == p.chamber_id)
            .where(Activity.deleted_at.is_(None), *conditions)
            .group_by(p.activity_id, p.role, Chamber.country_id).subquery("countries"))


def changes_select(*conditions):
    """Select STAGE_COLUMNS: per live activity matching conditions, income group, region (and ANY_REGION) and
    fiscal year, the change in whether it reached the group (+1, -1), as a beneficiary and as an expert, all
    records and confirmed ones. (An island begins at least two years after the one before it ended: a +1 and a
    -1 of one way never meet in one row.)"""
    # spans and edges are common table expressions: each is read by several branches of a UNION, and as
    # subqueries SQLite computed them again in every branch (13 s instead of 6 at today's size)
    runs, countries = _country_runs(), _activity_countries(*conditions)
    start = case((runs.c.first_year > countries.c.year, runs.c.first_year), else_=countries.c.year)
    spans = (select(countries.c.activity_id, countries.c.role, countries.c.confirmed, runs.c.income_group,
                    runs.c.region, start.label("first_year"), runs.c.last_year.label("last_year"))
             .join(runs, runs.c.country_id == countries.c.country_id)
             .where(runs.c.last_year >= countries.c.year).cte("spans"))
    # four ways to count, each its own islands: in the region or any, every record or the confirmed ones
    s = spans.c
    ways = union_all(*(select(s.activity_id, s.role, literal(confirmed, Integer).label("confirmed_only"),
                              s.income_group, (s.region if in_region else literal(ANY_REGION, String)).label("region"),
                              s.first_year, s.last_year).where(*([s.confirmed == 1] if confirmed else []))
                       for in_region in (False, True) for confirmed in (0, 1))).subquery("ways")
    w = ways.c
    key, order = (w.activity_id, w.role, w.confirmed_only, w.income_group, w.region), (w.first_year, w.last_year)
    # one window (one sort): a span ends an island when the next span starts after every span so far ended, or
    # there is none; the next island begins at that next span, the first at the first span
    def over(function):
        return function.over(partition_by=key, order_by=order, rows=(None, 0))

    edges = select(ways, over(func.row_number()).label("position"), over(func.max(w.last_year)).label("ended"),
                   over(func.lead(w.first_year)).label("following")).cte("edges")
    e = edges.c
    head = (e.activity_id, e.role, e.confirmed_only, e.income_group, e.region)
    last_recorded = select(func.max(CountryIncomeGroup.fiscal_year)).scalar_subquery()
    apart = e.following > e.ended + 1
    steps = union_all(select(*head, e.first_year.label("fiscal_year"), literal(1, Integer).label("step"))
                      .where(e.position == 1),
                      select(*head, e.following, literal(1, Integer)).where(apart),
                      select(*head, e.ended + 1, literal(-1, Integer))
                      .where(or_(e.following.is_(None), apart), e.ended < last_recorded)).subquery("steps")
    t = steps.c

    def change(role, confirmed):
        return func.sum(case((and_(t.role == role, t.confirmed_only == confirmed), t.step), else_=0))

    sums = [change(role, confirmed).label(name) for (role, confirmed), name in _KIND.items()]
    return (select(t.activity_id, t.income_group, t.region, t.fiscal_year, *sums)
            .group_by(t.activity_id, t.income_group, t.region, t.fiscal_year))


def typed_select(by_donor: bool, *conditions, source=None):
    """Typed income-change rows: per (type, organisation, income group, region, area, year, fiscal year) the sums
    of the per-activity changes (from source, a filled stage table of changes_select, when given), in the
    slices that count each activity (slices.py); not all zero."""
    if source is None:
        source = changes_select(*conditions).subquery("changes")
    a = (select(source, Activity.activity_type, Activity.area_id, year_of(Activity.start_date).label("year"),
                Activity.lead_organisation_id.label("lead_id"), public_flag(Activity))
         .join(Activity, Activity.id == source.c.activity_id).subquery("changed"))
    a, donor = sliced(a, by_donor)
    keys = (a.c.activity_type, donor, a.c.income_group, a.c.region, a.c.area_id, a.c.year, a.c.fiscal_year)
    return (select(*keys, *(func.sum(a.c[c]).label(c) for c in CHANGE_COLUMNS)).group_by(*keys)
            .having(or_(*(func.sum(a.c[c]) != 0 for c in CHANGE_COLUMNS))))
