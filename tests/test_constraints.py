"""Every enumerated column refuses a value outside its list in the database itself (SQLite and PostgreSQL), so
a raw write, a bulk statement or a future code path cannot store a status the application does not know."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.auth.models import User
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import Assessment, ParticipationReport
from tests import factories
from tests.profiles.factories import make_assessment, make_report

# (model, column, a value it must refuse, a listed value it must accept)
CASES = [
    (Activity, "activity_type", "party", "webinar"),
    (Participation, "role", "observer", "expert"),
    (Participation, "status", "maybe", "confirmed"),
    (Chamber, "chamber_type", "tricameral", "upper"),
    (Chamber, "status", "asleep", "suspended"),
    (Country, "m49_region", "Atlantis", "Asia"),
    (Country, "income_group", "rich", None),
    (User, "role", "superuser", "donor"),
    (ParticipationReport, "kind", "complaint", "missing"),
    (ParticipationReport, "status", "pending", "rejected"),
    (Assessment, "status", "final", "submitted"),
]


@pytest.fixture
def rows(app):
    """One row of every model in CASES."""
    chamber = factories.make_chamber("KE-LC")
    factories.make_activity(chambers=[chamber])
    factories.make_user("staff")
    make_report(chamber)
    make_assessment(chamber)


def _set(model, column: str, value) -> None:
    row_id = db.session.scalar(select(model.id).limit(1))
    db.session.execute(update(model).where(model.id == row_id).values({column: value}))
    db.session.flush()


@pytest.mark.parametrize(("model", "column", "bad", "good"), CASES,
                         ids=[f"{m.__tablename__}.{c}" for m, c, *_ in CASES])
def test_an_unknown_value_is_refused_by_the_database(rows, model, column, bad, good):
    _set(model, column, good)
    db.session.commit()
    with pytest.raises(IntegrityError, match=f"(?i)ck_{model.__tablename__}_{column}_known|check constraint"):
        _set(model, column, bad)
    db.session.rollback()
    assert db.session.scalar(select(getattr(model, column)).limit(1)) == good


def test_a_new_row_with_an_unknown_value_is_refused(app):
    chamber = factories.make_chamber("KE-LC")
    db.session.add(Participation(activity=factories.make_activity(), chamber=chamber, role="observer"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
