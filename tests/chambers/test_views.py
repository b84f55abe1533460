"""The registry page and the chamber page."""

import datetime as dt

from tests import factories


def test_registry_lists_and_filters_chambers(client):
    factories.make_chamber("FR-LC", "lower", name="National Assembly", official_names="Assemblée nationale")
    factories.make_chamber("FR-UC", "upper")
    factories.make_chamber("KE-LC", "lower")
    page = client.get("/chambers/").get_data(as_text=True)
    assert "3 chambers" in page and "Assemblée nationale" in page
    filtered = client.get("/chambers/?q=ASSEMBLEE&region=Europe").get_data(as_text=True)
    assert "1 chambers" in filtered and "FR-LC" in filtered and "KE-LC" not in filtered
    uppers = client.get("/chambers/?chamber_type=upper").get_data(as_text=True)
    assert "FR-UC" in uppers and "FR-LC" not in uppers


def test_bad_filter_values_get_a_400_not_a_500(client):
    for query in ("region=Atlantis", "income_group=rich", "chamber_type=tricameral", "status=gone",
                  "q=" + "x" * 500, "group=nope"):
        assert client.get(f"/chambers/?{query}").status_code == 400, query
    assert client.get("/chambers/export.csv?status=gone").status_code == 400


def test_chamber_page_shows_identity_and_the_other_chamber(client):
    factories.make_chamber("FR-LC", "lower", status="suspended", established=dt.date(1958, 10, 4))
    factories.make_chamber("FR-UC", "upper")
    page = client.get("/chambers/fr-lc").get_data(as_text=True)
    assert "France" in page and "Suspended" in page and "1958-10-04" in page
    assert 'href="/chambers/FR-UC"' in page


def test_unknown_chamber_is_a_friendly_404(client):
    response = client.get("/chambers/ZZ-LC")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_chamber_page_shows_its_registry_history(client, app):
    from parliament_tracker.chambers.loader import load_registry

    load_registry()
    page = client.get("/chambers/KE-LC").get_data(as_text=True)
    assert "Registry history" in page and "Added to the registry" in page
