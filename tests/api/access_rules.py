"""Who may use the API and operations routes."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}

RULES = [
    ("GET", "/healthz", ALL_200),
    ("GET", "/api/v1/chambers", ALL_200),
    ("GET", "/api/v1/chambers?status=asleep", {r: 400 for r in ALL_200}),
    ("GET", "/api/v1/chambers/{chamber}", ALL_200),
    ("GET", "/api/v1/chambers/ZZ-LC", {r: 404 for r in ALL_200}),
]

RULES += [
    ("GET", "/api/v1/coverage", ALL_200),
    ("GET", "/api/v1/coverage?from=2000&to=2020&donor={donor}", ALL_200),
]

# Activities: staff and admin only; JSON 401/403 for everyone else.
STAFF_JSON = {"anon": 401, "admin": 200, "staff": 200, "parliament": 403, "donor": 403}
RULES += [
    ("GET", "/api/v1/activities", STAFF_JSON),
    ("GET", "/api/v1/activities?year=1700", {**STAFF_JSON, "admin": 400, "staff": 400}),
    ("GET", "/api/v1/activities/{activity}", STAFF_JSON),
    ("GET", "/api/v1/activities/{deleted_activity}", {**STAFF_JSON, "admin": 404, "staff": 404}),
    ("GET", "/api/v1/participations", STAFF_JSON),
    ("GET", "/api/v1/participations?role=host", {**STAFF_JSON, "admin": 400, "staff": 400}),
]

# The vocabularies, the registry's countries and the API's own description: open to everyone, always.
RULES += [
    ("GET", "/api/v1/openapi.json", ALL_200),
    ("GET", "/api/v1/docs", ALL_200),
    ("GET", "/api/v1/areas", ALL_200),
    ("GET", "/api/v1/classifications", ALL_200),
    ("GET", "/api/v1/countries", ALL_200),
    ("GET", "/api/v1/countries/FRA", ALL_200),
    ("GET", "/api/v1/countries/ZZZ", {r: 404 for r in ALL_200}),
    ("GET", "/api/v1/chambers?q=" + "x" * 101, {r: 400 for r in ALL_200}),
]

# Open data: everyone while the dashboards are public (the default).
RULES += [
    ("GET", "/api/v1/coverage/matrix", ALL_200),
    ("GET", "/api/v1/coverage/matrix?per_page=0", {r: 400 for r in ALL_200}),
    ("GET", "/api/v1/coverage/gaps?area=nowhere", {r: 400 for r in ALL_200}),
    ("GET", "/api/v1/coverage/gaps", ALL_200),
    ("GET", "/api/v1/capacity", ALL_200),
    ("GET", "/api/v1/coordination/overlaps", ALL_200),
    ("GET", "/api/v1/coordination/overlaps?window=121", {r: 400 for r in ALL_200}),
    ("GET", "/api/v1/coordination/overlaps?organisation=999999", {r: 400 for r in ALL_200}),
]

# The profiles' API routes are in tests/profiles/access_rules.py.
