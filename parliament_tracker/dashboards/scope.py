"""The two sets every coverage query starts from (the filter set itself is in filters.py).

- The chambers in scope ("existing"): chambers that existed in the period (established on or before its
  end or unknown, ended on or after its start or still sitting), in the chosen region and income group.
  This is every denominator; it is counted from the registry, never written as a constant.
- The participations that count ("counted"): a chamber's part, as beneficiary (or, for expert supply, as
  expert), in a non-deleted activity (deleted_at IS NULL) that started in the period and matches the area,
  activity type and donor filters; with confirmed_only, only participations the parliament confirmed.

Filter values enter the statements as the bind parameters below, never as literals: a statement then depends only
on which filters are set (the filter set's shape), so each is built once per shape by a `per_shape` builder and
reused with each request's values (`rows(statement, f)`). Building a statement and computing its cache key cost
more Python time than the small coverage queries take to run.
"""

from __future__ import annotations

import datetime as dt
import functools
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from sqlalchemy import Date, Integer, String, and_, bindparam, cast, extract, func, or_, select
from sqlalchemy.orm import aliased

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.chambers.models import Chamber, Country, CountryIncomeGroup
from parliament_tracker.dashboards.filters import CoverageFilters
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import activity_partners
from parliament_tracker.organisations.services import public_organisations

__all__ = ["AREA", "INCOME_THEN", "INCOME_YEAR", "YEAR_FROM", "YEAR_TO", "CoverageFilters", "activity_conditions",
           "area_id", "chamber_in_group", "chamber_in_scope", "counted_activities", "counted_participations",
           "existing_chambers", "forget_statements", "has_chamber_conditions", "income_group_then", "income_year",
           "join_income_history", "lower_sibling_participation", "parameters", "per_shape", "records", "recounting",
           "recounting_now", "rows", "year_of"]

YEAR_FROM, YEAR_TO = bindparam("f_year_from", type_=Integer), bindparam("f_year_to", type_=Integer)
START, END = bindparam("f_start", type_=Date), bindparam("f_end", type_=Date)
AREA, ACTIVITY_TYPE = bindparam("f_area", type_=String), bindparam("f_activity_type", type_=String)
REGION, INCOME_GROUP = bindparam("f_region", type_=String), bindparam("f_income_group", type_=String)
DONOR_ID = bindparam("f_donor_id", type_=Integer)
INCOME_YEAR = bindparam("f_income_year", type_=Integer)
# a country's income group in the period's last fiscal year, where the history records it
INCOME_THEN = CountryIncomeGroup.__table__.alias("income_then")


def parameters(f: CoverageFilters) -> dict:
    """The values of f's bind parameters (a statement ignores those it does not use)."""
    return {"f_year_from": f.year_from, "f_year_to": f.year_to, "f_start": f.start, "f_end": f.end,
            "f_area": f.area, "f_activity_type": f.activity_type, "f_region": f.region,
            "f_income_group": f.income_group, "f_donor_id": f.donor_id, "f_income_year": income_year(f)}


def income_year(f: CoverageFilters) -> int:
    """The fiscal year whose World Bank income groups a period uses: its last year (this year by default)."""
    return f.year_to or dt.date.today().year


def income_group_then():
    """Column: the country's income group in income_year(f), or today's (Country.income_group) where the history has
    none; its FROM needs join_income_history."""
    return func.coalesce(INCOME_THEN.c.income_group, Country.income_group)


def join_income_history(source):
    """source (a select or a join that includes Country) outer-joined to the country's income group in
    income_year(f)."""
    return source.outerjoin(INCOME_THEN, and_(INCOME_THEN.c.country_id == Country.id,
                                              INCOME_THEN.c.fiscal_year == INCOME_YEAR))


