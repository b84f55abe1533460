"""Who may use the organisation screens and an organisation's staff pages ({donor} is an organisation that is not
the home one; {user} a staff account of the home organisation). The organisation admins' rules, another
organisation's ids included, are in test_staff.py: they are not one of the table's roles."""

ADMIN = {"anon": 302, "admin": 200, "staff": 403, "parliament": 403, "donor": 403}
ADMIN_BAD_FORM = {"anon": 302, "admin": 400, "staff": 403, "parliament": 403, "donor": 403}
ADMIN_REDIRECT = {"anon": 302, "admin": 302, "staff": 403, "parliament": 403, "donor": 403}

RULES = [
    ("GET", "/admin/organisations", ADMIN),
    ("GET", "/admin/organisations/new", ADMIN),
    ("POST", "/admin/organisations/new", ADMIN_BAD_FORM, {"name": "", "org_type": "ngo"}),
    ("GET", "/admin/organisations/{donor}/edit", ADMIN),
    ("GET", "/admin/organisations/999999/edit", {"anon": 302, "admin": 404, "staff": 403, "parliament": 403,
                                                 "donor": 403}),
    ("POST", "/admin/organisations/{donor}/edit", ADMIN_BAD_FORM, {"name": "", "org_type": "ngo"}),
    ("GET", "/organisation/staff", ADMIN_REDIRECT),
    ("GET", "/organisations/{donor}/staff", ADMIN),
    ("GET", "/organisations/999999/staff", {"anon": 302, "admin": 404, "staff": 403, "parliament": 403,
                                            "donor": 403}),
    ("GET", "/organisations/{donor}/staff/new", ADMIN),
    ("POST", "/organisations/{donor}/staff/new", ADMIN_BAD_FORM, {"email": "not an address"}),
    # the target is enabled already and not an organisation admin: the admin's posts change nothing
    ("POST", "/organisations/staff/{user}/enabled", ADMIN_REDIRECT, {"value": "1"}),
    ("POST", "/organisations/staff/{user}/enabled", ADMIN_BAD_FORM, {"value": "maybe"}),
    ("POST", "/organisations/staff/{user}/org-admin", ADMIN_REDIRECT, {"value": "0"}),
    ("POST", "/organisations/staff/999999/org-admin", {"anon": 302, "admin": 404, "staff": 403, "parliament": 403,
                                                       "donor": 403}, {"value": "0"}),
]
