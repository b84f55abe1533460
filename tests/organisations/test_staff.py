"""An organisation admin manages its own organisation's staff accounts, and no one else's: another organisation's
page and accounts are a 404 by guessed id; only staff accounts of its own organisation are ever made; nobody
locks themself out. The installation admin sets the flag on the user form."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.auth.models import User
from parliament_tracker.auth.recovery import invitation_pending
from parliament_tracker.auth.services import get_user_by_email
from parliament_tracker.extensions import db
from parliament_tracker.mail.models import OutboxMessage
from parliament_tracker.organisations.services import create_organisation, home_organisation
from tests import factories
from tests.conftest import read_csrf_token


@pytest.fixture
def world(app):
    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    return {"wfd": wfd, "home": home_organisation(),
            "colleague": factories.make_user("staff", donor=wfd, email="colleague@wfd.example"),
            "centre_staff": factories.make_user("staff", email="someone@centre.example"),
            "admin": factories.make_user("admin", email="root@centre.example"),
            "clerk": factories.make_user("parliament", email="clerk@parliament.example"),
            "donor": factories.make_user("donor", donor=wfd, email="follower@wfd.example")}


@pytest.fixture
def org_admin(client, login_as, world):
    user = login_as("staff", donor=world["wfd"], email="boss@wfd.example")
    user.is_org_admin = True
    db.session.commit()
    return user


def _post(client, path, **data):
    return client.post(path, data={"csrf_token": read_csrf_token(client, "/account"), **data})


def _staff_page(world, name="wfd"):
    return f"/organisations/{world[name].id}/staff"


def test_the_org_admin_sees_its_own_organisations_staff_only(client, org_admin, world):
    response = client.get("/organisation/staff")
    assert response.status_code == 302 and response.headers["Location"].endswith(_staff_page(world))
    page = client.get(_staff_page(world)).get_data(as_text=True)
    assert "colleague@wfd.example" in page and "boss@wfd.example" in page
    assert "someone@centre.example" not in page and "follower@wfd.example" not in page  # a donor account
    assert 'href="/organisation/staff"' in page  # its navigation links there


def test_another_organisations_page_and_accounts_are_404_by_guessed_id(client, org_admin, world):
    assert client.get(_staff_page(world, "home")).status_code == 404
    assert client.get(_staff_page(world, "home") + "/new").status_code == 404
    assert _post(client, _staff_page(world, "home") + "/new", email="spy@example.org").status_code == 404
    for name in ("centre_staff", "admin", "clerk", "donor"):
        user_id = world[name].id
        assert _post(client, f"/organisations/staff/{user_id}/enabled", value="0").status_code == 404, name
        assert _post(client, f"/organisations/staff/{user_id}/org-admin", value="1").status_code == 404, name
    db.session.expire_all()
    assert all(db.session.get(User, world[n].id).active for n in ("centre_staff", "admin", "clerk", "donor"))
    assert not db.session.get(User, world["centre_staff"].id).is_org_admin
    assert get_user_by_email("spy@example.org") is None


def test_staff_who_are_not_org_admins_and_other_roles_are_refused(client, login_as, world):
    for role in ("staff", "parliament", "donor"):
        login_as(role)
        for path in ("/organisation/staff", _staff_page(world), _staff_page(world) + "/new"):
            assert client.get(path).status_code == 403, (role, path)
        assert _post(client, f"/organisations/staff/{world['colleague'].id}/enabled", value="0").status_code == 403
        client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    assert client.get(_staff_page(world)).status_code == 302  # anonymous: to the sign-in page
    assert db.session.get(User, world["colleague"].id).active


def test_the_org_admin_invites_a_staff_member_of_its_organisation_only(client, org_admin, world):
    response = _post(client, _staff_page(world) + "/new", email="New@WFD.example", name="Ana", org_admin="y",
                     role="admin", organisation=str(world["home"].id))  # fields the form does not have: ignored
    assert response.status_code == 302 and response.headers["Location"].endswith(_staff_page(world))
    user = get_user_by_email("new@wfd.example")
    assert (user.role, user.organisation_id, user.is_org_admin) == ("staff", world["wfd"].id, True)
    assert invitation_pending(user)
    message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == "new@wfd.example"))
    assert message.kind == "invitation" and "/invitations/" in message.body
    assert "Westminster Foundation for Democracy" in message.body and "manage the accounts" in message.body
    audit = db.session.scalar(select(AuditRecord).where(AuditRecord.entity_type == "users",
                                                        AuditRecord.entity_id == user.id))
    assert audit.user_id == org_admin.id and audit.after["donor_id"] == world["wfd"].id


def test_a_taken_or_bad_address_is_refused_with_nothing_written(client, org_admin, world):
    users, messages = (db.session.scalar(select(func.count()).select_from(m)) for m in (User, OutboxMessage))
    taken = _post(client, _staff_page(world) + "/new", email="someone@centre.example")
    assert taken.status_code == 400 and "already exists" in taken.get_data(as_text=True)
    bad = _post(client, _staff_page(world) + "/new", email="not an address")
    assert bad.status_code == 400 and "Invalid email address" in bad.get_data(as_text=True)
    forged = client.post(_staff_page(world) + "/new", data={"email": "x@wfd.example"})
    assert forged.status_code == 400
    assert (users, messages) == tuple(db.session.scalar(select(func.count()).select_from(m))
                                      for m in (User, OutboxMessage))


def test_the_org_admin_disables_enables_and_shares_the_right(client, org_admin, world):
    colleague = world["colleague"]
    generation = colleague.session_generation
    assert _post(client, f"/organisations/staff/{colleague.id}/enabled", value="0").status_code == 302
    db.session.expire_all()
    colleague = db.session.get(User, colleague.id)
    assert not colleague.active and colleague.session_generation == generation + 1  # its sessions ended
    assert _post(client, f"/organisations/staff/{colleague.id}/enabled", value="1").status_code == 302
    assert _post(client, f"/organisations/staff/{colleague.id}/org-admin", value="1").status_code == 302
    db.session.expire_all()
    colleague = db.session.get(User, colleague.id)
    assert colleague.active and colleague.is_org_admin and colleague.role == "staff"
    assert _post(client, f"/organisations/staff/{colleague.id}/org-admin", value="0").status_code == 302
    assert _post(client, f"/organisations/staff/{colleague.id}/enabled", value="maybe").status_code == 400
    db.session.expire_all()
    assert not db.session.get(User, colleague.id).is_org_admin
    actions = db.session.scalar(select(func.count()).select_from(AuditRecord).where(
        AuditRecord.entity_type == "users", AuditRecord.entity_id == colleague.id, AuditRecord.action == "update"))
    assert actions == 4


def test_nobody_disables_themself_or_drops_their_own_right(client, org_admin, world):
    for path, value in (("enabled", "0"), ("org-admin", "0")):
        response = _post(client, f"/organisations/staff/{org_admin.id}/{path}", value=value)
        assert response.status_code == 302
        assert "You cannot" in client.get(response.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    me = db.session.get(User, org_admin.id)
    assert me.active and me.is_org_admin


def test_the_installation_admin_manages_any_organisations_staff(client, login_as, world):
    login_as("admin")
    assert client.get("/organisation/staff").headers["Location"].endswith("/admin/organisations")
    assert "colleague@wfd.example" in client.get(_staff_page(world)).get_data(as_text=True)
    assert "someone@centre.example" in client.get(_staff_page(world, "home")).get_data(as_text=True)
    assert _post(client, f"/organisations/staff/{world['centre_staff'].id}/org-admin", value="1").status_code == 302
    assert db.session.get(User, world["centre_staff"].id).is_org_admin


def test_the_user_form_sets_the_organisation_and_the_org_admin_flag(client, login_as, world):
    login_as("admin")
    target = world["centre_staff"]
    path = f"/admin/users/{target.id}/edit"
    form = client.get(path).get_data(as_text=True)
    assert 'name="org_admin"' in form
    response = client.post(path, data={"csrf_token": read_csrf_token(client, path), "name": "Moved", "role": "staff",
                                       "donor": str(world["wfd"].id), "org_admin": "y", "active": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    target = db.session.get(User, target.id)
    assert (target.organisation_id, target.is_org_admin) == (world["wfd"].id, True)
    # the flag is for staff: a donor account never manages staff
    client.post(path, data={"csrf_token": read_csrf_token(client, path), "role": "donor",
                            "donor": str(world["wfd"].id), "org_admin": "y", "active": "y"})
    db.session.expire_all()
    target = db.session.get(User, target.id)
    assert target.role == "donor" and not target.is_org_admin
