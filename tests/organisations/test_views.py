"""The installation admin's organisation screens: the list with its counts, creating and changing an organisation
(its names in other languages too), refusals with a message and nothing written, and private activities kept
true in the stored coverage facts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from parliament_tracker.organisations.services import create_organisation, home_organisation
from parliament_tracker.translated import ContentTranslation, translations_for
from tests import factories
from tests.conftest import read_csrf_token

FULL = {"name": "United Nations Development Programme", "short_name": "UNDP", "org_type": "un_agency",
        "country": "", "iati_id": "XM-DAC-41114", "website": "https://www.undp.org", "activities_public": "y",
        "name_fr": "Programme des Nations unies pour le développement", "short_name_fr": "PNUD",
        "name_es": "", "short_name_es": "PNUD", "name_ar": "", "short_name_ar": ""}


def _post(client, path, **data):
    return client.post(path, data={"csrf_token": read_csrf_token(client, path), **data})


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_admin_creates_an_organisation_with_its_names_in_other_languages(client, login_as):
    admin = login_as("admin")
    response = _post(client, "/admin/organisations/new", **FULL)
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/organisations")
    undp = db.session.scalar(select(Organisation).where(Organisation.iati_id == "XM-DAC-41114"))
    assert (undp.name, undp.short_name, undp.org_type, undp.website) == (FULL["name"], "UNDP", "un_agency",
                                                                         "https://www.undp.org")
    assert undp.activities_public and not undp.is_home
    assert translations_for("organisations.name", undp.id) == {"fr": FULL["name_fr"]}
    assert translations_for("organisations.short_name", undp.id) == {"fr": "PNUD", "es": "PNUD"}
    audit = db.session.scalar(select(AuditRecord).where(AuditRecord.entity_type == "organisations",
                                                        AuditRecord.entity_id == undp.id))
    assert audit.action == "create" and audit.user_id == admin.id and audit.after["iati_id"] == "XM-DAC-41114"
    assert db.session.scalar(select(func.count()).select_from(AuditRecord).where(
        AuditRecord.entity_type == "content_translations")) == 3  # one per text written


def test_the_list_shows_type_country_visibility_and_counts(client, login_as, app):
    se = factories.make_chamber("SE-LC", "unicameral")
    riksdag = create_organisation("Sveriges riksdag", org_type="parliament", activities_public=False)
    riksdag.country = se.country
    db.session.commit()
    factories.make_activity("Riksdag seminar", chambers=[se], lead=riksdag)
    factories.make_activity("Deleted seminar", chambers=[se], lead=riksdag, deleted=True)
    factories.make_activity("Funded by them", chambers=[se], donors=[riksdag])
    factories.make_user("staff", donor=riksdag)
    factories.make_user("staff", donor=riksdag)
    login_as("admin")
    page = client.get("/admin/organisations").get_data(as_text=True)
    row = page[page.index("Sveriges riksdag"):].split("</tr>")[0]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in row.split("</td>")]
    assert "Parliament" in row and "Sweden" in row and "private" in row
    assert cells[-4:-1] == ["2", "1", "1"]  # staff accounts (a link), activities led (not deleted), partner in
    home = page[page.index(home_organisation().name):].split("</tr>")[0]
    assert "this installation" in home and "public" in home


@pytest.mark.parametrize(("field", "value", "message"), [
    ("iati_id", "UNDP 41114", "registration agency"),
    ("iati_id", "XI-IATI-GCICTP", "belongs to another organisation"),
    ("website", "ftp://undp.org", "starting with https://"),
    ("website", "www.undp.org", "starting with https://"),
    ("name", "European Commission", "exists already"),
    ("org_type", "church", "Not a valid choice"),
    ("country", "ZZ", "Not a valid choice"),
    ("chambers", "{chamber}", "Only a parliament organisation is tied to chambers"),
    ("name_fr", "x" * 201, "Field cannot be longer than 200 characters"),
])
def test_bad_input_gets_its_message_and_writes_nothing(client, login_as, field, value, message):
    chamber = factories.make_chamber("KE-LC")
    factories.make_donor("European Commission")
    home = home_organisation()
    home.iati_id = "XI-IATI-GCICTP"
    db.session.commit()
    login_as("admin")
    before = (_count(Organisation), _count(ContentTranslation), _count(AuditRecord))
    response = _post(client, "/admin/organisations/new", **{**FULL, field: value.format(chamber=chamber.id)})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert (_count(Organisation), _count(ContentTranslation), _count(AuditRecord)) == before


def test_a_post_without_the_csrf_token_is_refused(client, login_as):
    login_as("admin")
    response = client.post("/admin/organisations/new", data=FULL)
    assert response.status_code == 400 and "form expired" in response.get_data(as_text=True)
    assert db.session.scalar(select(Organisation).where(Organisation.name == FULL["name"])) is None


def test_a_parliament_organisation_is_tied_to_its_chambers(client, login_as):
    se = factories.make_chamber("SE-LC", "unicameral")
    login_as("admin")
    response = _post(client, "/admin/organisations/new", name="Sveriges riksdag", org_type="parliament",
                     country="SE", chambers=str(se.id), activities_public="y")
    assert response.status_code == 302
    riksdag = db.session.scalar(select(Organisation).where(Organisation.name == "Sveriges riksdag"))
    assert [c.code for c in riksdag.chambers] == ["SE-LC"] and riksdag.country.iso2 == "SE"
    form = client.get(f"/admin/organisations/{riksdag.id}/edit").get_data(as_text=True)
    assert f'<option selected value="{se.id}">' in form or f'value="{se.id}" selected' in form


def test_making_an_organisations_activities_private_keeps_the_coverage_facts_true(client, login_as, runner):
    ke = factories.make_chamber("KE-LC")
    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    factories.make_activity("WFD workshop", chambers=[ke], lead=wfd)
    public = client.get("/api/v1/coverage").get_json()
    login_as("admin")
    response = _post(client, f"/admin/organisations/{wfd.id}/edit", name=wfd.name, short_name="WFD", org_type="ngo",
                     country="")
    assert response.status_code == 302  # activities_public left unticked: private
    db.session.expire_all()
    assert db.session.get(Organisation, wfd.id).activities_public is False
    assert runner.invoke(args=["coverage", "check"]).exit_code == 0
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    assert client.get("/api/v1/coverage").get_json() != public  # the public numbers no longer hold its workshop


def test_the_home_organisation_keeps_its_activities_public(client, login_as):
    home = home_organisation()
    login_as("admin")
    response = _post(client, f"/admin/organisations/{home.id}/edit", name=home.name, org_type=home.org_type,
                     country="")
    assert response.status_code == 400
    assert "keeps its activities public" in response.get_data(as_text=True)
    db.session.expire_all()
    assert home_organisation().activities_public is True


def test_an_unknown_organisation_is_a_404(client, login_as):
    login_as("admin")
    assert client.get("/admin/organisations/999999/edit").status_code == 404
    assert _post(client, "/admin/organisations/999999/edit", **FULL).status_code == 404
