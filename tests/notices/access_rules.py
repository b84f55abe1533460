"""Who may use the notice settings: every signed-in user, for their own account."""

RULES = [
    ("GET", "/account/notices", {"anon": 302, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}),
    ("POST", "/account/notices", {"anon": 302, "admin": 302, "staff": 302, "parliament": 302, "donor": 302}),
]
