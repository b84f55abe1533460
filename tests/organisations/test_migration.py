"""Migration 0015 (donors become organisations) keeps every activity, participation, donor link, account link and
stored coverage figure: a world made at the head is taken down to 0012 (donors) and up again, on a database of
its own (SQLite, or PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
import uuid

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import database_url
from parliament_tracker import create_app
from parliament_tracker.dashboards.facts import differences
from parliament_tracker.extensions import db
from tests import factories
from tests.databases import config_for


@pytest.fixture
def own_database(tmp_path):
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path}/migration.db"
        return
    url = make_url(database_url(base, base))  # the driver the app uses (psycopg 3)
    name = f"migration_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _rows(sql: str) -> set[tuple]:
    return {tuple(r) for r in db.session.execute(text(sql))}


def _facts(home: int) -> set[tuple]:
    """Every stored coverage row, the home organisation's slice keyed as 'home' (its id may change)."""
    rows = set()
    for table in ("coverage_facts", "coverage_activity_counts"):
        for row in db.session.execute(text(f"SELECT * FROM {table}")).mappings():
            rows.add((table, *(("home" if v == home else v) if k == "donor_id" else v for k, v in sorted(row.items()))))
    return rows


def test_donors_links_accounts_and_coverage_survive_the_migration_both_ways(own_database):
    app = create_app(config_for(own_database))
    with app.app_context():
        upgrade()
        ke, fr = factories.make_chamber("KE-LC"), factories.make_chamber("FR-LC")
        ec, undp = factories.make_donor("European Commission"), factories.make_donor("UNDP")
        factories.make_activity("Workshop", chambers=[ke, fr], donors=[ec])
        factories.make_activity("Mission", activity_type="mission", area_code="research", chambers=[ke],
                                donors=[ec, undp], participants=5)
        factories.make_activity("Webinar", activity_type="webinar", chambers=[fr])
        factories.make_activity("Binned", chambers=[ke], donors=[undp], deleted=True)
        factories.make_user("donor", donor=undp, email="d@example.org")
        factories.make_user("staff", email="s@example.org")
        home, ec_id, undp_id = factories.home_organisation().id, ec.id, undp.id
        activities = _rows(f"SELECT id, title, lead_organisation_id = {home} FROM activities")
        participations = _rows("SELECT activity_id, chamber_id, role, participants, women, status FROM participations")
        funding = _rows("SELECT activity_id, organisation_id FROM activity_partners WHERE role = 'funding'")
        facts = _facts(home)
        assert any(row[0] == "coverage_facts" and "home" in row for row in facts)
        db.session.remove()

        downgrade(revision="0012_languages")
        assert _rows("SELECT activity_id, donor_id FROM activity_donors") == funding
        assert _rows("SELECT id, name FROM donors") == {(ec_id, "European Commission"), (undp_id, "UNDP")}
        assert _rows("SELECT email, donor_id FROM users") == {("d@example.org", undp_id), ("s@example.org", None)}
        db.session.remove()

        upgrade()
        home = factories.home_organisation().id
        assert _rows(f"SELECT id, title, lead_organisation_id = {home} FROM activities") == activities
        assert all(led for _id, _title, led in activities)
        assert _rows("SELECT activity_id, chamber_id, role, participants, women, status FROM participations") == \
            participations
        assert _rows("SELECT activity_id, organisation_id FROM activity_partners WHERE role = 'funding'") == funding
        assert _rows("SELECT email, organisation_id FROM users") == {("d@example.org", undp_id),
                                                                    ("s@example.org", home)}
        assert _facts(home) == facts
        assert differences() == (set(), set())
        db.session.remove()
        db.engine.dispose()
