"""Who may use the activity routes: staff and admin only; parliament and donor accounts never write."""

STAFF_200 = {"anon": 302, "admin": 200, "staff": 200, "parliament": 403, "donor": 403}
STAFF_302 = {"anon": 302, "admin": 302, "staff": 302, "parliament": 403, "donor": 403}
STAFF_400 = {"anon": 302, "admin": 400, "staff": 400, "parliament": 403, "donor": 403}
STAFF_404 = {"anon": 302, "admin": 404, "staff": 404, "parliament": 403, "donor": 403}
ADMIN_200 = {"anon": 302, "admin": 200, "staff": 403, "parliament": 403, "donor": 403}

RULES = [
    ("GET", "/activities/", STAFF_200),
    ("GET", "/activities/?year=1700", STAFF_400),
    ("GET", "/activities/bin", STAFF_200),
    ("GET", "/activities/{activity}", STAFF_200),
    ("GET", "/activities/{deleted_activity}", STAFF_200),
    ("GET", "/activities/999999", STAFF_404),
    ("GET", "/activities/new", STAFF_200),
    ("POST", "/activities/new", STAFF_400, {"title": ""}),
    ("GET", "/activities/{activity}/edit", STAFF_200),
    ("GET", "/activities/{deleted_activity}/edit", STAFF_404),
    ("POST", "/activities/{activity}/edit", STAFF_400, {"title": ""}),
    ("GET", "/activities/chambers/search?q=france", STAFF_200),
    ("GET", "/activities/{activity}/participations/new", STAFF_200),
    ("POST", "/activities/{activity}/participations/new", STAFF_400, {"chambers": "FR-LC", "role": "beneficiary"}),
    ("GET", "/activities/{activity}/participations/{participation}/edit", STAFF_200),
    ("POST", "/activities/{activity}/participations/{participation}/edit", STAFF_400,
     {"role": "beneficiary", "participants": "2", "women": "5"}),
    ("GET", "/activities/audit", ADMIN_200),
    ("GET", "/activities/audit?date_from=notadate", {"anon": 302, "admin": 400, "staff": 403, "parliament": 403,
                                                      "donor": 403}),
    # Changes that succeed use the spare rows, leaving the shared ones as other features' rules expect them.
    ("POST", "/activities/{spare_deleted_activity}/restore", STAFF_302),
    ("POST", "/activities/{spare_activity}/participations/{spare_participation}/delete", STAFF_302),
    ("POST", "/activities/{spare_activity}/delete", STAFF_302),
]

RULES += [
    ("GET", "/activities/import", STAFF_200),
    ("POST", "/activities/import", STAFF_400, {}),
    ("GET", "/activities/import/template.csv", STAFF_200),
    ("POST", "/activities/import/commit", STAFF_302, {"token": "x" * 32}),
]
# The preview's own routes: without a pending upload every one sends the person back to the upload page.
RULES += [
    ("GET", "/activities/import/preview", STAFF_302),
    ("GET", "/activities/import/status.json", STAFF_200),
    ("POST", "/activities/import/choose", STAFF_302, {"token": "x" * 32, "column": "type", "value": "x"}),
    ("POST", "/activities/import/exclude", STAFF_302, {"token": "x" * 32, "action": "refused"}),
    ("GET", "/activities/import/left-out.csv", STAFF_302),
    ("GET", "/activities/import/left-out.xlsx", STAFF_302),
    ("GET", "/activities/import/aliases", STAFF_200),
    ("GET", "/activities/import/aliases.csv", STAFF_200),
    ("GET", "/activities/import/aliases/{alias}/edit", STAFF_200),
    ("GET", "/activities/import/aliases/999999/edit", STAFF_404),
    ("POST", "/activities/import/aliases/{alias}/edit", STAFF_400, {"target": "NOWHERE"}),
    ("POST", "/activities/import/aliases/999999/delete", {"anon": 302, "admin": 404, "staff": 403, "parliament": 403,
                                                          "donor": 403}),
    ("POST", "/activities/import/aliases/{alias}/delete", {"anon": 302, "admin": 302, "staff": 403, "parliament": 403,
                                                           "donor": 403}),
]
RULES += [
    ("GET", "/activities/export.csv", STAFF_200),
    ("GET", "/activities/export.csv?year=1700", STAFF_400),
    ("GET", "/activities/export.xlsx", STAFF_200),
    ("GET", "/activities/export.xlsx?year=1700", STAFF_400),
]
