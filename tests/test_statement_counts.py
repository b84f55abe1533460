"""Statements per request on every list, export and API page: a fixed bound per route, and the same count at two sizes of
data (6 and 60 of every kind of row) and two page sizes, so a query per row fails the build."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from parliament_tracker.activities.models import ACTIVITY_TYPES, Activity, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.auth.models import User
from parliament_tracker.auth.services import hash_password
from parliament_tracker.chambers.loader import load_registry
from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentQuestion,
    ChamberContact,
    Feedback,
    ParticipationReport,
)
from tests import factories
from tests.profiles.factories import SeparateClient, signed_in
from tests.statements import statement_log

SMALL, LARGE = 6, 60
AREAS = ("research", "advocacy", "awareness", "information")
ISO2 = tuple(factories.COUNTRIES)
HOME = "SE-0"  # the chamber in every activity, whose profile grows with the data

# (role or None for anonymous, path, bound): {per_page} is 10 with the small data set and 200 with the large one.
# Each bound is today's count plus 2, room for a fixed cost added to every request; a query per row would add 50.
ROUTES = [
    ("staff", "/activities/", 12),
    ("staff", "/activities/?sort=title&area=awareness", 12),
    ("staff", "/activities/bin", 12),
    ("staff", "/activities/export.csv", 11),
    ("staff", "/activities/{activity}", 10),
    ("staff", "/activities/{activity}/edit", 10),
    ("staff", "/activities/{activity}/participations/new", 7),
    ("staff", "/activities/chambers/search?q=kenya", 7),
    ("admin", "/activities/audit", 10),
    ("admin", "/admin/users", 6),
    ("admin", "/admin/users/{user}/edit", 8),
    ("admin", "/admin/organisations", 5),  # + a name and a short name translation in a language other than English
    ("admin", "/admin/organisations/{donor}/edit", 10),
    ("admin", "/organisations/{donor}/staff", 6),
    (None, "/chambers/", 6),
    (None, "/chambers/?region=Europe", 6),
    (None, "/chambers/export.csv", 6),
    (None, "/chambers/export.csv?hxl=1", 6),
    (None, "/chambers/datapackage.json", 2),
    (None, "/data/datapackage.json", 3),
    (None, "/data/chambers.csv", 5),
    (None, "/data/activities.csv?hxl=1", 5),
    (None, "/data/participations.xlsx", 4),
    (None, "/data/coverage.csv", 4),
    (None, "/api/v1/iati/activities.xml", 10),
    (None, "/chambers/" + HOME, 6),
    (None, "/", 22),
    (None, "/?from=2006&to=2012&area=awareness&region=Europe", 23),
    ("donor", "/", 41),
    (None, "/?type=workshop", 22),
    (None, "/?donor={donor}", 22),
    (None, "/coverage/matrix", 10),
    (None, "/coverage/gaps", 12),
    # the overlaps' temporary work table costs four statements (create, index, empty, fill) and saves minutes
    (None, "/coordination", 14),
    (None, "/coordination?window=24&org_type=ngo", 14),
    (None, "/coordination/overlaps.csv?window=24", 12),
    (None, "/coverage/matrix.csv", 7),
    (None, "/coverage/gaps.csv", 12),
    (None, "/coverage/map.csv", 19),
    (None, "/coverage/region.csv", 19),
    (None, "/profiles/" + HOME, 16),  # + the organisations that supported it
    ("staff", "/profiles/" + HOME, 29),  # + the country's income groups by year, for its capacity table
    ("parliament", "/profiles/" + HOME, 29),  # + the country's income groups by year, for its capacity table
    ("parliament", "/profiles/" + HOME + "/print", 28),
    ("parliament", "/profiles/" + HOME + "/records.csv", 6),
    (None, "/profiles/" + HOME + "/records.csv", 5),
    ("parliament", "/profiles/" + HOME + "/assessments", 7),
    ("staff", "/profiles/capacity", 8),
    ("staff", "/profiles/queue", 6),
    ("staff", "/profiles/feedback", 7),
    ("staff", "/profiles/feedback/{activity}", 8),
    ("admin", "/profiles/questions", 6),
    ("staff", "/profiles/reports/{report}", 7),
    ("parliament", "/profiles/" + HOME + "/assessments/2024", 8),
    ("member", "/profiles/mine", 4),
    ("staff", "/api/v1/activities?per_page={per_page}", 12),
    ("staff", "/api/v1/activities/{activity}", 7),
    (None, "/api/v1/chambers", 6),
    (None, "/api/v1/chambers/" + HOME, 4),
    (None, "/api/v1/coverage", 19),
    (None, "/api/v1/coverage?donor={donor}&type=workshop", 22),
    (None, "/api/v1/profiles/" + HOME, 14),
    ("parliament", "/api/v1/profiles/" + HOME + "/contacts", 6),
    ("staff", "/api/v1/participations?per_page={per_page}", 12),
    ("staff", "/api/v1/participations?chamber=" + HOME + "&role=beneficiary", 12),
    (None, "/api/v1/countries", 5),
    (None, "/api/v1/countries/SWE", 5),
    (None, "/api/v1/classifications", 6),
    (None, "/api/v1/areas", 3),
    (None, "/api/v1/coverage/matrix?per_page={per_page}", 7),
    (None, "/api/v1/coverage/gaps?per_page={per_page}&area=research", 15),
    (None, "/api/v1/coordination/overlaps?per_page={per_page}&window=24", 12),
    (None, "/api/v1/capacity", 7),
    ("staff", "/api/v1/profiles/" + HOME, 17),
    (None, "/api/v1/openapi.json", 2),
]


@functools.cache
def _password_hash() -> str:  # argon2 is slow by design: hashed once for the hundreds of accounts
    return hash_password(factories.PASSWORD)


def _chamber(i: int):
    iso2 = "SE" if i == 0 else ISO2[i % len(ISO2)]
    kind = ("unicameral", "lower", "upper")[i % 3]
    return factories.make_chamber(f"{iso2}-{i}", kind, name=f"Chamber {i}")


def _user(role: str, i: int, chambers=(), donor=None) -> User:
    return User(email=f"{role}-{i}@example.org", name=f"{role} {i}", role=role, password_hash=_password_hash(),
                chambers=list(chambers), donor=donor, last_login_at=dt.datetime(2024, 1, 1) if i % 2 else None)


class World:
    """Rows of every kind, grown in place: `grow(n)` makes n chambers, activities, donors, reports, feedback,
    assessments, contacts, users and audit records (the home chamber takes part in every activity)."""

    def __init__(self):
        self.size = 0
        self.chambers, self.activities, self.donors = [], [], []
        self.report_id = None

    def grow(self, n: int) -> None:
        for i in range(self.size, n):
            self.chambers.append(_chamber(i))
            self.donors.append(factories.make_donor(f"Donor {i}"))
        questions = list(db.session.scalars(db.select(AssessmentQuestion)))
        for i in range(self.size, n):
            home, other, third = self.chambers[0], self.chambers[i], self.chambers[(i + 1) % n]
            activity = Activity(title=f"Activity {i}", ref=f"A-{i}", area=factories.area(AREAS[i % 4]),
                                lead_organisation=factories.home_organisation(),
                                activity_type=ACTIVITY_TYPES[i % len(ACTIVITY_TYPES)],
                                start_date=dt.date(2005 + i % 10, 1 + i % 12, 1),
                                end_date=dt.date(2005 + i % 10, 1 + i % 12, 2),
                                donors=[self.donors[i], self.donors[(i + 1) % n]],
                                deleted_at=dt.datetime(2020, 1, 1) if i % 7 == 3 else None)
            statuses = ("claimed", "confirmed", "disputed")
            activity.participations = [
                Participation(chamber=c, role="expert" if j == 2 and i % 2 else "beneficiary", participants=3,
                              women=j, status=statuses[(i + j) % 3])
                for j, c in enumerate(dict.fromkeys((home, other, third)))]
            db.session.add(activity)
            db.session.flush()
            self.activities.append(activity)
            participation = activity.participations[0]
            staff = _user("staff", i)
            parliament = _user("parliament", i, chambers=dict.fromkeys((other, home)))
            dispute = ParticipationReport(kind="dispute", chamber_id=home.id, participation_id=participation.id,
                                          activity_id=activity.id, note=f"note {i}", created_by=parliament)
            db.session.add_all([staff, parliament, dispute,
                Feedback(activity_id=activity.id, chamber_id=home.id, usefulness=1 + i % 5, follow_up="more"),
                ParticipationReport(kind="missing", chamber_id=other.id, missing_activity=f"Webinar {i}",
                                    created_by=parliament),
                ChamberContact(chamber_id=home.id, name=f"Contact {i}", email=f"c{i}@example.org"),
                _user("donor", i, donor=self.donors[i]),
                AuditRecord(entity_type="activities", entity_id=activity.id, entity_label=activity.title,
                            action="create", after={"title": activity.title}, user=staff),
            ])
            if i:  # the home chamber's own assessment is made once, below
                assessment = Assessment(chamber_id=other.id, year=2024, status="submitted")
                assessment.answers = [AssessmentAnswer(question_id=q.id, score=i % 4) for q in questions]
                db.session.add(assessment)
        for i in range(max(self.size, 2), n):  # the first activity grows too: every chamber takes part
            first = self.activities[0]
            db.session.add_all([Participation(activity_id=first.id, chamber=self.chambers[i], participants=1),
                                Feedback(activity_id=first.id, chamber_id=self.chambers[i].id, usefulness=3)])
        if not self.size:
            assessment = Assessment(chamber_id=self.chambers[0].id, year=2024, status="draft")
            assessment.answers = [AssessmentAnswer(question_id=q.id, score=1) for q in questions]
            db.session.add(assessment)
        db.session.commit()
        self.report_id = self.report_id or dispute.id
        self.size = n


@pytest.fixture
def world(make_app):
    # the report cache off, so every dashboard request counts its queries rather than one cache lookup
    app = make_app(COVERAGE_CACHE_SIZE=0)
    with app.app_context():
        yield app, World()


def _clients(app, world) -> dict:
    clients = {None: SeparateClient(app, app.response_class, use_cookies=True),
               "staff": signed_in(app, "staff"), "admin": signed_in(app, "admin"),
               "parliament": signed_in(app, "parliament", chamber=world.chambers[0]),
               "donor": signed_in(app, "donor", donor=world.donors[0]),
               "member": signed_in(app, "parliament", chamber=world.chambers[1])}
    return clients


def _measure(count_statements, clients, world, per_page: int) -> dict:
    """The statements of every route (the account speaking for many chambers first given them all)."""
    clients["member"].user.chambers = list(world.chambers)
    db.session.commit()
    values = {"per_page": per_page, "activity": world.activities[0].id, "donor": world.donors[0].id,
              "report": world.report_id, "user": clients["member"].user.id}
    counts = {}
    for role, path, _bound in ROUTES:
        response, log = count_statements(clients[role], path.format(**values))
        assert response.status_code == 200, (role, path, response.status_code)
        counts[role, path] = log.statements
    return counts


def test_statements_per_request_do_not_grow_with_the_data(world, count_statements):
    app, world = world
    world.grow(SMALL)
    clients = _clients(app, world)
    small = _measure(count_statements, clients, world, per_page=10)
    world.grow(LARGE)
    large = _measure(count_statements, clients, world, per_page=200)
    wrong = [f"{role or 'anonymous'} {path}: {len(small[role, path])} statements with {SMALL} rows, "
             f"{len(large[role, path])} with {LARGE} (bound {bound})"
             for role, path, bound in ROUTES
             if len(large[role, path]) != len(small[role, path]) or len(large[role, path]) > bound]
    assert not wrong, "\n".join(wrong)


def _lazy_count() -> int:
    """Statements of a loop that loads each activity's participations lazily (what the activities page once did)."""
    with statement_log() as log:
        for activity in db.session.scalars(db.select(Activity)):
            db.session.expire(activity, ["participations"])
            len(activity.participations)
    return len(log)


def test_the_counter_sees_a_query_per_row(world):
    """The measure itself: a query per row shows as a count that grows by one per added row."""
    _app, world = world
    world.grow(SMALL)
    small = _lazy_count()
    world.grow(LARGE)
    assert _lazy_count() - small == LARGE - SMALL


def test_reloading_the_registry_reads_it_in_a_fixed_number_of_statements(app):
    """`flask registry load` on an unchanged registry (278 chambers, 194 countries): not a statement per row."""
    load_registry()
    db.session.expire_all()
    with statement_log() as log:
        load_registry()
    assert len(log) <= 9
