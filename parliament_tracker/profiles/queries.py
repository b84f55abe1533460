"""The numbers on a chamber's profile, feedback aggregates and capacity aggregates: one grouped select each.

"Live" activities are the ones not deleted. A chamber is *reached* by an activity when it took part in it as a
beneficiary; supplying experts is counted separately.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import NamedTuple

from sqlalchemy import and_, func, select, union_all
from sqlalchemy.orm import aliased

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.activities.queries import is_public
from parliament_tracker.chambers.models import Chamber, Country, CountryIncomeGroup
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation, activity_partners
from parliament_tracker.profiles.models import Assessment, AssessmentAnswer, AssessmentCategory, AssessmentQuestion

# a profile shows the public activities (their lead organisation publishes them) that are not in the bin
LIVE = and_(Activity.deleted_at.is_(None), is_public())
YEAR = func.extract("year", Activity.start_date)
# Small-group suppression: no aggregate of self-assessments over fewer chambers than this is shown.
MIN_GROUP = 5
# A round's income group is the World Bank's of that fiscal year (FY = the assessment's year), as the dashboards
# classify a period by its last year; today's group stands in where the history has no entry.
INCOME_THEN = aliased(CountryIncomeGroup)
GROUPINGS = {"region": Country.m49_region,
             "income_group": func.coalesce(INCOME_THEN.income_group, Country.income_group)}


class TimelineRow(NamedTuple):
    year: int
    area: str
    activities: int


class AreaReach(NamedTuple):
    code: str
    label: str
    activities: int
    first: object
    last: object


class Trained(NamedTuple):
    participants: int
    women: int
    activities: int


class Supplied(NamedTuple):
    code: str
    name: str
    activities: int


class DonorRow(NamedTuple):
    name: str
    activities: int


class RecordRow(NamedTuple):
    participation_id: int
    activity_id: int
    ref: str | None
    title: str
    area: str
    activity_type: str
    start: object
    end: object
    role: str
    participants: int | None
    women: int | None
    status: str
    status_note: str


def participation_timeline(chamber_id: int) -> list[TimelineRow]:
    """Per start year and area: how many live activities the chamber took part in as a beneficiary."""
    stmt = (select(YEAR, ActivityArea.label, func.count(Activity.id))
            .join(Participation.activity).join(Activity.area)
            .where(Participation.chamber_id == chamber_id, Participation.role == "beneficiary", LIVE)
            .group_by(YEAR, ActivityArea.label, ActivityArea.position).order_by(YEAR, ActivityArea.position))
    return [TimelineRow(int(y), label, n) for y, label, n in db.session.execute(stmt)]


def areas_reached(chamber_id: int) -> list[AreaReach]:
    """Each area (unreached ones with 0): live activities in which the chamber was a beneficiary, and the start
    dates of the first and the last of them."""
    reached = (select(Activity.area_id, Activity.start_date, Participation.id.label("pid"))
               .join(Participation.activity)
               .where(Participation.chamber_id == chamber_id, Participation.role == "beneficiary", LIVE)
               .subquery())
    stmt = (select(ActivityArea.code, ActivityArea.label, func.count(reached.c.pid),
                   func.min(reached.c.start_date), func.max(reached.c.start_date))
            .select_from(ActivityArea).outerjoin(reached, reached.c.area_id == ActivityArea.id)
            .group_by(ActivityArea.code, ActivityArea.label, ActivityArea.position)
            .order_by(ActivityArea.position))
    return [AreaReach(*row) for row in db.session.execute(stmt)]


def people_trained(chamber_id: int, confirmed_only: bool = False) -> Trained:
    """People the chamber sent to live activities as a beneficiary (sum of recorded participants), the women
    among them, and the number of those activities; confirmed_only keeps records the parliament confirmed."""
    stmt = (select(func.coalesce(func.sum(Participation.participants), 0),
                   func.coalesce(func.sum(Participation.women), 0), func.count(Participation.id))
            .join(Participation.activity)
            .where(Participation.chamber_id == chamber_id, Participation.role == "beneficiary", LIVE))
    if confirmed_only:
        stmt = stmt.where(Participation.status == "confirmed")
    return Trained(*db.session.execute(stmt).one())


def experts_supplied_to(chamber_id: int) -> list[Supplied]:
    """The chambers that were beneficiaries of live activities to which this chamber supplied experts, with the
    number of such activities each; empty when it never supplied experts."""
    # from this chamber's expert records (IN): joined, SQLite started from every beneficiary record instead
    supplied = (select(Participation.activity_id).join(Participation.activity)
                .where(Participation.chamber_id == chamber_id, Participation.role == "expert", LIVE))
    beneficiary = aliased(Participation)
    stmt = (select(Chamber.code, Chamber.name, Country.name, func.count(beneficiary.activity_id))
            .select_from(beneficiary).join(Chamber, Chamber.id == beneficiary.chamber_id).join(Chamber.country)
            .where(beneficiary.role == "beneficiary", beneficiary.activity_id.in_(supplied),
                   beneficiary.chamber_id != chamber_id)
            .group_by(Chamber.code, Chamber.name, Country.name).order_by(Country.name, Chamber.code))
    return [Supplied(code, f"{country}: {name}", n) for code, name, country, n in db.session.execute(stmt)]


def expert_activities(chamber_id: int) -> int:
    """How many live activities the chamber supplied experts to."""
    stmt = (select(func.count(Participation.id)).join(Participation.activity)
            .where(Participation.chamber_id == chamber_id, Participation.role == "expert", LIVE))
    return db.session.scalar(stmt)


def donors_funding(chamber_id: int) -> list[DonorRow]:
    """Donors that funded live activities the chamber took part in (in any role), with how many each."""
    stmt = (select(Organisation.name, func.count(func.distinct(Participation.activity_id)))
            .select_from(Participation)
            .join(Activity, Activity.id == Participation.activity_id)
            .join(activity_partners, and_(activity_partners.c.activity_id == Activity.id,
                                          activity_partners.c.role == "funding"))
            .join(Organisation, Organisation.id == activity_partners.c.organisation_id)
            .where(Participation.chamber_id == chamber_id, LIVE)
            .group_by(Organisation.name).order_by(func.count(func.distinct(Participation.activity_id)).desc(), Organisation.name))
    return [DonorRow(name, n) for name, n in db.session.execute(stmt)]


def support_by_organisation(chamber_id: int) -> list[DonorRow]:
    """The organisations that led, implemented or co-organised the live public activities the chamber took part in
    (in any role), with how many each: all the support it received, not only the home organisation's."""
    partners = activity_partners
    working = union_all(
        select(Activity.id.label("activity_id"), Activity.lead_organisation_id.label("organisation_id")),
        select(partners.c.activity_id, partners.c.organisation_id).where(partners.c.role != "funding")).subquery()
    activities = func.count(func.distinct(Participation.activity_id))
    stmt = (select(Organisation.name, activities).select_from(Participation)
            .join(Activity, Activity.id == Participation.activity_id)
            .join(working, working.c.activity_id == Activity.id)
            .join(Organisation, Organisation.id == working.c.organisation_id)
            .where(Participation.chamber_id == chamber_id, LIVE)
            .group_by(Organisation.name).order_by(activities.desc(), Organisation.name))
    return [DonorRow(name, n) for name, n in db.session.execute(stmt)]


