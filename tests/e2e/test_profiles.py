"""Browser tests of the profile: a parliament account lands on its profile, disputes a record and submits its
self-assessment; staff resolve the dispute; axe clean on every page."""

import datetime as dt
import re

from playwright.sync_api import expect

from tests import factories

CODE = "BR-E2E"  # the live database is shared by the session: a chamber no other browser test uses


def _world():
    chamber = factories.make_chamber_once(CODE, "lower")
    other = factories.make_chamber_once("BR-E2U", "upper")
    factories.make_activity("E2E regional workshop on open data", "awareness", start=dt.date(2013, 4, 8),
                            chambers=[chamber], participants=3, women=1)
    factories.make_activity("E2E expert mission", "research", "mission", start=dt.date(2014, 9, 1),
                            chambers=[other])
    return chamber


def test_parliament_disputes_a_record_and_staff_resolve_it(browser, live_url, live_db, sign_in, axe_check):
    chamber = _world()
    context = browser.new_context(base_url=live_url)
    page = context.new_page()
    sign_in(page, "parliament", chambers=[chamber])
    expect(page).to_have_url(re.compile(rf"/profiles/{CODE}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("National Assembly")
    expect(page.get_by_text("Claimed by the centre")).to_be_visible()
    axe_check(page, "own profile")
    page.get_by_role("link", name=re.compile(r"^Dispute\W+E2E regional workshop")).click()
    axe_check(page, "dispute form")
    page.get_by_role("button", name="Dispute this record").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    axe_check(page, "dispute form with an error")
    page.get_by_label("What is wrong with this record?").fill("We sent five people, not three.")
    page.get_by_role("button", name="Dispute this record").click()
    expect(page.get_by_text("Your dispute was sent to the centre.")).to_be_visible()
    expect(page.get_by_text("Disputed by the parliament").first).to_be_visible()
    axe_check(page, "profile with a dispute")
    context.close()

    staff_context = browser.new_context(base_url=live_url)
    staff = staff_context.new_page()
    sign_in(staff, "staff")
    staff.get_by_role("link", name="Disputes").click()
    expect(staff.get_by_role("cell", name="We sent five people, not three.")).to_be_visible()
    axe_check(staff, "staff queue")
    staff.get_by_role("row", name=re.compile("We sent five people")).get_by_role("link", name=re.compile("Resolve")) \
        .click()
    axe_check(staff, "resolve form")
    staff.get_by_role("radio", name="Correct").check()
    staff.get_by_role("button", name="Resolve").click()
    expect(staff.get_by_text("Give the reason, for the parliament and the audit trail.")).to_be_visible()
    axe_check(staff, "resolve form with an error")
    staff.get_by_role("radio", name="Correct").check()
    staff.get_by_label("Reason or what was corrected").fill("Attendance list checked: five.")
    staff.get_by_label("Participants").fill("5")
    staff.get_by_role("button", name="Resolve").click()
    expect(staff.get_by_text("Report resolved.")).to_be_visible()
    staff.goto(f"/profiles/{CODE}")
    expect(staff.get_by_text("Confirmed by the parliament").first).to_be_visible()
    expect(staff.get_by_text("Attendance list checked: five.").first).to_be_visible()
    staff.goto("/profiles/feedback")
    axe_check(staff, "feedback overview")
    staff_context.close()


def test_parliament_submits_its_self_assessment(page, live_db, sign_in, axe_check):
    chamber = factories.make_chamber_once("NZ-E2E", "unicameral")
    sign_in(page, "parliament", chambers=[chamber])
    expect(page).to_have_url(re.compile(r"/profiles/NZ-E2E$"))
    page.get_by_role("link", name="Self-assessments").click()
    axe_check(page, "self-assessments")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Start the self-assessment").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ICT self-assessment 2025")
    axe_check(page, "questionnaire")
    scores = page.locator("select[name^=score_]")
    scores.first.select_option("2")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Answer every question before submitting.")).to_be_visible()
    axe_check(page, "questionnaire with an error")
    for i in range(scores.count()):
        scores.nth(i).select_option("3")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Self-assessment submitted.")).to_be_visible()
    expect(page.locator("#assessment-status")).to_have_text("Submitted")
    expect(page.locator("select[name^=score_]")).to_have_count(0)
    axe_check(page, "submitted questionnaire")
    page.goto("/profiles/NZ-E2E")
    expect(page.get_by_role("cell", name="3.00").first).to_be_visible()
    axe_check(page, "profile with capacity")


def test_public_profile_print_and_capacity_pages_are_accessible(page, live_db, axe_check):
    _world()
    page.goto(f"/chambers/{CODE}")
    page.get_by_role("link", name="Profile: participation, coverage and ICT capacity").click()
    expect(page).to_have_url(re.compile(rf"/profiles/{CODE}$"))
    expect(page.get_by_role("heading", name="Contacts")).to_have_count(0)
    axe_check(page, "public profile")
    page.get_by_role("link", name="Printable profile").click()
    axe_check(page, "printable profile")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    page.emulate_media(media="screen")
    page.goto("/profiles/capacity")
    axe_check(page, "capacity")
