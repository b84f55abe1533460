"""Who may use the auth routes."""

ALL_200 = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
SIGNED_IN = {"anon": 302, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
ADMIN = {"anon": 302, "admin": 200, "staff": 403, "parliament": 403, "donor": 403}
ADMIN_BAD_FORM = {"anon": 302, "admin": 400, "staff": 403, "parliament": 403, "donor": 403}

RULES = [
    ("GET", "/login", ALL_200),
    ("POST", "/login", {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}),
    ("GET", "/account/password", SIGNED_IN),
    ("POST", "/account/password", {"anon": 302, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}),
    ("GET", "/admin/users", ADMIN),
    ("GET", "/admin/users/new", ADMIN),
    ("POST", "/admin/users/new", ADMIN_BAD_FORM),
    ("GET", "/admin/users/{user}/edit", ADMIN),
    ("POST", "/admin/users/{user}/edit", ADMIN_BAD_FORM),
    ("GET", "/admin/settings", ADMIN),
    ("POST", "/admin/settings", {"anon": 302, "admin": 302, "staff": 403, "parliament": 403, "donor": 403},
     {"public_dashboards": "y"}),
    ("POST", "/logout", {"anon": 302, "admin": 302, "staff": 302, "parliament": 302, "donor": 302}),
]