def per_shape(build):
    """Decorator for build(f, *sources) -> statement: called with a filter set, it builds from f's shape (see
    CoverageFilters.shape) once per shape and sources, and returns the same statement object after that.
    Sources must be stable objects (the temporary tables of summary.py and the inline subqueries it memoises).
    The key includes the database's dialect: a builder may choose the form that dialect plans best."""
    @functools.lru_cache(maxsize=512)
    def memo(shape: CoverageFilters, dialect: str, *sources):
        return build(shape, *sources)

    @functools.wraps(build)
    def statement(f: CoverageFilters, *sources):
        return memo(f.shape(), (db.engine.dialect.name, _recounting.get()), *sources)

    _MEMOS.append(memo)
    return statement


_MEMOS: list = []
_recounting = ContextVar("coverage_recounting", default=False)


@contextmanager
def recounting():
    """Within the block, every coverage set is summed from the participations (recount.py) instead of read from
    the stored facts: the definition the facts must equal (the test that every report equals its recount)."""
    token = _recounting.set(True)
    try:
        yield
    finally:
        _recounting.reset(token)


def recounting_now() -> bool:
    return _recounting.get()


def forget_statements() -> None:
    """Drop every statement built so far (for tests that change how statements are built)."""
    for memo in _MEMOS:
        memo.cache_clear()


def _run(statement, f: CoverageFilters):
    # on the session's connection, without the ORM's layer: these selects load no objects
    return db.session.connection().execute(statement, parameters(f))


def rows(statement, f: CoverageFilters) -> list:
    """Run a per-shape statement with f's values: its rows, fetched at once (row by row costs more on SQLite)."""
    return _run(statement, f).all()


def records(statement, f: CoverageFilters) -> list[dict]:
    """rows(statement, f) as dicts keyed by the select's labels (the keys are read once, not once per row)."""
    result = _run(statement, f)
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def year_of(column):
    """The calendar year of a date column, as an integer, on SQLite and PostgreSQL alike."""
    return cast(extract("year", column), Integer)


def _chamber_conditions(f: CoverageFilters) -> list:
    conditions = []
    if f.end:
        conditions.append(or_(Chamber.established.is_(None), Chamber.established <= END))
    if f.start:
        conditions.append(or_(Chamber.ended.is_(None), Chamber.ended >= START))
    if f.region:
        conditions.append(Country.m49_region == REGION)
    if f.income_group:
        conditions.append(income_group_then() == INCOME_GROUP)
    return conditions


def has_chamber_conditions(f: CoverageFilters) -> bool:
    """Whether f leaves any chamber of the registry out of scope (a period, region or income group)."""
    return bool(f.start or f.end or f.region or f.income_group)


def chamber_in_scope(chamber_id, f: CoverageFilters):
    """Condition: chamber_id is a chamber in scope (a semi-join on the few chambers, not a join per row)."""
    return chamber_id.in_(select(existing_chambers(f).c.chamber_id))


def chamber_in_group(chamber_id, f: CoverageFilters) -> list:
    """Conditions: chamber_id is a chamber of f's region and income group, whatever its dates (none without them).
    Counting ACTIVITIES, a participation of a chamber of the group counts even where the chamber's recorded dates
    leave it out of the period's scope (an implausible record, which the registry's dates make possible): an
    activity is counted once from stored per-chamber facts only so (see facts.GROUPS)."""
    if not (f.region or f.income_group):
        return []
    chambers = select(Chamber.id).join(Country, Country.id == Chamber.country_id)
    if f.income_group:
        chambers = join_income_history(chambers)
    return [chamber_id.in_(chambers.where(*_chamber_conditions(replace(f, year_from=None, year_to=None))))]


