"""Who may use the mail, reset and invitation routes (a link's token is refused here: it is not a real one)."""

ALL = {"anon": 200, "admin": 200, "staff": 200, "parliament": 200, "donor": 200}
ALL_400 = {"anon": 400, "admin": 400, "staff": 400, "parliament": 400, "donor": 400}
ADMIN = {"anon": 302, "admin": 200, "staff": 403, "parliament": 403, "donor": 403}
STAFF = {"anon": 302, "admin": 200, "staff": 200, "parliament": 403, "donor": 403}

RULES = [
    ("GET", "/admin/mail", ADMIN),
    ("GET", "/admin/mail?status=bogus", {"anon": 302, "admin": 400, "staff": 403, "parliament": 403, "donor": 403}),
    ("GET", "/password/forgot", ALL),
    ("POST", "/password/forgot", ALL_400),  # no address: the form says so
    ("GET", "/password/reset/not-a-token", ALL_400),
    ("POST", "/password/reset/not-a-token", ALL_400),
    ("GET", "/invitations/not-a-token", ALL_400),
    ("POST", "/invitations/not-a-token", ALL_400),
    ("GET", "/invitations/new", STAFF),
    ("POST", "/invitations/new", {"anon": 302, "admin": 400, "staff": 400, "parliament": 403, "donor": 403}),
]
