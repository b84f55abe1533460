"""Who may use the dashboard routes."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}

RULES = [
    ("GET", "/", ALL_200),
]
