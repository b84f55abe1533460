"""The coverage pages, a profile and the ICT capacity page on a desktop (1280 px) and a phone (375 px), with the
demo data on a server of their own: no page scrolls sideways, the charts are drawn, axe is clean, nothing is asked
of another origin. With UPDATE_SCREENSHOTS=1 they also write the README's screenshots (docs/screenshots/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import watch

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = {"dashboard": "/", "profile": "/profiles/KE-LC", "gaps": "/coverage/gaps?area=advocacy&from=2010&to=2015",
         "matrix": "/coverage/matrix", "capacity": "/profiles/capacity"}
WIDTHS = (1280, 375)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized_page(request, browser, demo_url):
    context = browser.new_context(base_url=demo_url, viewport={"width": request.param, "height": 900})
    page = context.new_page()
    errors, foreign = watch(page, demo_url)
    yield page, request.param
    context.close()
    assert not foreign, f"requests left the server: {foreign}"
    assert not errors, f"console errors: {errors}"


def _sideways(page) -> int:
    """How far the page itself scrolls sideways (0 when it does not)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_scrolls_sideways_and_axe_is_clean(sized_page, axe_check, name):
    page, width = sized_page
    page.goto(PAGES[name])
    page.wait_for_load_state("networkidle")
    for chart in page.locator(".coverage-chart").all():
        assert chart.get_attribute("data-drawn") == "true"
    assert _sideways(page) == 0, f"{name} scrolls sideways at {width} px"
    axe_check(page, f"{name} at {width} px")
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" and name in ("dashboard", "capacity"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        if name == "dashboard":  # a question as a visitor would ask it, restated by the headline
            page.goto("/?area=advocacy&region=Africa&from=2008&to=2012")
            page.wait_for_load_state("networkidle")
        height = min(1500 if width > 400 else 1300, page.evaluate("document.documentElement.scrollHeight"))
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height})


def test_the_capacity_page_draws_its_charts(sized_page):
    page, _width = sized_page
    page.goto(PAGES["capacity"])
    charts = page.locator(".coverage-chart")
    assert charts.count() >= 10  # seven categories by region and by income group, and the slope charts
    for chart in charts.all():
        chart.scroll_into_view_if_needed()
        assert chart.get_attribute("data-drawn") == "true"
        assert chart.locator("path.js-line").count() >= 1  # lines drawn, not an empty frame
        assert chart.bounding_box()["width"] <= page.viewport_size["width"]


def test_on_a_phone_the_filters_fold_behind_one_button_with_chips(browser, demo_url):
    context = browser.new_context(base_url=demo_url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    errors, foreign = watch(page, demo_url)
    page.goto("/?area=advocacy&region=Africa")
    assert not page.locator("#filters-body").is_visible()
    assert page.locator(".filter-chips .chip").all_inner_texts()[0].startswith("Advocacy")
    page.get_by_role("button", name="Filters").click()
    page.locator("#filters-body").wait_for(state="visible")
    page.locator(".filter-chips .chip").first.click()  # removes the area filter only
    page.wait_for_url("**/?region=Africa")
    assert page.locator("[data-headline]").first.inner_text().startswith(tuple("0123456789"))
    table = page.locator("#map-title ~ details .table-box")
    page.locator("#map-title ~ details summary").click()
    assert table.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside its own box
    assert _sideways(page) == 0
    context.close()
    assert not foreign and not errors, (foreign, errors)
