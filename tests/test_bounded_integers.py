"""A whole number of 309 digits wherever a route reads a number from the URL or a form: a 4xx with a message,
never an OverflowError or a database error (a 500), anonymously or signed in, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import read_csrf_token
from tests.test_access_control import build_world

BIG = "1" * 309
YEAR = "Give a whole number from 1900 to 2100."
WHOLE = "Give a whole number from"
CHOICE = "not a valid choice"
ACTIVITY = {"title": "A workshop", "area": "awareness", "activity_type": "workshop", "start_date": "2012-03-05",
            "chambers": "FR-LC", "role": "beneficiary"}
QUESTION = {"code": "Q-NEW", "text": "Is there a plan?", "scale": "0 = none | 1 = planned", "active": "1"}

# (method, path, the field given 309 digits, the rest of a valid form, who may use it, the message expected)
CASES = [
    ("GET", "/", "from", {}, "anon", YEAR),
    ("GET", "/", "to", {}, "anon", YEAR),
    ("GET", "/coverage/matrix", "from", {}, "anon", YEAR),
    ("GET", "/coverage/gaps", "to", {}, "anon", YEAR),
    ("GET", "/coverage/area.csv", "from", {}, "anon", YEAR),
    ("GET", "/api/v1/coverage", "from", {}, "anon", YEAR),
    ("GET", "/api/v1/coverage", "to", {"from": "2000"}, "anon", YEAR),
    ("GET", "/api/v1/coverage", "donor", {}, "anon", CHOICE),
    ("GET", "/activities/", "page", {}, "staff", WHOLE),
    ("GET", "/activities/", "year", {}, "staff", CHOICE),
    ("GET", "/activities/", "donor", {}, "staff", CHOICE),
    ("GET", "/activities/bin", "page", {}, "staff", WHOLE),
    ("GET", "/activities/export.csv", "page", {}, "staff", WHOLE),
    ("GET", "/activities/audit", "page", {}, "admin", WHOLE),
    ("GET", "/activities/audit", "user", {}, "admin", CHOICE),
    ("GET", "/api/v1/activities", "page", {}, "staff", WHOLE),
    ("GET", "/api/v1/activities", "per_page", {}, "staff", "1 to 200"),
    ("GET", "/api/v1/activities", "year", {}, "staff", CHOICE),
    ("POST", "/activities/new", "donors", ACTIVITY, "staff", "Unknown organisation."),
    ("POST", "/activities/new", "implementing", ACTIVITY, "staff", "Unknown organisation."),
    ("POST", "/activities/new", "co_organising", ACTIVITY, "staff", "Unknown organisation."),
    ("POST", "/activities/new", "lead", ACTIVITY, "admin", "Unknown organisation."),
    ("POST", "/activities/new", "preceding", ACTIVITY, "staff", "Choose another activity"),
    ("POST", "/activities/{activity}/edit", "donors", {**ACTIVITY, "version": "{version}"}, "staff",
     "Unknown organisation."),
    ("POST", "/activities/{activity}/edit", "implementing", {**ACTIVITY, "version": "{version}"}, "staff",
     "Unknown organisation."),
    ("POST", "/activities/{activity}/edit", "preceding", {**ACTIVITY, "version": "{version}"}, "staff",
     "Choose another activity"),
    ("POST", "/activities/{activity}/edit", "version", ACTIVITY, "staff", "Someone else saved this activity"),
    ("POST", "/activities/{activity}/participations/new", "participants", {"chambers": "FR-UC", "role": "beneficiary"},
     "staff", WHOLE),
    ("POST", "/activities/{activity}/participations/{participation}/edit", "women", {"role": "beneficiary"},
     "staff", WHOLE),
    ("POST", "/activities/{activity}/participations/{participation}/edit", "ict_staff", {"role": "beneficiary"},
     "staff", WHOLE),
    ("POST", "/profiles/reports/{report}", "activity", {"decision": "corrected", "role": "beneficiary"}, "staff",
     None),
    ("POST", "/profiles/reports/{report}", "participants", {"decision": "corrected", "role": "beneficiary",
                                                            "activity": "{activity}"}, "staff", WHOLE),
    ("POST", "/profiles/questions/new", "position", {**QUESTION, "category": "1"}, "admin", WHOLE),
    ("POST", "/profiles/questions/new", "category", QUESTION, "admin", CHOICE),
    ("POST", "/profiles/questions/{question}/edit", "position", {**QUESTION, "category": "1"}, "admin", WHOLE),
    ("POST", "/profiles/categories/1/edit", "position", {"label": "Strategy"}, "admin", WHOLE),
    ("POST", "/profiles/{chamber}/assessments", "year", {}, "parliament", WHOLE),
    ("POST", "/profiles/{chamber}/assessments/{year}", "score_{question}", {"version": "1"}, "parliament", CHOICE),
    ("POST", "/profiles/{chamber}/assessments/{year}", "version", {}, "parliament", None),
    ("POST", "/profiles/{chamber}/assessments/{year}/return", "version", {"comment": "Please revise."}, "staff", None),
    ("POST", "/profiles/{chamber}/participations/{participation}/feedback", "usefulness", {}, "parliament", CHOICE),
    ("POST", "/admin/users/new", "chambers", {"email": "new@example.org", "role": "parliament", "donor": ""},
     "admin", CHOICE),
    ("POST", "/admin/users/new", "donor", {"email": "new@example.org", "role": "donor"}, "admin", CHOICE),
    ("POST", "/admin/users/{user}/edit", "chambers", {"role": "parliament", "donor": ""}, "admin", CHOICE),
    ("POST", "/account/tokens", "expires_days", {"name": "script"}, "staff", WHOLE),
]


def _values(world) -> dict:
    return {"activity": world["activity"].id, "participation": world["activity"].participations[0].id,
            "report": world["report"].id, "question": world["question"].id, "chamber": world["own"].code,
            "year": world["assessment"].year, "user": world["user"].id, "version": world["activity"].version}


def _request(client, method, path, field, data, values):
    url = path.format(**values)
    data = {key.format(**values): value.format(**values) for key, value in data.items()}
    data[field.format(**values)] = BIG
    if method == "GET":
        return client.get(url, query_string=data)
    data["csrf_token"] = read_csrf_token(client, "/login")
    return client.post(url, data=data)


@pytest.mark.parametrize("role", ["admin", "staff", "parliament"])
def test_309_digits_signed_in_are_a_4xx_with_a_message(app, client, role):
    world = build_world()
    user = factories.make_user(role, chambers=[world["own"]] if role == "parliament" else None)
    client.post("/login", data={"email": user.email, "password": factories.PASSWORD,
                                "csrf_token": read_csrf_token(client)})
    values, failures, tried = _values(world), [], 0
    for method, path, field, data, may, message in CASES:
        if may not in ("anon", role) and not (may == "staff" and role == "admin"):
            continue
        tried += 1
        response = _request(client, method, path, field, data, values)
        body = response.get_data(as_text=True)
        if response.status_code not in (400, 409) or (message and message.lower() not in body.lower()):
            failures.append(f"{method} {path} {field}: {response.status_code} {body[:300]}")
        if "Traceback" in body or "Overflow" in body:
            failures.append(f"{method} {path} {field}: shows internals")
    assert tried >= 10 and not failures, "\n".join(failures)


def test_309_digits_anonymously_are_never_a_500(app, client):
    values, failures = _values(build_world()), []
    for method, path, field, data, may, _message in CASES:
        response = _request(client, method, path, field, data, values)
        expected = {400} if may == "anon" else {302, 401}  # public routes refuse the number, others ask to sign in
        if response.status_code not in expected:
            failures.append(f"{method} {path} {field}: {response.status_code}")
    assert not failures, "\n".join(failures)
