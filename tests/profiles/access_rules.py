"""Who may use the profile routes. The parliament account speaks for {chamber} (FR-LC), not {other_chamber}.

POSTs send empty or invalid data where the role may write, so the answer (400) proves access without changing
the world; the rules that do change it (confirm, delete) come last.
"""


def _s(anon, admin, staff, parliament, donor):
    return {"anon": anon, "admin": admin, "staff": staff, "parliament": parliament, "donor": donor}


ALL_200 = _s(200, 200, 200, 200, 200)
ALL_404 = _s(404, 404, 404, 404, 404)
OWN_PARLIAMENT = _s(302, 403, 403, 200, 403)
OWN_PARLIAMENT_POST = _s(302, 403, 403, 400, 403)
NOT_THEIRS = _s(302, 403, 403, 403, 403)
PRIVATE = _s(302, 200, 200, 200, 403)
STAFF = _s(302, 200, 200, 403, 403)
STAFF_POST = _s(302, 400, 400, 403, 403)
ADMIN = _s(302, 200, 403, 403, 403)
ADMIN_POST = _s(302, 400, 403, 403, 403)

P = "/profiles"
RULES = [
    ("GET", P + "/{chamber}", ALL_200),
    ("GET", P + "/{other_chamber}", ALL_200),
    ("GET", P + "/XX-ZZ", ALL_404),
    ("GET", P + "/{chamber}/print", ALL_200),
    ("GET", P + "/{other_chamber}/print", ALL_200),
    ("GET", P + "/{chamber}/records.csv", ALL_200),
    ("GET", P + "/{chamber}/records.xlsx", ALL_200),
    ("GET", P + "/XX-ZZ/records.csv", ALL_404),
    ("GET", P + "/capacity", ALL_200),
    ("GET", P + "/mine", _s(302, 403, 403, 302, 403)),
    # contacts: the chamber's own parliament accounts only; another chamber's contact id is unknown here
    ("GET", P + "/{chamber}/contacts/new", OWN_PARLIAMENT),
    ("POST", P + "/{chamber}/contacts/new", OWN_PARLIAMENT_POST, {"name": "", "email": "not-an-email"}),
    ("GET", P + "/{other_chamber}/contacts/new", NOT_THEIRS),
    ("POST", P + "/{other_chamber}/contacts/new", NOT_THEIRS, {"name": "Spy", "email": "spy@example.org"}),
    ("GET", P + "/{chamber}/contacts/{contact}/edit", OWN_PARLIAMENT),
    ("POST", P + "/{chamber}/contacts/{contact}/edit", OWN_PARLIAMENT_POST, {"name": ""}),
    ("GET", P + "/{chamber}/contacts/{other_contact}/edit", _s(302, 403, 403, 404, 403)),
    ("GET", P + "/{other_chamber}/contacts/{other_contact}/edit", NOT_THEIRS),
    ("POST", P + "/{other_chamber}/contacts/{other_contact}/delete", NOT_THEIRS),
    ("POST", P + "/{chamber}/contacts/{other_contact}/delete", _s(302, 403, 403, 404, 403)),
    ("GET", P + "/{chamber}/contacts/999999/edit", _s(302, 403, 403, 404, 403)),
    # confirm, dispute, missing, feedback
    ("GET", P + "/{chamber}/participations/{participation}/dispute", OWN_PARLIAMENT),
    ("POST", P + "/{chamber}/participations/{participation}/dispute", OWN_PARLIAMENT_POST, {"note": ""}),
    ("GET", P + "/{chamber}/participations/{other_participation}/dispute", _s(302, 403, 403, 404, 403)),
    ("GET", P + "/{other_chamber}/participations/{other_participation}/dispute", NOT_THEIRS),
    ("POST", P + "/{other_chamber}/participations/{other_participation}/dispute", NOT_THEIRS, {"note": "x"}),
    ("POST", P + "/{other_chamber}/participations/{other_participation}/confirm", NOT_THEIRS),
    ("POST", P + "/{chamber}/participations/{other_participation}/confirm", _s(302, 403, 403, 404, 403)),
    ("GET", P + "/{chamber}/missing", OWN_PARLIAMENT),
    ("POST", P + "/{chamber}/missing", OWN_PARLIAMENT_POST, {"missing_activity": ""}),
    ("GET", P + "/{other_chamber}/missing", NOT_THEIRS),
    ("GET", P + "/{chamber}/participations/{participation}/feedback", OWN_PARLIAMENT),
    ("POST", P + "/{chamber}/participations/{participation}/feedback", OWN_PARLIAMENT_POST, {"usefulness": "9"}),
    ("GET", P + "/{chamber}/participations/{other_participation}/feedback", _s(302, 403, 403, 404, 403)),
    ("GET", P + "/{other_chamber}/participations/{other_participation}/feedback", NOT_THEIRS),
    ("POST", P + "/{other_chamber}/participations/{other_participation}/feedback", NOT_THEIRS, {"usefulness": "5"}),
    # staff queue and feedback
    ("GET", P + "/queue", STAFF),
    ("GET", P + "/reports/{report}", STAFF),
    ("POST", P + "/reports/{report}", STAFF_POST, {"decision": "rejected", "resolution_note": ""}),
    ("GET", P + "/reports/999999", _s(302, 404, 404, 403, 403)),
    ("GET", P + "/feedback", STAFF),
    ("GET", P + "/feedback/{rated_activity}", STAFF),
    ("GET", P + "/feedback/999999", _s(302, 404, 404, 403, 403)),
    # self-assessment
    ("GET", P + "/{chamber}/assessments", PRIVATE),
    ("GET", P + "/{other_chamber}/assessments", _s(302, 200, 200, 403, 403)),
    ("POST", P + "/{chamber}/assessments", OWN_PARLIAMENT_POST, {"year": "1990"}),
    ("POST", P + "/{other_chamber}/assessments", NOT_THEIRS, {"year": "2020"}),
    ("GET", P + "/{chamber}/assessments/{year}", PRIVATE),
    ("GET", P + "/{chamber}/assessments/1999", _s(302, 404, 404, 404, 403)),
    ("GET", P + "/{other_chamber}/assessments/{year}", _s(302, 404, 404, 403, 403)),
    ("POST", P + "/{chamber}/assessments/{year}", _s(302, 403, 403, 409, 403), {"version": "0"}),  # stale
    ("POST", P + "/{other_chamber}/assessments/{year}", _s(302, 404, 404, 403, 403), {"version": "1"}),
    ("POST", P + "/{chamber}/assessments/{year}/return", STAFF_POST, {"comment": ""}),
    ("POST", P + "/{other_chamber}/assessments/{year}/return", _s(302, 404, 404, 403, 403), {"comment": "x"}),
    # the admin's question editor
    ("GET", P + "/questions", ADMIN),
    ("GET", P + "/questions/new", ADMIN),
    ("POST", P + "/questions/new", ADMIN_POST, {"code": ""}),
    ("GET", P + "/questions/{question}/edit", ADMIN),
    ("POST", P + "/questions/{question}/edit", ADMIN_POST, {"scale": "nonsense"}),
    ("GET", P + "/questions/999999/edit", _s(302, 404, 403, 403, 403)),
    ("GET", P + "/categories/1/edit", ADMIN),
    ("POST", P + "/categories/1/edit", ADMIN_POST, {"label": ""}),
    ("GET", P + "/categories/999999/edit", _s(302, 404, 403, 403, 403)),
    ("GET", P + "/questions/{question}/translations", ADMIN),
    ("POST", P + "/questions/{question}/translations", ADMIN_POST, {"scale_fr": "nonsense = x"}),
    ("GET", P + "/questions/999999/translations", _s(302, 404, 403, 403, 403)),
    ("GET", P + "/categories/1/translations", ADMIN),
    ("POST", P + "/categories/1/translations", _s(302, 302, 403, 403, 403), {"label_fr": "Supervision"}),
    # these change the world, so they come last
    ("POST", P + "/{chamber}/participations/{participation}/confirm", _s(302, 403, 403, 302, 403)),
    ("POST", P + "/{chamber}/contacts/{contact}/delete", _s(302, 403, 403, 302, 403)),
]

RULES += [
    ("GET", "/api/v1/profiles/{chamber}", ALL_200),
    ("GET", "/api/v1/profiles/ZZ-LC", ALL_404),
    ("GET", "/api/v1/profiles/{chamber}/contacts", _s(401, 200, 200, 200, 403)),
    ("GET", "/api/v1/profiles/{other_chamber}/contacts", _s(401, 200, 200, 403, 403)),
    ("GET", "/api/v1/profiles/ZZ-LC/contacts", _s(401, 404, 404, 403, 403)),
]
RULES += [
    ("GET", P + "/capacity/region.csv", ALL_200),
    ("GET", P + "/capacity/income_group.xlsx", ALL_200),
    ("GET", P + "/capacity/before_after.csv", ALL_200),
    ("GET", P + "/capacity/nothing.csv", ALL_404),
    ("GET", P + "/capacity/region.pdf", ALL_404),
]
RULES += [
    ("GET", P + "/queue/export.csv", STAFF),
    ("GET", P + "/queue/export.xlsx", STAFF),
    ("GET", P + "/feedback/export.csv", STAFF),
    ("GET", P + "/feedback/export.xlsx", STAFF),
    ("GET", P + "/queue/export.pdf", _s(302, 404, 404, 403, 403)),
]
