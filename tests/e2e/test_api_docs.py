"""The API reference page in a real browser: Swagger UI, from the app's own files only and under its
Content-Security-Policy, draws every operation of the OpenAPI document and answers "Try it out"."""

from playwright.sync_api import expect


def test_the_reference_page_draws_the_operations(page, live_db, axe_check):
    page.goto("/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/coverage" in [p.replace("\u200b", "") for p in paths]
    page.locator(".opblock-summary-path", has_text="/api/v1/areas").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_contain_text("200")
    axe_check(page, "API reference")
