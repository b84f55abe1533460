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
