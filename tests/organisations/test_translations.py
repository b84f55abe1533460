"""An organisation's names in the reader's language, written by the admin on its form, and the English, marked as
such, where a language has none. Each request here has its own app context, as in production, so that the language
is chosen per request."""

from __future__ import annotations

import pytest

from parliament_tracker.extensions import db
from parliament_tracker.organisations.services import create_organisation
from parliament_tracker.translated import translations_for
from tests import factories
from tests.conftest import read_csrf_token
from tests.organisations.test_views import FULL


@pytest.fixture
def own_app(make_app):
    return make_app()


def _post(client, path, **data):
    return client.post(path, data={"csrf_token": read_csrf_token(client, path), **data})


def test_names_in_the_readers_language_else_the_english_marked(own_app):
    client = own_app.test_client()
    with own_app.app_context():
        undp_id = create_organisation("United Nations Development Programme", org_type="un_agency").id
        admin = factories.make_user("admin")
        client.post("/login", data={"email": admin.email, "password": factories.PASSWORD,
                                    "csrf_token": read_csrf_token(client)})
    assert _post(client, f"/admin/organisations/{undp_id}/edit?lang=en", **{**FULL, "iati_id": ""}).status_code == 302
    french = client.get("/admin/organisations?lang=fr").get_data(as_text=True)
    assert '<span lang="fr">Programme des Nations unies pour le développement</span>' in french
    spanish = client.get("/admin/organisations?lang=es").get_data(as_text=True)
    assert '<span lang="en">United Nations Development Programme</span> <abbr class="name-fallback"' in spanish
    assert '<span lang="es">PNUD</span>' in spanish
    form = client.get(f"/admin/organisations/{undp_id}/edit?lang=en").get_data(as_text=True)
    assert 'value="Programme des Nations unies pour le développement"' in form and 'lang="ar" dir="rtl"' in form
    # an emptied translation is removed: French readers get the English again
    _post(client, f"/admin/organisations/{undp_id}/edit?lang=en", **{**FULL, "iati_id": "", "name_fr": ""})
    with own_app.app_context():
        assert translations_for("organisations.name", undp_id) == {}
        db.session.remove()
    french = client.get("/admin/organisations?lang=fr").get_data(as_text=True)
    assert '<span lang="en">United Nations Development Programme</span> <abbr' in french
