"""Browser test: staff of a second organisation log an activity through the form in a chamber where the centre
worked in the same area a few months before; the coordination view then shows the overlap. The form and the view
are axe clean, and the form fits 375 px."""

import datetime as dt
import re

from playwright.sync_api import expect

from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from tests import factories
from tests.e2e.test_activities import _pick


def _arrange() -> Organisation:
    factories.make_chamber_once("ML-LC", "unicameral")
    wfd = Organisation(name="E2E Westminster Foundation", short_name="E2EWFD", org_type="ngo")
    db.session.add(wfd)
    db.session.commit()
    factories.make_activity("E2E centre ICT strategy workshop", "awareness", start=dt.date(2016, 2, 1),
                            chambers=[factories.make_chamber_once("ML-LC", "unicameral")])
    return wfd


def test_a_second_organisation_logs_an_activity_and_the_overlap_shows(page, live_db, sign_in, axe_check):
    wfd = _arrange()
    sign_in(page, "staff", donor=wfd)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/activities/new")
    expect(page.locator("#lead-organisation")).to_contain_text("E2E Westminster Foundation")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    axe_check(page, "activity form at 375 px")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Title").fill("E2E WFD committee seminar")
    page.get_by_label("Area of work").select_option("awareness")
    page.get_by_label("Start date").fill("2016-06-01")
    _pick(page, "mali", "Mali")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("E2E WFD committee seminar")
    expect(page.get_by_text("E2E Westminster Foundation").first).to_be_visible()
    page.goto("/coordination?window=12")
    row = page.locator(".overlaps-table tbody tr").filter(has_text="E2E WFD committee seminar")
    expect(row).to_contain_text("E2E centre ICT strategy workshop")
    expect(row).to_contain_text("E2EWFD")
    expect(row.get_by_role("link", name=re.compile("ML-LC"))).to_be_visible()
    axe_check(page, "coordination with the new overlap")
