"""The admin's user screens and settings: create, re-role, disable; every change audited."""

from sqlalchemy import select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.auth.models import User
from parliament_tracker.extensions import db
from tests import factories
from tests.conftest import read_csrf_token


def _form(client, path, **data):
    data["csrf_token"] = read_csrf_token(client, path)
    return client.post(path, data=data)


def test_admin_creates_a_parliament_account_tied_to_a_chamber(client, login_as):
    admin = login_as("admin")
    chamber = factories.make_chamber("KE-LC", "lower")
    response = _form(client, "/admin/users/new", email="clerk@parliament.ke", name="Clerk", role="parliament",
                     chambers=str(chamber.id), donor="", active="y")
    assert response.status_code == 302
    page = client.get("/admin/users").get_data(as_text=True)
    assert "clerk@parliament.ke" in page and "initial password, shown only now" in page
    user = db.session.scalar(select(User).where(User.email == "clerk@parliament.ke"))
    assert [c.code for c in user.chambers] == ["KE-LC"]
    audit = db.session.scalar(select(AuditRecord).where(AuditRecord.entity_type == "users",
                                                        AuditRecord.entity_id == user.id))
    assert audit.action == "create" and audit.user_id == admin.id
    assert audit.after["chamber_codes"] == ["KE-LC"] and "password" not in audit.after


def test_a_parliament_account_without_a_chamber_is_refused_and_nothing_written(client, login_as):
    login_as("admin")
    response = _form(client, "/admin/users/new", email="x@example.org", role="parliament", donor="", active="y")
    assert response.status_code == 400
    assert "needs at least one chamber" in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "x@example.org")) is None


def test_duplicate_email_is_refused_next_to_the_field(client, login_as):
    login_as("admin", email="boss@example.org")
    response = _form(client, "/admin/users/new", email="BOSS@example.org", role="staff", donor="", active="y")
    assert response.status_code == 400
    assert "already exists" in response.get_data(as_text=True)


def test_unknown_chamber_id_is_an_invalid_choice_not_a_500(client, login_as):
    login_as("admin")
    response = _form(client, "/admin/users/new", email="y@example.org", role="parliament", chambers="99999",
                     donor="", active="y")
    assert response.status_code == 400


def test_admin_disables_and_re_roles_an_account(client, login_as):
    login_as("admin")
    target = factories.make_user("staff", email="worker@example.org")
    donor = factories.make_donor("UNDP")
    path = f"/admin/users/{target.id}/edit"
    response = _form(client, path, name="Worker", role="donor", donor=str(donor.id))
    assert response.status_code == 302
    db.session.refresh(target)
    assert target.role == "donor" and target.donor_id == donor.id and target.active is False
    record = db.session.scalars(select(AuditRecord).where(AuditRecord.entity_id == target.id,
                                                          AuditRecord.action == "update")).one()
    assert record.before["role"] == "staff" and record.after["role"] == "donor"
    assert record.after["active"] is False


def test_admin_cannot_lock_themself_out(client, login_as):
    admin = login_as("admin")
    response = _form(client, f"/admin/users/{admin.id}/edit", name="Me", role="staff", donor="", active="y")
    assert response.status_code == 400
    assert "cannot disable your own account" in response.get_data(as_text=True)


def test_editing_an_unknown_user_is_a_404(client, login_as):
    login_as("admin")
    assert client.get("/admin/users/424242/edit").status_code == 404


def test_admin_turns_public_dashboards_off_and_on(client, login_as):
    from parliament_tracker.settings import dashboards_are_public

    login_as("admin")
    assert dashboards_are_public()
    assert _form(client, "/admin/settings").status_code == 302
    db.session.expire_all()
    assert not dashboards_are_public()
    assert _form(client, "/admin/settings", public_dashboards="y").status_code == 302
    db.session.expire_all()
    assert dashboards_are_public()
    trail = db.session.scalars(select(AuditRecord).where(AuditRecord.entity_type == "settings")).all()
    assert [(r.before, r.after) for r in trail] == [({"public_dashboards": None}, {"public_dashboards": "0"}),
                                                   ({"public_dashboards": "0"}, {"public_dashboards": "1"})]
