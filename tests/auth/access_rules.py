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
    # the account page: every signed-in user, for their own account only
    ("GET", "/account", SIGNED_IN),
    ("POST", "/account/sessions/end", {"anon": 302, "admin": 302, "staff": 302, "parliament": 302, "donor": 302}),
    ("POST", "/account/tokens", {"anon": 302, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}),
    ("POST", "/account/tokens", {"anon": 302, "admin": 201, "staff": 201, "parliament": 201, "donor": 201},
     {"name": "script"}),
    ("POST", "/account/tokens/999999/revoke", {"anon": 302, "admin": 404, "staff": 404, "parliament": 404,
                                              "donor": 404}),
    # the language switcher: anyone (a signed-in user's choice is kept in the account too)
    ("POST", "/language", {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400},
     {"lang": "xx"}),
    ("POST", "/language", {"anon": 303, "admin": 303, "staff": 303, "parliament": 303, "donor": 303},
     {"lang": "en", "next": "/chambers"}),
    ("POST", "/logout", {"anon": 302, "admin": 302, "staff": 302, "parliament": 302, "donor": 302}),
]
