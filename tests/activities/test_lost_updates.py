"""Two people editing one chamber's part in an activity: the later save, based on what it read before the first,
is refused (409), keeps what was typed and shows what is saved now; an import moves the version on too."""

import re

from sqlalchemy import func, select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from tests import factories
from tests.conftest import CSRF_RE
from tests.profiles.factories import signed_in


def _form(client, path: str) -> dict:
    page = client.get(path).get_data(as_text=True)
    return {"csrf_token": CSRF_RE.search(page).group(1),
            "version": re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)}


def test_a_stale_participation_save_gets_409_keeps_the_typing_and_shows_what_is_saved(app, chambers):
    activity = factories.make_activity(chambers=[chambers["KE-LC"]], participants=4, women=2)
    participation = activity.participations[0]
    path = f"/activities/{activity.id}/participations/{participation.id}/edit"
    first, second = signed_in(app, "staff"), signed_in(app, "staff")  # two browsers
    first_form, second_form = _form(first, path), _form(second, path)

    ok = first.post(path, data={**first_form, "role": "beneficiary", "participants": "6", "women": "3"})
    assert ok.status_code == 302
    audits = db.session.scalar(select(func.count()).select_from(AuditRecord))
    stale = second.post(path, data={**second_form, "role": "expert", "participants": "9", "women": "1"})
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409 and "Someone else saved this chamber" in page
    assert 'value="9"' in page and 'value="1"' in page  # what was typed is still in the form
    assert "What is saved now (version 2)" in page and "<dd class=\"col-sm-8\">6</dd>" in page
    db.session.expire_all()
    assert (participation.participants, participation.women, participation.role) == (6, 3, "beneficiary")
    assert db.session.scalar(select(func.count()).select_from(AuditRecord)) == audits


def test_a_form_opened_before_an_import_changed_the_counts_is_refused(app, runner, chambers, tmp_path):
    activity = factories.make_activity(chambers=[chambers["KE-LC"]], participants=4, women=2, ref="WS-1")
    participation = activity.participations[0]
    path = f"/activities/{activity.id}/participations/{participation.id}/edit"
    client = signed_in(app, "staff")
    form = _form(client, path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("activity_ref,title,area,type,start_date,chamber,participants,women\n"
                     f"WS-1,{activity.title},{activity.area.code},{activity.activity_type},"
                     f"{activity.start_date.isoformat()},KE-LC,8,4\n")
    assert runner.invoke(args=["activities", "import", str(sheet)]).exit_code == 0
    db.session.expire_all()
    assert (participation.participants, participation.version) == (8, 2)
    stale = client.post(path, data={**form, "role": "beneficiary", "participants": "5", "women": "1"})
    assert stale.status_code == 409
    db.session.expire_all()
    assert participation.participants == 8