def participation_records(chamber_id: int, limit: int | None = None, offset: int = 0) -> list[RecordRow]:
    """The chamber's participation records in live activities, newest first, with their confirmation status (all of
    them, or `limit` from `offset`)."""
    stmt = (select(Participation.id, Activity.id, Activity.ref, Activity.title, ActivityArea.label,
                   Activity.activity_type, Activity.start_date, Activity.end_date, Participation.role,
                   Participation.participants, Participation.women, Participation.status, Participation.status_note)
            .join(Participation.activity).join(Activity.area)
            .where(Participation.chamber_id == chamber_id, LIVE)
            .order_by(Activity.start_date.desc(), Activity.id.desc()).limit(limit).offset(offset))
    return [RecordRow(*row) for row in db.session.execute(stmt)]


def count_records(chamber_id: int) -> int:
    """How many participation records in live activities the chamber has."""
    return db.session.scalar(select(func.count()).select_from(Participation).join(Participation.activity)
                             .where(Participation.chamber_id == chamber_id, LIVE))


class CategoryScore(NamedTuple):
    year: int
    category: str
    score: float


class GroupMedian(NamedTuple):
    year: int
    group: str | None
    category: str
    chambers: int
    median: float | None  # None: fewer than MIN_GROUP chambers answered, withheld


class BeforeAfter(NamedTuple):
    area: str
    category: str
    chambers: int
    before: float | None
    after: float | None


