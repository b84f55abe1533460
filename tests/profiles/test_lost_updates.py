"""Two people editing the same contact: the later save, based on what it read before the first, is refused (409),
keeps what was typed and shows what is saved now; nothing of it is written."""

import re

from sqlalchemy import func, select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from tests import factories as f
from tests.conftest import CSRF_RE
from tests.profiles.factories import make_contact, signed_in


def _form(client, path: str) -> dict:
    page = client.get(path).get_data(as_text=True)
    return {"csrf_token": CSRF_RE.search(page).group(1),
            "version": re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)}


def test_a_stale_contact_save_gets_409_keeps_the_typing_and_shows_what_is_saved(app):
    fr = f.make_chamber("FR-LC")
    contact = make_contact(fr, name="Ada Lovelace", email="ada@example.org")
    first, second = signed_in(app, "parliament", fr), signed_in(app, "parliament", fr)
    path = f"/profiles/FR-LC/contacts/{contact.id}/edit"
    first_form, second_form = _form(first, path), _form(second, path)
    assert first_form["version"] == second_form["version"] == "1"
    saved = first.post(path, data={**first_form, "name": "Ada King", "email": "ada@example.org"})
    assert saved.status_code == 302
    audits = db.session.scalar(select(func.count()).select_from(AuditRecord))

    stale = second.post(path, data={**second_form, "name": "Countess Lovelace", "email": "countess@example.org"})
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409 and "Someone else saved this contact" in page
    assert 'value="Countess Lovelace"' in page and 'value="countess@example.org"' in page  # the typing is kept
    assert "What is saved now (version 2)" in page and "Ada King" in page
    db.session.expire_all()
    assert (contact.name, contact.email, contact.version) == ("Ada King", "ada@example.org", 2)
    assert db.session.scalar(select(func.count()).select_from(AuditRecord)) == audits  # nothing written

    # The refused page carries the version now saved: saving it again is a deliberate overwrite.
    again = second.post(path, data={**_form(second, path), "name": "Countess Lovelace",
                                    "email": "countess@example.org"})
    assert again.status_code == 302
    db.session.expire_all()
    assert (contact.name, contact.version) == ("Countess Lovelace", 3)


def test_a_contact_save_without_a_version_is_refused(app):
    fr = f.make_chamber("FR-LC")
    contact = make_contact(fr)
    client = signed_in(app, "parliament", fr)
    path = f"/profiles/FR-LC/contacts/{contact.id}/edit"
    form = _form(client, path)
    del form["version"]
    assert client.post(path, data={**form, "name": "X", "email": "x@example.org"}).status_code == 409
    db.session.expire_all()
    assert contact.name == "Ada Lovelace"
