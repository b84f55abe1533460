"""Every route, tried by every role and by an anonymous visitor, answers the status its rule expects.

Each feature lists its routes in tests/<feature>/access_rules.py as RULES: (method, path, expected) where
path may hold {placeholders} filled from the world built below and expected maps each of ROLES to a status.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import tests
from tests import factories
from tests.conftest import read_csrf_token
from tests.profiles import factories as profile_factories

ROLES = ("anon", "admin", "staff", "parliament", "donor")
SKIP_ENDPOINTS = {"static", "bootstrap.static"}


def _all_rules():
    rules = []
    for info in pkgutil.iter_modules([str(Path(tests.__file__).parent)]):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{info.name}.access_rules")
        except ModuleNotFoundError:
            continue
        rules.extend(module.RULES)
    return rules


# Signing out changes who the client is, so it is tried last.
RULES = sorted(_all_rules(), key=lambda rule: rule[1] == "/logout")


def build_world():
    """The rows the placeholders refer to: the signed-in parliament account speaks for FR-LC."""
    own = factories.make_chamber("FR-LC", "lower")
    other = factories.make_chamber("KE-LC", "lower")
    factories.make_chamber("FR-UC", "upper")
    donor = factories.make_donor("European Commission")
    activity = factories.make_activity(chambers=[own, other], donors=[donor])
    deleted = factories.make_activity(title="Deleted", chambers=[other], deleted=True)
    target = factories.make_user("staff", email="target@example.org")
    profile_rows = {
        "contact": profile_factories.make_contact(own), "other_contact": profile_factories.make_contact(other),
        "report": profile_factories.make_report(own), "assessment": profile_factories.make_assessment(own, 2024),
        "question": profile_factories.questions()[0],
        # the profile rules' own activity: other features' rules delete {activity} and restore {deleted_activity}
        "rated_activity": factories.make_activity(title="Rated", chambers=[own]),
    }
    # the activity rules' own rows to delete, restore and remove chambers from, leaving the shared ones intact
    spares = {"spare": factories.make_activity(title="Spare", chambers=[other]),
              "spare_deleted": factories.make_activity(title="Spare deleted", chambers=[other], deleted=True)}
    return {"own": own, "other": other, "donor": donor, "activity": activity, "deleted": deleted, "user": target,
            "alias": factories.make_alias(), **profile_rows, **spares}


def _placeholders(world) -> dict:
    return {
        "chamber": world["own"].code, "other_chamber": world["other"].code, "donor": world["donor"].id,
        "activity": world["activity"].id, "deleted_activity": world["deleted"].id, "user": world["user"].id,
        "participation": world["activity"].participations[0].id,
        "other_participation": world["activity"].participations[1].id,
        "spare_activity": world["spare"].id, "spare_deleted_activity": world["spare_deleted"].id,
        "spare_participation": world["spare"].participations[0].id,
        "contact": world["contact"].id, "other_contact": world["other_contact"].id, "report": world["report"].id,
        "year": world["assessment"].year, "question": world["question"].id,
        "rated_activity": world["rated_activity"].id, "alias": world["alias"].id,
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_each_role_as_its_rule_says(app, client, role):
    world = build_world()
    if role != "anon":
        user = factories.make_user(role, chambers=[world["own"]] if role == "parliament" else None,
                                   donor=world["donor"] if role == "donor" else None)
        client.post("/login", data={"email": user.email, "password": factories.PASSWORD,
                                    "csrf_token": read_csrf_token(client)})
    values = _placeholders(world)
    failures = []
    for method, path, expected, *rest in RULES:
        data = dict(rest[0]) if rest else {}
        url = path.format(**values)
        if method == "POST":
            data["csrf_token"] = read_csrf_token(client)
            response = client.post(url, data=data)
        else:
            response = client.get(url)
        if response.status_code != expected[role]:
            failures.append(f"{method} {url}: expected {expected[role]}, got {response.status_code}")
    assert not failures, "\n".join(failures)


def test_every_route_has_a_rule(app):
    """A new route without an access rule fails the build."""
    adapter = app.url_map.bind("localhost")
    values = {"chamber": "FR-LC", "other_chamber": "KE-LC", "donor": 1, "activity": 1, "deleted_activity": 2,
              "user": 1, "participation": 1, "other_participation": 2, "contact": 1, "other_contact": 2,
              "report": 1, "year": 2024, "question": 1, "rated_activity": 3,
              "spare_activity": 4, "spare_deleted_activity": 5, "spare_participation": 4, "alias": 1}
    covered = set()
    for method, path, expected, *_ in RULES:
        assert set(expected) == set(ROLES), f"{method} {path} must give a status for each of {ROLES}"
        endpoint, _ = adapter.match(path.split("?")[0].format(**values), method=method)
        covered.add((endpoint, method))
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIP_ENDPOINTS:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if (rule.endpoint, method) not in covered:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert not missing, "routes without an access rule:\n" + "\n".join(sorted(missing))


def test_every_view_declares_who_may_use_it(app):
    undeclared = [name for name, view in app.view_functions.items()
                  if name not in SKIP_ENDPOINTS and not hasattr(view, "access")]
    assert not undeclared, f"views without role_required/public: {undeclared}"


# Row-level rules between organisations on one public centre activity, by the organisation of the signed-in staff:
# (status while the lead keeps editing to itself, status once it lets its partners edit). Changes that succeed come
# last (the bin).
EDITS = {"lead": (200, 200), "implementing": (403, 200), "co_organising": (403, 200), "funding": (403, 403),
         "other": (403, 403)}
REFUSED = {relation: tuple(400 if s == 200 else s for s in statuses) for relation, statuses in EDITS.items()}
PARTNER_RULES = [
    ("GET", "/activities/{a}", dict.fromkeys(EDITS, (200, 200))),
    ("GET", "/activities/{a}/edit", EDITS),
    ("POST", "/activities/{a}/edit", REFUSED, {"title": ""}),
    ("GET", "/activities/{a}/participations/new", EDITS),
    ("POST", "/activities/{a}/participations/new", REFUSED, {"chambers": "XX-LC", "role": "beneficiary"}),
    ("GET", "/activities/{a}/participations/{p}/edit", EDITS),
    ("POST", "/activities/{a}/participations/{p}/edit", REFUSED,
     {"role": "beneficiary", "participants": "2", "women": "5"}),
    ("POST", "/activities/{a}/delete", {**dict.fromkeys(EDITS, (403, 403)), "lead": (302, 302)}),
]


@pytest.mark.parametrize("may_edit", [False, True])
@pytest.mark.parametrize("relation", tuple(EDITS))
def test_each_partner_organisations_staff_get_what_the_partner_rules_say(app, client, relation, may_edit):
    from parliament_tracker.organisations.services import create_organisation, home_organisation

    orgs = {name: create_organisation(f"Org {name}", org_type="ngo") for name in EDITS if name != "lead"}
    activity = factories.make_activity(chambers=[factories.make_chamber("KE-LC")], partners_may_edit=may_edit,
                                       partners=[(orgs[r], r)
                                                 for r in ("implementing", "co_organising", "funding")])
    user = factories.make_user("staff", donor=home_organisation() if relation == "lead" else orgs[relation])
    client.post("/login", data={"email": user.email, "password": factories.PASSWORD,
                                "csrf_token": read_csrf_token(client)})
    values = {"a": activity.id, "p": activity.participations[0].id}
    failures = []
    for method, path, expected, *rest in PARTNER_RULES:
        url, want = path.format(**values), expected[relation][may_edit]
        if method == "POST":
            response = client.post(url, data={**(rest[0] if rest else {}), "csrf_token": read_csrf_token(client)})
        else:
            response = client.get(url)
        if response.status_code != want:
            failures.append(f"{method} {url}: expected {want}, got {response.status_code}")
    assert not failures, "\n".join(failures)