def _category_scores(*extra):
    """Per submitted self-assessment and category: the chamber's mean score over the questions it answered."""
    stmt = (select(Assessment.year, AssessmentCategory.label, Assessment.chamber_id, *extra,
                   func.avg(AssessmentAnswer.score))
            .select_from(AssessmentAnswer)
            .join(Assessment, Assessment.id == AssessmentAnswer.assessment_id)
            .join(AssessmentQuestion, AssessmentQuestion.id == AssessmentAnswer.question_id)
            .join(AssessmentCategory, AssessmentCategory.id == AssessmentQuestion.category_id)
            .where(Assessment.status == "submitted", AssessmentAnswer.score.is_not(None))
            .group_by(Assessment.year, AssessmentCategory.label, AssessmentCategory.position,
                      Assessment.chamber_id, *extra)
            .order_by(Assessment.year, AssessmentCategory.position))
    return stmt


def chamber_category_scores(chamber_id: int) -> list[CategoryScore]:
    """The chamber's mean answer score (0-4) per category, for each year it submitted a self-assessment."""
    stmt = _category_scores().where(Assessment.chamber_id == chamber_id)
    return [CategoryScore(int(y), label, round(float(s), 2)) for y, label, _, s in db.session.execute(stmt)]


def category_medians(by: str = "region", min_chambers: int = MIN_GROUP) -> list[GroupMedian]:
    """Per year, group (M49 region, or the World Bank income group of that fiscal year) and category: the median over
    chambers of each chamber's mean category score, among chambers that submitted that year; median withheld under
    min_chambers."""
    column = GROUPINGS[by]
    stmt = _category_scores(column).join(Chamber, Chamber.id == Assessment.chamber_id).join(Chamber.country)
    if by == "income_group":
        stmt = stmt.outerjoin(INCOME_THEN, and_(INCOME_THEN.country_id == Country.id,
                                                INCOME_THEN.fiscal_year == Assessment.year))
    scores = defaultdict(list)
    for year, label, _, group, score in db.session.execute(stmt):
        # An unclassified country (no income group) forms its own group, '' — never None, which cannot sort.
        scores[(int(year), group or "", label)].append(float(score))
    return [GroupMedian(y, g, c, len(v), round(median(v), 2) if len(v) >= min_chambers else None)
            for (y, g, c), v in scores.items()]


def income_groups_by_year(country) -> dict[int, str]:
    """fiscal year -> the country's recorded World Bank income group (years without an entry are absent)."""
    stmt = select(CountryIncomeGroup.fiscal_year, CountryIncomeGroup.income_group).where(
        CountryIncomeGroup.country_id == country.id)
    return dict(db.session.execute(stmt).all())


def first_reached() -> dict[tuple[int, str], int]:
    """(chamber id, area label) -> the year of the first live activity in that area with the chamber a
    beneficiary."""
    stmt = (select(Participation.chamber_id, ActivityArea.label, func.min(YEAR))
            .join(Participation.activity).join(Activity.area)
            .where(Participation.role == "beneficiary", LIVE)
            .group_by(Participation.chamber_id, ActivityArea.label))
    return {(cid, label): int(year) for cid, label, year in db.session.execute(stmt)}


def scores_before_after(min_chambers: int = MIN_GROUP) -> list[BeforeAfter]:
    """For chambers reached in an area and assessed both before and after: the median category score of their
    last submitted self-assessment from a year before the first reach, and of their latest one from a year
    after. Descriptive only (much else changed too); withheld under min_chambers chambers."""
    by_chamber = defaultdict(lambda: defaultdict(dict))
    for year, label, chamber_id, score in db.session.execute(_category_scores()):
        by_chamber[chamber_id][label][int(year)] = float(score)
    pairs = defaultdict(lambda: ([], []))
    for (chamber_id, area), first in first_reached().items():
        for category, years in by_chamber.get(chamber_id, {}).items():
            before = [y for y in years if y < first]
            after = [y for y in years if y > first]
            if before and after:
                pairs[(area, category)][0].append(years[max(before)])
                pairs[(area, category)][1].append(years[max(after)])
    rows = []
    for (area, category), (before, after) in sorted(pairs.items()):
        shown = len(before) >= min_chambers
        rows.append(BeforeAfter(area, category, len(before), round(median(before), 2) if shown else None,
                                round(median(after), 2) if shown else None))
    return rows
