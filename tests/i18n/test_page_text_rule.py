"""The rule the language browser tests apply to a page's texts (tests/e2e/page_text.py), on texts written here: an
English UI string left on a French page is found; numbers, codes, proper names, text declared in another language
and words French writes as English does are not."""

from tests.e2e.page_text import left_in_english


def _texts(*texts, exempt=()):
    return [{"text": t, "exempt": t in exempt, "where": "td"} for t in texts]


def test_an_english_ui_string_on_a_french_page_is_found():
    english = _texts("Chambers reached", "Kenya", "KE-LC", "KEN", "11,203", "2012-03-05", "Total", "Parliament of Kenya",
                     "[Demo] Webinar", "Français", exempt=("Français",))
    french = _texts("Chambers reached", "Kenya (", "KE-LC", "KEN", "11 203", "5 mars 2012", "Total", "Parliament of Kenya",
                    "[Demo] Webinar", "Français", exempt=("Parliament of Kenya", "[Demo] Webinar"))
    assert left_in_english(english, french, "fr") == ["td: 'Chambers reached'"]

