"""The coordination view's three sources of overlaps give the same answers as the definition, written here in
Python over the activities: the stored overlaps (the default window over every year and type), the stored facts
paired per year (a window of 11 months or more), and the work rows paired month by month (any window); and the
stored tables stay equal to a recount through edits (the suite's teardown checks that after every test too)."""

import datetime as dt
import random
from itertools import combinations

import pytest
from sqlalchemy import select

from parliament_tracker.activities.models import Activity
from parliament_tracker.dashboards import coordination as c
from parliament_tracker.dashboards import coordination_store as store
from parliament_tracker.dashboards import facts
from parliament_tracker.dashboards.filters import CoverageFilters as F
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import ActivityPartner, Organisation
from parliament_tracker.organisations.services import home_organisation
from tests.factories import make_activity, make_chamber

WINDOWS = (0, 1, 5, 10, 11, 12, 13, 23, 24, 25, 40)


@pytest.fixture(params=[1, 2])
def crowded(app, request):
    """Three chambers, two areas, four organisations (one of them partner-only), 40 activities over four years
    (some deleted, some with an implementing, co-organising or funding partner): every kind of neighbour,
    same activity, same year and year boundary."""
    rng = random.Random(request.param)
    chambers = [make_chamber(code, "unicameral") for code in ("KE-LC", "SE-LC", "ML-LC")]
    orgs = [home_organisation()]
    for name in ("WFD", "IPU", "NDI"):
        org = Organisation(name=name, short_name=name, org_type="ngo")
        db.session.add(org)
        orgs.append(org)
    db.session.commit()
    for n in range(40):
        lead = rng.choice(orgs[:3])
        others = [o for o in orgs if o is not lead]
        partners = [(rng.choice(others), rng.choice(("implementing", "co_organising", "funding")))] \
            if rng.random() < 0.4 else []
        make_activity(f"Activity {n}", rng.choice(("awareness", "research")), rng.choice(("workshop", "training")),
                      start=dt.date(2019 + rng.randrange(4), rng.randrange(1, 13), 1),
                      chambers=rng.sample(chambers, rng.randrange(1, 3)), lead=lead, partners=partners,
                      deleted=rng.random() < 0.1)
    return orgs


def _defined(window: int, f: F = F()) -> set:
    """The overlap keys by the definition: per chamber and area, two organisations (ids in order) working in two
    different live public activities whose start months are at most window apart."""
    work = []
    for activity in db.session.scalars(select(Activity).where(Activity.deleted_at.is_(None))):
        if f.year_from and activity.start_date.year < f.year_from or f.activity_type not in (None,
                                                                                               activity.activity_type):
            continue
        workers = {activity.lead_organisation_id} | {
            p.organisation_id for p in db.session.scalars(select(ActivityPartner).where(
                ActivityPartner.activity_id == activity.id, ActivityPartner.role.in_(("implementing", "co_organising"))))}
        month = activity.start_date.year * 12 + activity.start_date.month
        for participation in activity.participations:
            work += [(participation.chamber_id, activity.area_id, org, activity.id, month) for org in workers]
    return {(ch, area, min(o1, o2), max(o1, o2)) for (ch, area, o1, a1, m1), (ch2, area2, o2, a2, m2)
            in combinations(work, 2) if (ch, area) == (ch2, area2) and o1 != o2 and a1 != a2
            and abs(m1 - m2) <= window}


def _keys(table, window: int) -> set:
    return set(db.session.execute(store.keys_from(table, window)).tuples())


def test_every_source_pairs_as_the_definition_does(crowded):
    connection = db.session.connection()
    for window in WINDOWS:
        expected = _defined(window)
        assert _keys(store.filled_work(connection), window) == expected, window
        if window >= store.YEARS_SUFFICE:
            assert _keys(store.filled_years(connection), window) == expected, window
    assert set(db.session.execute(select(store.CoordinationOverlap.chamber_id, store.CoordinationOverlap.area_id,
                                         store.CoordinationOverlap.org_a, store.CoordinationOverlap.org_b)).tuples()) \
        == _defined(store.STORED_WINDOW)


def test_the_view_counts_and_pages_every_source_alike(crowded):
    for f, window in ((F(), 12), (F(), 30), (F(), 6), (F(year_from=2020), 12), (F(activity_type="training"), 12)):
        cf = c.CoordinationFilters(f, window_months=window)
        total, everything = c.overlap_page(cf)
        assert total == len(everything) == len(_defined(window, f))
        pages = [o for offset in range(0, total + 4, 4) for o in c.overlap_page(cf, limit=4, offset=offset)[1]]
        assert [(o.chamber_code, o.area_code, o.organisations) for o in pages] == \
            [(o.chamber_code, o.area_code, o.organisations) for o in everything]
        assert c.overlap_page(cf, limit=4, offset=total + 8) == (total, [])
        for overlap in everything:  # each activity listed starts within the window of the other organisation's
            for activity in overlap.activities:
                others = [a for a in overlap.activities if a.organisation != activity.organisation and a.id != activity.id]
                assert any(abs((a.start_date.year * 12 + a.start_date.month)
                               - (activity.start_date.year * 12 + activity.start_date.month)) <= window for a in others)


def test_edits_keep_the_stored_overlaps_current(crowded):
    activity = db.session.scalars(select(Activity).where(Activity.deleted_at.is_(None)).order_by(Activity.id)).first()
    activity.start_date = dt.date(2018, 1, 1)  # moved out of every neighbour's window
    db.session.commit()
    assert facts.differences() == (set(), set())
    activity.lead_organisation_id = crowded[3].id
    db.session.commit()
    assert facts.differences() == (set(), set())
    activity.deleted_at = dt.datetime(2024, 1, 1)
    db.session.commit()
    assert facts.differences() == (set(), set())
