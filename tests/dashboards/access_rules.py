"""Who may use the dashboard routes: everyone, while the admin setting keeps the dashboards public."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
ALL_400 = {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}
ALL_404 = {"anon": 404, "admin": 404, "staff": 404, "parliament": 404, "donor": 404}

RULES = [
    ("GET", "/", ALL_200),
    ("GET", "/?from=2000&to=2020&area=awareness&region=Europe", ALL_200),
    ("GET", "/coverage/matrix", ALL_200),
    ("GET", "/coverage/gaps", ALL_200),
    ("GET", "/coordination", ALL_200),
    ("GET", "/coordination?window=6&from=2010&org_type=ngo", ALL_200),
    ("GET", "/coordination/overlaps.csv", ALL_200),
    ("GET", "/coordination/overlaps.xlsx?window=24", ALL_200),
    ("GET", "/coordination/overlaps.csv?window=500", ALL_400),
    ("GET", "/coordination?window=500", {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}),
    ("GET", "/coverage/funded", {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}),
    ("GET", "/coverage/area.csv", ALL_200),
    ("GET", "/coverage/area.xlsx", ALL_200),
    ("GET", "/coverage/unknown.csv", ALL_404),
    ("GET", "/coverage/unknown.xlsx", ALL_404),
    ("GET", "/assets/0/js/dashboards.js", ALL_200),
]
