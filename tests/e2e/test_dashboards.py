"""Browser tests of the coverage dashboard: the map draws its countries from the app's own files, axe is
clean, and a filter change redraws the charts and lands in the URL."""

import datetime as dt
import re

from playwright.sync_api import expect

from tests import factories


def _arrange():
    fr, ke = factories.make_chamber_once("FR-LC", "lower"), factories.make_chamber_once("KE-LC", "lower")
    factories.make_activity("Dashboard e2e workshop", "awareness", start=dt.date(2011, 4, 1), chambers=[fr, ke])
    factories.make_activity("Dashboard e2e study", "research", "research", start=dt.date(2012, 4, 1), chambers=[fr])


def test_dashboard_draws_the_map_and_charts_locally(page, live_db, axe_check):
    _arrange()
    page.goto("/")
    page.wait_for_selector("#chart-map path.choroplethlocation")
    assert page.locator("#chart-map path.choroplethlocation").count() >= 2
    expect(page.locator("#chart-area")).to_have_attribute("data-drawn", "true")
    axe_check(page, "dashboard")
    page.get_by_label("number of activities", exact=True).check()
    expect(page.locator("#chart-map .colorbar")).to_have_count(1)


def test_the_map_is_drawn_before_plotly_arrives_and_replaced_by_it(page, live_db):
    _arrange()
    # plotly.js held back: the first map (SVG from the 110m geometry) is drawn with the figure's colours alone
    page.route(re.compile(r".*plotly-coverage\.min\.js$"), lambda route: route.abort())
    page.goto("/")
    page.wait_for_selector("#chart-map[data-preview='true'] svg.map-preview")
    fills = page.locator("#chart-map svg.map-preview path").evaluate_all("paths => paths.map(p => p.getAttribute('fill'))")
    assert len(fills) > 100 and "#eeeeee" in fills and len(set(fills)) >= 2  # reached countries coloured
    page.unroute(re.compile(r".*plotly-coverage\.min\.js$"))
    page.goto("/")
    page.wait_for_selector("#chart-map path.choroplethlocation")
    expect(page.locator("#chart-map svg.map-preview")).to_have_count(0)


def test_a_filter_change_updates_the_charts_and_the_url(page, live_db):
    _arrange()
    page.goto("/")
    before = page.locator('script[data-target="chart-area"]').text_content()
    page.get_by_label("Area of work", exact=True).select_option("research")
    page.get_by_label("From year", exact=True).fill("2012")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"from=2012.*area=research"))
    page.wait_for_selector("#chart-map path.choroplethlocation")
    expect(page.locator("#chart-area")).to_have_attribute("data-drawn", "true")
    assert page.locator('script[data-target="chart-area"]').text_content() != before
    expect(page.get_by_label("Area of work", exact=True)).to_have_value("research")


def test_matrix_and_gaps_pages_are_axe_clean(page, live_db, axe_check):
    _arrange()
    page.goto("/coverage/matrix?sort=total&order=desc")
    axe_check(page, "matrix")
    page.goto("/coverage/gaps")
    axe_check(page, "gaps")
