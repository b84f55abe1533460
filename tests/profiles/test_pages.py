"""Profile pages: the public and private parts, print and CSV, contacts, and the dashboards-public setting."""

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import select

from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import ChamberContact
from parliament_tracker.settings import put_setting
from tests import factories as f
from tests.profiles.factories import SeparateClient, make_contact, post, signed_in


@pytest.fixture
def world(app):
    fr, fr_upper = f.make_chamber("FR-LC"), f.make_chamber("FR-UC", "upper")
    activity = f.make_activity("=HYPERLINK(\"x\")", "research", "research", start=dt.date(2012, 2, 1),
                               chambers=[fr], ref="R-1", participants=5, women=2)
    participation = activity.participations[0]
    participation.status_note = "checked"
    db.session.commit()
    return {"fr": fr, "upper": fr_upper, "activity": activity}


def test_public_profile_shows_identity_coverage_and_the_other_chamber(app, world):
    page = SeparateClient(app, app.response_class).get("/profiles/FR-LC").get_data(as_text=True)
    assert "/profiles/FR-UC" in page and "Coverage summary" in page and "1 of 4" in page
    assert "5, of whom 2 women, in 1 activities" in page
    assert "Contacts" not in page and "Confirm" not in page


def test_registry_page_links_to_the_profile(client, world):
    assert b'href="/profiles/FR-LC"' in client.get("/chambers/FR-LC").data


def test_csv_is_formula_safe_and_public_columns_only_for_the_public(app, world):
    public = SeparateClient(app, app.response_class).get("/profiles/FR-LC/records.csv")
    rows = list(csv.reader(io.StringIO(public.get_data(as_text=True))))
    assert rows[0][-1] == "women" and "status" not in rows[0]
    assert rows[1][:2] == ["R-1", "'=HYPERLINK(\"x\")"]
    own = signed_in(app, "parliament", world["fr"]).get("/profiles/FR-LC/records.csv")
    rows = list(csv.reader(io.StringIO(own.get_data(as_text=True))))
    assert rows[0][-2:] == ["status", "status_note"] and rows[1][-2:] == ["claimed", "checked"]


def test_print_version(app, world):
    page = SeparateClient(app, app.response_class).get("/profiles/FR-LC/print").get_data(as_text=True)
    assert "profiles.css" in page and "profile-print" in page


def test_closed_dashboards_close_the_public_profile(app, world):
    put_setting("public_dashboards", "0")
    anonymous = SeparateClient(app, app.response_class)
    for path in ("/profiles/FR-LC", "/profiles/FR-LC/print", "/profiles/FR-LC/records.csv", "/profiles/capacity"):
        assert anonymous.get(path).status_code == 302, path
    assert anonymous.get("/api/v1/profiles/FR-LC").status_code == 401
    assert signed_in(app, "donor").get("/profiles/FR-LC").status_code == 200


def test_contacts_add_edit_remove_with_errors_next_to_fields(app, world):
    client = signed_in(app, "parliament", world["fr"])
    bad = post(client, "/profiles/FR-LC/contacts/new", {"name": "", "email": "nope"})
    assert bad.status_code == 400 and b'id="name-error"' in bad.data and b'id="email-error"' in bad.data
    assert post(client, "/profiles/FR-LC/contacts/new", {"name": "Grace", "role": "Clerk",
                                                        "email": "grace@example.org"}).status_code == 302
    contact = db.session.scalar(select(ChamberContact))
    assert post(client, f"/profiles/FR-LC/contacts/{contact.id}/edit",
                {"name": "Grace H.", "email": "grace@example.org", "version": str(contact.version)}).status_code == 302
    db.session.expire_all()
    assert contact.name == "Grace H."
    assert "grace@example.org" in signed_in(app, "staff").get("/profiles/FR-LC").get_data(as_text=True)
    assert post(client, f"/profiles/FR-LC/contacts/{contact.id}/delete", form_path="/profiles/FR-LC").status_code \
        == 302
    assert db.session.scalar(select(ChamberContact)) is None


def test_staff_see_contacts_but_cannot_edit(app, world):
    contact = make_contact(world["fr"])
    staff = signed_in(app, "staff")
    page = staff.get("/profiles/FR-LC").get_data(as_text=True)
    assert "ada@example.org" in page and f"/contacts/{contact.id}/edit" not in page
