"""The profile's numbers on a small data set with known answers."""

import datetime as dt

import pytest

from parliament_tracker.activities.models import Participation
from parliament_tracker.extensions import db
from parliament_tracker.profiles import queries
from tests import factories as f


@pytest.fixture
def world(app):
    fr, ke, ml = f.make_chamber("FR-LC"), f.make_chamber("KE-LC"), f.make_chamber("ML-LC", "unicameral")
    ec, undp, sweden = f.make_donor("European Commission"), f.make_donor("UNDP"), f.make_donor("Sweden")
    a1 = f.make_activity("Workshop", "awareness", start=dt.date(2010, 5, 3), chambers=[fr, ke], donors=[ec],
                         participants=3, women=2)
    a2 = f.make_activity("Study", "research", "research", start=dt.date(2012, 2, 1), chambers=[fr],
                         donors=[ec, undp], participants=5, women=1)
    f.make_activity("Deleted", "awareness", start=dt.date(2012, 3, 1), chambers=[fr], deleted=True, participants=9)
    a4 = f.make_activity("Conference", "advocacy", "conference", start=dt.date(2014, 6, 1), chambers=[ke, ml],
                         donors=[sweden])
    db.session.add(Participation(activity=a4, chamber=fr, role="expert", participants=2, women=0))
    db.session.commit()
    return {"fr": fr, "ke": ke, "ml": ml, "a1": a1, "a2": a2, "a4": a4}


def test_timeline_counts_live_beneficiary_activities_by_year_and_area(world):
    rows = queries.participation_timeline(world["fr"].id)
    assert rows == [(2010, "Awareness and coordination", 1), (2012, "Analysis and research services", 1)]


def test_areas_reached_lists_every_area_with_first_and_last(world):
    areas = {a.code: a for a in queries.areas_reached(world["fr"].id)}
    assert list(areas) == ["research", "advocacy", "awareness", "information"]
    assert (areas["research"].activities, areas["research"].first) == (1, dt.date(2012, 2, 1))
    assert (areas["awareness"].activities, areas["awareness"].last) == (1, dt.date(2010, 5, 3))
    assert areas["advocacy"].activities == 0 and areas["advocacy"].first is None  # expert supply is not reach
    assert areas["information"] == ("information", "Information services", 0, None, None)


def test_people_trained_and_confirmed_only(world):
    assert queries.people_trained(world["fr"].id) == (8, 3, 2)
    assert queries.people_trained(world["fr"].id, confirmed_only=True) == (0, 0, 0)
    world["a1"].participations[0].status = "confirmed"
    db.session.commit()
    assert queries.people_trained(world["fr"].id, confirmed_only=True) == (3, 2, 1)


def test_experts_supplied_and_to_whom(world):
    assert queries.expert_activities(world["fr"].id) == 1
    assert [(s.code, s.activities) for s in queries.experts_supplied_to(world["fr"].id)] == [("KE-LC", 1),
                                                                                           ("ML-LC", 1)]
    assert queries.experts_supplied_to(world["ke"].id) == []


def test_donors_that_funded_its_participation(world):
    assert queries.donors_funding(world["fr"].id) == [("European Commission", 2), ("Sweden", 1), ("UNDP", 1)]


def test_records_leave_out_deleted_activities(world):
    titles = [r.title for r in queries.participation_records(world["fr"].id)]
    assert titles == ["Conference", "Study", "Workshop"]


def test_profile_runs_a_fixed_number_of_queries(world, client):
    """No per-row queries: the page's statement count does not grow with the number of records."""
    from sqlalchemy import event

    def count(code):
        seen = []
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get(f"/profiles/{code}").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    before = count("FR-LC")
    for i in range(5):
        f.make_activity(f"More {i}", "information", start=dt.date(2015, 1, 1 + i), chambers=[world["fr"]])
    assert count("FR-LC") == before
