"""Invitations end to end: staff or an admin invite a correspondent, who chooses their own password by the link."""

from itsdangerous import TimestampSigner
from sqlalchemy import select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.auth import recovery
from parliament_tracker.auth.recovery import invitation_pending
from parliament_tracker.auth.services import get_user_by_email, verify_password
from parliament_tracker.extensions import db
from parliament_tracker.mail.models import OutboxMessage
from tests import factories
from tests.conftest import read_csrf_token
from tests.smtp import body_of, link_in

CHOSEN = "my-own-chosen-password"


def _invite(client, email, chambers, name="Ama Mensah", **more):
    return client.post("/invitations/new", data={"email": email, "name": name, "csrf_token": read_csrf_token(client),
                                                 "chambers": [str(c.id) for c in chambers], **more}, buffered=True)


def _accept(client, path, password=CHOSEN):
    return client.post(path, data={"password": password, "confirm": password,
                                   "csrf_token": read_csrf_token(client, "/password/forgot")})


def test_staff_invite_a_correspondent_who_sets_their_own_password(app, client, smtp, login_as):
    chambers = [factories.make_chamber("ML-LC", "unicameral"), factories.make_chamber("KE-UC", "upper")]
    staff = login_as("staff")
    response = _invite(client, "Correspondent@Parliament.example", chambers)
    assert response.status_code == 302
    flashed = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Invitation sent to correspondent@parliament.example" in flashed

    [message] = smtp.wait_for("correspondent@parliament.example")
    body = body_of(message)
    assert message["Subject"] == "You are invited to parliament-tracker"
    assert "ML-LC" in body and "KE-UC" in body and "Test staff" in body and "7 days" in body
    user = get_user_by_email("correspondent@parliament.example")
    assert user.role == "parliament" and [c.code for c in user.chambers] == ["KE-UC", "ML-LC"]
    assert invitation_pending(user) and not verify_password(user, "")
    record = db.session.scalar(select(AuditRecord).where(AuditRecord.entity_type == "users",
                                                         AuditRecord.entity_id == user.id))
    assert record.user_id == staff.id and record.note == "invited by e-mail"

    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    path = link_in(message).removeprefix("https://tracker.example.org")
    assert path.startswith("/invitations/") and client.get(path).status_code == 200
    assert _accept(client, path).status_code == 302
    signed_in = client.post("/login", data={"email": user.email, "password": CHOSEN,
                                            "csrf_token": read_csrf_token(client)})
    assert signed_in.status_code == 302 and signed_in.headers["Location"].endswith("/profiles/mine")
    db.session.refresh(user)
    assert not invitation_pending(user)

    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    reused = client.get(path)
    assert reused.status_code == 400 and "already used" in reused.get_data(as_text=True)
    assert _accept(client, path, "an-attackers-password").status_code == 400
    db.session.refresh(user)
    assert verify_password(user, CHOSEN)


def test_an_invitation_in_spanish_names_the_chambers_in_spanish_and_sets_the_accounts_language(app, client, smtp,
                                                                                                login_as):
    chamber = factories.make_chamber("KE-UC", "upper")
    login_as("staff")
    assert _invite(client, "senado@parliament.example", [chamber], locale="es").status_code == 302
    [message] = smtp.wait_for("senado@parliament.example")
    assert message["Subject"] == "Invitación a parliament-tracker"
    assert "Kenia" in body_of(message) and "Kenya" not in body_of(message)
    assert get_user_by_email("senado@parliament.example").locale == "es"
    page = client.get("/invitations/new").get_data(as_text=True)
    assert 'value="es"' in page and "Español" in page  # each language named in itself


def test_no_password_is_ever_shown_or_mailed(app, client, smtp, login_as):
    chamber = factories.make_chamber("ML-LC", "unicameral")
    login_as("admin")
    response = _invite(client, "new@parliament.example", [chamber])
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    body = body_of(smtp.wait_for("new@parliament.example")[0])
    assert "password:" not in page.lower() and "password:" not in body.lower()
    user = get_user_by_email("new@parliament.example")
    assert user.password_hash.split(":")[-1] not in page + body
    assert db.session.scalar(select(OutboxMessage.body)) == ""  # the link is not kept once sent


def test_an_expired_invitation_is_refused(app, client, smtp, login_as, monkeypatch):
    chamber = factories.make_chamber("ML-LC", "unicameral")
    login_as("staff")
    real_make, real_stamp = recovery.make_link_token, TimestampSigner.get_timestamp

    def made_eight_days_ago(user, purpose):
        with monkeypatch.context() as patched:
            patched.setattr(TimestampSigner, "get_timestamp", lambda self: real_stamp(self) - 8 * 86400)
            return real_make(user, purpose)

    monkeypatch.setattr(recovery, "make_link_token", made_eight_days_ago)
    assert _invite(client, "late@parliament.example", [chamber]).status_code == 302
    path = link_in(smtp.wait_for("late@parliament.example")[0]).removeprefix("https://tracker.example.org")
    response = client.get(path)
    assert response.status_code == 400 and "expired" in response.get_data(as_text=True)


def test_a_reset_link_does_not_open_an_invitation(app, client, smtp, login_as):
    user = factories.make_user("parliament")
    client.post("/password/forgot", data={"email": user.email, "csrf_token": read_csrf_token(client)},
                buffered=True)
    token = link_in(smtp.wait_for(user.email)[0]).rsplit("/", 1)[-1]
    assert client.get(f"/invitations/{token}").status_code == 400


def test_bad_invitations_are_400s_that_write_nothing(app, client, smtp, login_as):
    chamber = factories.make_chamber("ML-LC", "unicameral")
    existing = factories.make_user("donor")
    login_as("staff")
    for email, chambers in ((existing.email, [chamber]), ("x@parliament.example", []), ("not-an-email", [chamber])):
        response = _invite(client, email, chambers)
        assert response.status_code == 400 and "is-invalid" in response.get_data(as_text=True)
    response = client.post("/invitations/new", data={"email": "y@parliament.example", "chambers": ["99999"],
                                                     "csrf_token": read_csrf_token(client)})
    assert response.status_code == 400
    assert _invite(client, "z@parliament.example", [chamber], locale="de").status_code == 400  # not offered
    assert get_user_by_email("x@parliament.example") is None and smtp.inbox == []
    assert db.session.scalar(select(OutboxMessage.id)) is None


def test_an_organisation_admin_invites_a_staff_member_who_sets_their_own_password(app, client, smtp, login_as):
    from parliament_tracker.organisations.services import create_organisation

    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    boss = login_as("staff", donor=wfd)
    boss.is_org_admin = True
    db.session.commit()
    response = client.post(f"/organisations/{wfd.id}/staff/new", buffered=True, data={
        "email": "ana@wfd.example", "name": "Ana", "csrf_token": read_csrf_token(client)})
    assert response.status_code == 302
    [message] = smtp.wait_for("ana@wfd.example")
    body = body_of(message)
    assert "Westminster Foundation for Democracy" in body and "manage the accounts" not in body
    client.post("/logout", data={"csrf_token": read_csrf_token(client)})
    path = link_in(message).removeprefix("https://tracker.example.org")
    accepted = _accept(client, path)
    assert accepted.status_code == 302
    assert "Sign in to start." in client.get(accepted.headers["Location"]).get_data(as_text=True)
    signed_in = client.post("/login", data={"email": "ana@wfd.example", "password": CHOSEN,
                                            "csrf_token": read_csrf_token(client)})
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/"
    user = get_user_by_email("ana@wfd.example")
    assert (user.role, user.organisation_id, user.is_org_admin) == ("staff", wfd.id, False)
