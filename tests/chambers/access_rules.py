"""Who may use the registry routes: all public."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
ALL_400 = {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}
ALL_404 = {"anon": 404, "admin": 404, "staff": 404, "parliament": 404, "donor": 404}

RULES = [
    ("GET", "/chambers/", ALL_200),
    ("GET", "/chambers/?region=Atlantis", ALL_400),
    ("GET", "/chambers/export.csv", ALL_200),
    ("GET", "/chambers/export.csv?hxl=1", ALL_200),
    ("GET", "/chambers/export.csv?hxl=yes", ALL_400),
    ("GET", "/chambers/export.xlsx", ALL_200),
    ("GET", "/chambers/export.xlsx?region=Atlantis", ALL_400),
    ("GET", "/chambers/datapackage.json", ALL_200),
    ("GET", "/chambers/{chamber}", ALL_200),
    ("GET", "/chambers/XX-ZZ", ALL_404),
]
