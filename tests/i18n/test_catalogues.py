"""The fr, es and ar catalogues: no fuzzy message, no placeholder that differs from the English (every plural
form of every language, Arabic's six included), the right number of plural forms; complete once translated."""

import pytest

from config import Config
from tests import catalogues

LOCALES = catalogues.TRANSLATED


def test_every_offered_language_has_a_catalogue():
    assert set(Config.LANGUAGES) == {"en", *LOCALES}
    for locale in LOCALES:
        assert (catalogues.TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").is_file()


@pytest.mark.parametrize("locale", LOCALES)
def test_no_translation_changes_a_placeholder(locale):
    assert catalogues.problems(locale)["placeholders"] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_no_fuzzy_translation(locale):
    assert catalogues.problems(locale)["fuzzy"] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_plural_has_the_languages_forms(locale):
    assert catalogues.problems(locale)["plural_forms"] == []


@pytest.mark.needs_full_catalogues
@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    missing = catalogues.problems(locale)["missing"]
    assert not missing, f"{len(missing)} messages untranslated in {locale}, e.g. {missing[:5]}"


def test_the_checker_sees_placeholders_in_both_styles():
    assert catalogues.placeholders("%(n)s of %(total)d, {name} and %s; 100%% {{literal}}") == [
        "%s", "n", "total", "{name}"]


def test_the_checker_catches_a_renamed_placeholder_and_a_missing_plural_form(tmp_path, monkeypatch):
    (tmp_path / "xx" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "messages.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Hello %(name)s"\nmsgstr ""\n\nmsgid "Fuzzy"\nmsgstr ""\n\n'
        'msgid "Left"\nmsgstr ""\n\n'
        'msgid "%(n)s chamber"\nmsgid_plural "%(n)s chambers"\nmsgstr[0] ""\nmsgstr[1] ""\n', encoding="utf-8")
    (tmp_path / "xx" / "LC_MESSAGES" / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && '
        'n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n"\n\n'
        'msgid "Hello %(name)s"\nmsgstr "Marhaba %(nom)s"\n\n#, fuzzy\nmsgid "Fuzzy"\nmsgstr "Flou"\n\n'
        'msgid "%(n)s chamber"\nmsgid_plural "%(n)s chambers"\nmsgstr[0] "%(n)s"\nmsgstr[1] "%(n)s"\n'
        'msgstr[2] "%(n)s"\nmsgstr[3] "%(n)s"\nmsgstr[4] "%(count)s"\nmsgstr[5] "%(n)s"\n', encoding="utf-8")
    monkeypatch.setattr(catalogues, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(catalogues, "TEMPLATE", tmp_path / "messages.pot")
    catalogues.problems.cache_clear()
    try:
        found = catalogues.problems("xx")
    finally:
        catalogues.problems.cache_clear()
    assert found["missing"] == ["Left"]
    assert found["fuzzy"] == ["Fuzzy"]
    assert [p.split(" [")[0] for p in found["placeholders"]] == ["'Hello %(name)s'", "'%(n)s chamber'"]
    assert "[4]" in found["placeholders"][1]