def lower_sibling_participation(activity_id, participations=None):
    """(participation, joins): the participation, in the same activity, of the other chamber of the country with a
    lower id, and the outer joins, as (target, ON clause) pairs, that bring it to a select from Chamber. It is
    looked for among `participations` (a selectable with activity_id and chamber_id columns, such as the counted
    ones) or else among all beneficiary participations. Where there is none, the row's chamber is the first of
    its country in the activity: summing that counts each activity once per country. A parliament has one or two
    chambers (the registry's codes are <ISO2>-LC and <ISO2>-UC, and chambers/data/check_data.py refuses any
    other); were there three, only the nearest lower one would be looked at."""
    other, sibling = aliased(Chamber), aliased(Chamber)
    nearest_lower = (select(func.max(other.id)).where(other.country_id == Chamber.country_id, other.id < Chamber.id)
                     .correlate(Chamber).scalar_subquery())
    if participations is None:
        part = aliased(Participation)
        on_part = and_(part.role == "beneficiary", part.activity_id == activity_id, part.chamber_id == sibling.id)
    else:
        part = participations
        on_part = and_(part.c.activity_id == activity_id, part.c.chamber_id == sibling.id)
    return part, [(sibling, sibling.id == nearest_lower), (part, on_part)]


def existing_chambers(f: CoverageFilters):
    """Subquery (chamber_id, country_id): the chambers in scope, the denominator of every share."""
    stmt = select(Chamber.id.label("chamber_id"), Chamber.country_id.label("country_id"))
    if f.region or f.income_group:
        stmt = stmt.join(Country, Country.id == Chamber.country_id)
    if f.income_group:
        stmt = join_income_history(stmt)
    return stmt.where(*_chamber_conditions(f)).subquery("existing")


def area_id():
    """Scalar subquery: the id of the chosen area."""
    return select(ActivityArea.id).where(ActivityArea.code == AREA).scalar_subquery()


def activity_conditions(f: CoverageFilters) -> list:
    """WHERE conditions on Activity: live, started in the period, of the area, type and donor chosen."""
    conditions = [Activity.deleted_at.is_(None)]
    if f.start:
        conditions.append(Activity.start_date >= START)
    if f.end:
        conditions.append(Activity.start_date <= END)
    if f.area:
        conditions.append(Activity.area_id == area_id())
    if f.activity_type:
        conditions.append(Activity.activity_type == ACTIVITY_TYPE)
    public = Activity.lead_organisation_id.in_(public_organisations())
    if f.donor_id:
        # An organisation's own work: the activities it leads (private ones too) and the public ones it partners in
        # or funds (dashboards/facts.py counts the same). IN rather than EXISTS: the planners then start from the
        # organisation's activities instead of testing every one.
        partnered = select(activity_partners.c.activity_id).where(activity_partners.c.organisation_id == DONOR_ID)
        conditions.append(or_(Activity.lead_organisation_id == DONOR_ID, and_(public, Activity.id.in_(partnered))))
    else:
        conditions.append(public)
    return conditions


def counted_participations(f: CoverageFilters, role: str = "beneficiary", cte: bool = False, group_only: bool = False):
    """Subquery, one row per counted participation: chamber_id, activity_id, area_id, year, start_date,
    participants, women. Only chambers in scope (group_only: of the region and income group, see chamber_in_group);
    a chamber appears once per activity (the schema's unique constraint)."""
    stmt = (
        select(Participation.chamber_id, Participation.activity_id, Activity.area_id,
               year_of(Activity.start_date).label("year"), Activity.start_date, Participation.participants,
               Participation.women)
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Participation.role == role, *activity_conditions(f))
    )
    # "+ 0": the chamber is tested on each counted activity's entries; as a plain column, SQLite probed the
    # (chamber, role, activity) index once per chamber in scope and activity (20 s instead of 1 at 10x)
    chamber = Participation.chamber_id + 0
    if group_only:
        stmt = stmt.where(*chamber_in_group(chamber, f))
    elif has_chamber_conditions(f):
        stmt = stmt.where(chamber_in_scope(chamber, f))
    if f.confirmed_only:
        stmt = stmt.where(Participation.status == "confirmed")
    return stmt.cte("counted") if cte else stmt.subquery("counted")


def counted_activities(f: CoverageFilters):
    """Subquery (activity_id, area_id, start_date): each activity with a counted participation of a chamber of the
    group (chamber_in_group), once. A hashed DISTINCT keeps the later counts to thousands of rows."""
    counted = counted_participations(f, group_only=True)
    return select(counted.c.activity_id, counted.c.area_id, counted.c.start_date).distinct().subquery("acts")
