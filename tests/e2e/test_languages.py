"""Browser tests of the dashboard, the registry, a chamber's profile, the activity form, the import preview, the
chamber-by-area matrix, the ICT capacity page and the activity list in French, Spanish and Arabic, against their
English rendering on the demo data: no English UI text left, Arabic right to left without anything reaching past the
viewport at 1280 and 375 px, axe clean in every language.

One browser context per language (its Accept-Language the language, a staff account of its own signed in), reused
by every page of that language."""

from __future__ import annotations

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from parliament_tracker.extensions import db
from tests import factories
from tests.e2e.conftest import watch
from tests.e2e.page_text import OVERFLOW_JS, TEXTS_JS, left_in_english

LANGUAGES = ("fr", "es", "ar")
PAGES = {"dashboard": "/", "registry": "/chambers/", "profile": "/profiles/KE-LC", "activity form": "/activities/new",
         "import preview": "/activities/import/preview", "matrix": "/coverage/matrix", "capacity": "/profiles/capacity",
         "activity list": "/activities/"}
SHEET = ("activity_ref,title,area,type,start_date,chamber,participants,women\n"
         "L10N-1,Language seminar,awareness,workshop,2015-02-03,KE-LC,3,1\n"
         "L10N-1,Language seminar,awareness,workshop,2015-02-03,Nowhere Assembly,1,0\n"
         "L10N-2,Second seminar,research,seminar,2015-13-03,FR-LC,2,1\n")


class Reader:
    """A signed-in browser context in one language, its console errors and foreign requests watched."""

    def __init__(self, browser, app, locale: str, sheet):
        self.context = browser.new_context(base_url=app.config["LIVE_URL"], locale=locale,
                                           viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors, self.foreign = watch(self.page, app.config["LIVE_URL"])
        with app.app_context():
            email = factories.make_user("staff", email=f"l10n-{locale}@example.org").email
            db.session.remove()
        self.page.goto("/login")
        self.page.locator("#email").fill(email)
        self.page.locator("#password").fill(factories.PASSWORD)
        self.page.locator("#password").press("Enter")
        self.page.wait_for_load_state()
        self.page.goto("/activities/import")  # the preview page shows this account's last upload
        self.page.locator("input[type=file]").set_input_files(str(sheet))
        with self.page.expect_navigation():
            self.page.locator("input[type=file]").evaluate("input => input.form.requestSubmit()")
        self.page.wait_for_load_state("networkidle")
        self.texts: dict[str, list[dict]] = {}

    def open(self, name: str) -> list[dict]:
        self.page.set_viewport_size({"width": 1280, "height": 900})
        self.page.goto(PAGES[name])
        self.page.wait_for_load_state("networkidle")
        self.texts[name] = self.page.evaluate(TEXTS_JS)
        return self.texts[name]

    def assert_quiet(self):
        errors, foreign = list(self.errors), list(self.foreign)
        self.errors.clear()
        self.foreign.clear()
        assert not foreign, f"requests left the server: {foreign}"
        assert not errors, f"console errors: {errors}"


@pytest.fixture(scope="module")
def readers(browser, demo_app, tmp_path_factory):
    sheet = tmp_path_factory.mktemp("l10n") / "seminars.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    opened: dict[str, Reader] = {}

    def reader(locale: str) -> Reader:
        if locale not in opened:
            opened[locale] = Reader(browser, demo_app, locale, sheet)
        return opened[locale]

    yield reader
    for each in opened.values():
        each.context.close()


@pytest.fixture(scope="module")
def english(readers):
    """The English rendering of each page, read once and axe-checked once."""
    found: dict[str, list[dict]] = {}

    def texts(name: str, axe_check) -> list[dict]:
        if name not in found:
            reader = readers("en")
            found[name] = reader.open(name)
            axe_check(reader.page, f"{name} in English")
            reader.assert_quiet()
        return found[name]

    return texts


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_page_speaks_the_language_and_is_accessible(readers, english, axe_check, locale, name):
    in_english = english(name, axe_check)
    reader = readers(locale)
    texts = reader.open(name)
    page = reader.page
    assert page.locator("html").get_attribute("lang") == locale
    left = left_in_english(in_english, texts, locale)
    assert not left, f"English left on the {name} in {locale}:\n" + "\n".join(left)
    axe_check(page, f"{name} in {locale}")
    if name == "dashboard":  # the charts' axes write numbers as the page does (CLDR's signs)
        drawn = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot'))"
                              ".map(plot => plot._fullLayout.separators)")
        assert drawn and set(drawn) == {get_decimal_symbol(locale) + get_group_symbol(locale)}, drawn
    if locale == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            page.reload()
            page.wait_for_load_state("networkidle")
            sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert sideways <= 0, f"the {name} in Arabic scrolls {sideways} px sideways at {width} px"
            out = page.evaluate(OVERFLOW_JS)
            assert not out, f"past the viewport on the {name} in Arabic at {width} px:\n" + "\n".join(out)
        axe_check(page, f"{name} in Arabic at 375 px")
    else:
        assert page.locator("html").get_attribute("dir") == "ltr"
    reader.assert_quiet()
