"""Who may use the open-data routes: everyone while the dashboards are public (the default). An unknown table
(/data/users.csv) matches no route: tests/api/test_openapi.py shows its 404 is the one error body."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
ALL_400 = {role: 400 for role in ALL_200}

RULES = [
    ("GET", "/api/v1/iati/activities.xml", ALL_200),
    ("GET", "/api/v1/iati/activities.xml?year=1700", ALL_400),
    ("GET", "/data/datapackage.json", ALL_200),
    ("GET", "/data/chambers.csv", ALL_200),
    ("GET", "/data/participations.csv?hxl=1", ALL_200),
    ("GET", "/data/coverage.xlsx", ALL_200),
    ("GET", "/data/chambers.csv?hxl=2", ALL_400),
]
