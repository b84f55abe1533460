"""Fixtures for the activity tests: a signed-in staff client and a POST helper that sends the real CSRF token."""

import pytest

from tests import factories
from tests.conftest import read_csrf_token


@pytest.fixture
def chambers(app):
    """FR-LC, FR-UC (bicameral France), KE-LC and ML-LC (unicameral Mali)."""
    return {code: factories.make_chamber(code, kind, official_names=official) for code, kind, official in (
        ("FR-LC", "lower", "Assemblée nationale"), ("FR-UC", "upper", "Sénat"), ("KE-LC", "lower", ""),
        ("ML-LC", "unicameral", "Assemblée nationale du Mali"))}


@pytest.fixture
def staff(login_as):
    return login_as("staff")


@pytest.fixture
def post(client):
    def _post(path, data, **kwargs):
        return client.post(path, data={**data, "csrf_token": read_csrf_token(client, "/activities/new")}, **kwargs)

    return _post


def activity_data(**overrides) -> dict:
    data = {"title": "Workshop on open data", "area": "awareness", "activity_type": "workshop",
            "start_date": "2012-03-05", "end_date": "2012-03-07", "venue": "Nairobi", "role": "beneficiary"}
    data.update(overrides)
    return data
