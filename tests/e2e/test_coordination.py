"""Browser test of the coordination view: a second organisation's activity in the same chamber and area as a
centre activity, a few months later, shows as an overlap; the page is axe clean, fits 375 px and its filters work
from the keyboard."""

import datetime as dt

from playwright.sync_api import expect

from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from tests import factories


def _arrange() -> int:
    ke = factories.make_chamber_once("KE-LC", "lower")
    partner = Organisation(name="E2E Partner Foundation", short_name="E2EPF", org_type="ngo")
    db.session.add(partner)
    db.session.commit()
    factories.make_activity("E2E centre budget workshop", "awareness", start=dt.date(2015, 3, 1), chambers=[ke])
    factories.make_activity("E2E partner budget seminar", "awareness", start=dt.date(2015, 9, 1), chambers=[ke],
                            lead=partner)
    return partner.id


def test_coordination_shows_the_overlap_and_is_axe_clean_at_375_px(page, live_db, axe_check):
    partner_id = _arrange()
    page.goto("/")
    page.get_by_role("link", name="Who does what where").click()
    expect(page.get_by_role("heading", name="Who does what where", level=1)).to_be_visible()
    page.get_by_label("Organisation", exact=True).select_option(str(partner_id))
    page.get_by_label("Window (months)").fill("6")
    page.get_by_label("Window (months)").press("Enter")  # the filters submit from the keyboard
    page.wait_for_url("**/coordination?*organisation=*")
    row = page.locator(".overlaps-table tbody tr").filter(has_text="E2E partner budget seminar")
    expect(row).to_contain_text("E2E centre budget workshop")
    expect(row).to_contain_text("E2EPF")
    expect(row.get_by_role("link", name="KE-LC")).to_be_visible()
    axe_check(page, "coordination")
    page.get_by_label("Window (months)").fill("5")  # six months apart: outside a five-month window
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".overlaps-table")).to_contain_text("No two organisations worked")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    axe_check(page, "coordination at 375 px")
