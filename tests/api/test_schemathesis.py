"""schemathesis' property-based tests over every operation of the OpenAPI document, as an anonymous visitor
and as staff (a bearer token): generated parameters, valid ones (with the seeded codes in the path, and without)
and invalid ones; no answer is a server error and every answer matches its documented schema, status and
content type. Examples are few per operation (a whole run stays well under two minutes on two cores)."""

from __future__ import annotations

import datetime as dt

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from parliament_tracker.auth.tokens import create_token
from tests import factories
from tests.profiles import factories as profile_factories

# examples per operation and way of generating: enough to try each enum and bound, small enough to stay fast
EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 6}
KNOWN = {"code": "FR-LC", "iso": "FRA", "name": "participations", "fmt": "csv"}
# Values that must exist (an area, a donor id, an IPU group, a year with activities) are documented by their form,
# not as enums of today's rows: a well-formed value that names nothing is a 400 by design (as on the pages), which
# this check would count as a schema-valid request rejected.
# And the two security schemes are alternatives (a session cookie or a bearer token): with the staff token sent,
# the cookie schemathesis makes up is rightly ignored, which its auth check reads as "invalid auth accepted".
# tests/auth/test_tokens.py proves that a missing, unknown, revoked or expired token is a 401.
NOT_CHECKED = [positive_data_acceptance, ignored_auth]


def _world():
    """A little of everything the API shows: a bicameral and a unicameral parliament, activities with donors,
    an activity in the bin, contacts and a submitted self-assessment."""
    lower, upper = factories.make_chamber("FR-LC", "lower"), factories.make_chamber("FR-UC", "upper")
    kenya = factories.make_chamber("KE-LC", "unicameral")
    donor = factories.make_donor("UNDP")
    activity = factories.make_activity(chambers=[lower, kenya], donors=[donor], start=dt.date(2012, 3, 5),
                                       participants=4, women=2)
    factories.make_activity(title="Study", area_code="research", chambers=[upper], start=dt.date(2010, 1, 1))
    factories.make_activity(title="Binned", chambers=[kenya], deleted=True)
    profile_factories.make_contact(lower)
    profile_factories.make_assessment(lower, 2024, status="submitted", score=3)
    return {"activity_id": activity.id}


def _check(operation, mode: GenerationMode, headers: dict, path_parameters: dict | None):
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters,
                                            headers=headers))
    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call()
        assert response.status_code < 500, (case.path, case.query, response.text[:500])
        case.validate_response(response, excluded_checks=NOT_CHECKED)

    try:
        run()
    except Unsatisfiable:
        # only in negative mode: every parameter takes any string (a code in the path), nothing is invalid
        assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_every_operation_answers_as_documented(make_app, who):
    app = make_app()
    # the WSGI transport does not undo Content-Encoding, which the app uses for large answers
    headers = {"Accept-Encoding": "identity"}
    with app.app_context():  # only to seed: each request then has its own context (and g), as in production
        known = {**KNOWN, "activity_id": _world()["activity_id"]}
        if who == "staff":
            _token, secret = create_token(factories.make_user("staff"), "schemathesis")
            headers["Authorization"] = f"Bearer {secret}"
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        names = {p.name for p in operation.path_parameters}
        for mode in EXAMPLES:
            _check(operation, mode, headers, None)
            if names:
                _check(operation, mode, headers, {name: known[name] for name in names})
