"""Daily digests through a real SMTP server: each user hears of what concerns them, once, as they chose."""

from parliament_tracker.activities.participations import add_participations, update_participation
from parliament_tracker.activities.rules import Counts
from parliament_tracker.extensions import db
from parliament_tracker.notices.models import NoticePreference
from parliament_tracker.profiles.disputes import dispute_participation, report_missing, resolve_report
from tests import factories
from tests.conftest import read_csrf_token
from tests.smtp import body_of


def _digests(runner):
    result = runner.invoke(args=["mail", "send-digests"])
    assert result.exit_code == 0, result.output
    return result.output


def test_correspondents_staff_and_disputers_each_hear_of_their_part(app, runner, smtp):
    own, other = factories.make_chamber("KE-LC", "lower"), factories.make_chamber("FR-LC", "lower")
    staff = factories.make_user("staff")
    kenya = factories.make_user("parliament", chambers=[own])
    france = factories.make_user("parliament", chambers=[other])
    donor = factories.make_user("donor")
    activity = factories.make_activity(title="Open data workshop")
    [added] = add_participations(activity, [own], Counts(participants=3), by=staff)
    update_participation(added, Counts(participants=4, women=2), by=staff)
    report = dispute_participation(added, "We sent two people, not four.", by=kenya)
    report_missing(other, "Study visit to Paris, May 2011", "", by=france)

    assert "digests queued 2, sent 2" in _digests(runner)  # France has nothing new but its own report
    [to_kenya] = smtp.to(kenya.email)
    body = body_of(to_kenya)
    assert "KE-LC: Open data workshop" in body and "new record" in body and "changed (participants, women)" in body
    assert "/profiles/mine" in body and "confirm" in body
    assert "We sent two people" not in body  # their own dispute is not news to them
    [to_staff] = smtp.to(staff.email)
    staff_body = body_of(to_staff)
    assert "Dispute, KE-LC: We sent two people, not four." in staff_body
    assert "Missing activity, FR-LC: Study visit to Paris" in staff_body and "Open data workshop" not in staff_body
    assert smtp.to(france.email) == [] and smtp.to(donor.email) == []

    assert "digests queued 0" in _digests(runner)  # nothing new since: nothing sent twice
    resolve_report(report, "corrected", "Two people, as you said.", by=staff, correction={"participants": 2})
    assert "digests queued 1, sent 1" in _digests(runner)
    resolution = body_of(smtp.to(kenya.email)[-1])
    assert "The centre answered" in resolution and "corrected. Two people, as you said." in resolution
    assert len(smtp.to(staff.email)) == 1  # staff resolved it themself


def test_a_kind_switched_off_is_left_out_and_others_stay(app, runner, smtp, client, login_as):
    own = factories.make_chamber("KE-LC", "lower")
    kenya = login_as("parliament", chamber=own)
    staff = factories.make_user("staff")
    response = client.post("/account/notices", data={"resolutions": "y", "csrf_token": read_csrf_token(client)})
    assert response.status_code == 302
    pref = db.session.get(NoticePreference, kenya.id)
    assert (pref.records, pref.resolutions) == (False, True)
    page = client.get("/account/notices").get_data(as_text=True)
    assert 'name="records"' in page and 'name="reports"' not in page
    activity = factories.make_activity(title="Open data workshop")
    add_participations(activity, [own], Counts(), by=staff)
    _digests(runner)
    assert smtp.to(kenya.email) == []
    assert db.session.get(NoticePreference, kenya.id).last_digest_at is not None


def test_digests_survive_an_outage(app, runner, smtp):
    own = factories.make_chamber("KE-LC", "lower")
    kenya = factories.make_user("parliament", chambers=[own])
    add_participations(factories.make_activity(), [own], Counts(), by=factories.make_user("staff"))
    smtp.stop()
    assert "digests queued 1, sent 0" in _digests(runner)
    smtp.start()
    assert runner.invoke(args=["mail", "retry", "--all"]).exit_code == 0
    assert len(smtp.to(kenya.email)) == 1


def test_staff_hear_of_the_reports_of_their_organisations_activities_admins_of_all(app, runner, smtp):
    from parliament_tracker.organisations.services import create_organisation

    ke = factories.make_chamber("KE-LC", "lower")
    wfd = create_organisation("Westminster Foundation for Democracy", org_type="ngo", short_name="WFD")
    ours = factories.make_activity("Centre workshop", chambers=[ke])
    theirs = factories.make_activity("WFD seminar", chambers=[ke], lead=wfd)
    centre_staff, wfd_staff = factories.make_user("staff"), factories.make_user("staff", donor=wfd)
    admin = factories.make_user("admin")
    kenya = factories.make_user("parliament", chambers=[ke])
    dispute_participation(ours.participations[0], "We were not at the centre's workshop.", by=kenya)
    dispute_participation(theirs.participations[0], "Only two of us came to the seminar.", by=kenya)
    report_missing(ke, "A study visit to Nairobi in 2012", "", by=kenya)

    _digests(runner)
    centre, partner, everything = (body_of(smtp.to(u.email)[0]) for u in (centre_staff, wfd_staff, admin))
    assert "centre's workshop" in centre and "study visit to Nairobi" in centre and "the seminar" not in centre
    assert "the seminar" in partner and "centre's workshop" not in partner and "Nairobi" not in partner
    assert all(text in everything for text in ("centre's workshop", "the seminar", "Nairobi"))
