"""Numbers, dates and the registry's names in the request's language, from Babel's CLDR data.

Numbers: CLDR's symbols of the locale ("11 203" and "35 %" in French, "11.203" in Spanish). Arabic keeps
Latin digits ("11,203"): CLDR's own default for Modern Standard Arabic (`ar`, numbering system `latn`), the
digits of the Maghreb's parliaments and of the IPU's and the UN's Arabic data tables, and the digits of the years,
ISO codes and chamber codes the same pages show; Arabic-Indic digits (`arab`, as CLDR gives ar-EG or ar-SA)
would mix two digit sets in one table.

Country and region names: CLDR's territory names (Babel ships them for every locale; pycountry's translations
come from iso-codes, whose Arabic is incomplete), with the UN's own names where CLDR's differ (the State of
Palestine, "Latin America and the Caribbean"). English keeps the registry's names (ISO 3166 via pycountry).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

import pycountry
from babel import Locale
from babel.dates import format_date, format_datetime
from babel.languages import get_official_languages
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from flask import g, has_app_context
from flask_babel import get_locale

# The UN's names where CLDR says otherwise ("Territoires palestiniens": the UN's term is the State of Palestine).
COUNTRY_OVERRIDES = {
    "fr": {"PS": "État de Palestine"},
    "es": {"PS": "Estado de Palestina"},
    "ar": {"PS": "دولة فلسطين"},
}
# UN M49 areas by their English name, as the registry stores them, and their M49 codes (CLDR names them).
M49_CODES = {
    "Africa": "002", "Americas": "019", "Asia": "142", "Europe": "150", "Oceania": "009",
    "Northern Africa": "015", "Sub-Saharan Africa": "202", "Latin America and the Caribbean": "419",
    "Northern America": "021", "Central Asia": "143", "Eastern Asia": "030", "South-eastern Asia": "035",
    "Southern Asia": "034", "Western Asia": "145", "Eastern Europe": "151", "Northern Europe": "154",
    "Southern Europe": "039", "Western Europe": "155", "Australia and New Zealand": "053", "Melanesia": "054",
    "Micronesia": "057", "Polynesia": "061", "Eastern Africa": "014", "Middle Africa": "017",
    "Southern Africa": "018", "Western Africa": "011", "Caribbean": "029", "Central America": "013",
    "South America": "005",
}
# CLDR's 419 is "Latin America"; M49's 419 includes the Caribbean.
REGION_OVERRIDES = {
    "fr": {"419": "Amérique latine et Caraïbes"},
    "es": {"419": "América Latina y el Caribe"},
    "ar": {"419": "أمريكا اللاتينية ومنطقة البحر الكاريبي"},
}


def locale_code() -> str:
    return str(get_locale() or "en")


@functools.cache
def _symbols(locale: str) -> tuple[str, str]:
    """(thousands separator, percent pattern with {} for the number) of a locale, read from CLDR once."""
    pattern = Locale.parse(locale).percent_formats[None].pattern.split(";")[0]
    return get_group_symbol(locale), re.sub(r"[#0,.]+", "{}", pattern, count=1)


def _current() -> tuple[str, str]:
    """The request's locale's symbols, looked up once per app context and kept on `g` (like the catalogue: the
    locale lookup costs more than the formatting, and a page formats a thousand numbers)."""
    found = g.get("number_symbols") if has_app_context() else None
    if found is None:
        found = _symbols(locale_code())
        if has_app_context():
            g.number_symbols = found
    return found


def group_symbol() -> str:
    """The request's locale's thousands separator."""
    return _current()[0]


def number_separators() -> str:
    """The request's locale's decimal sign and thousands separator, as plotly's layout.separators takes them, so
    a chart's axes write numbers as its labels and tables do ("," and narrow space in French)."""
    return get_decimal_symbol(locale_code()) + group_symbol()


def number(value) -> str:
    """An integer with the locale's thousands separator ("11,203", "11 203"); anything else as it is. Formatted
    by str.format with the separator read once per locale: a table has a thousand numbers, and Babel's formatter
    costs 20 times more per call."""
    if type(value) is not int:
        return "" if value is None else str(value)
    group = _current()[0]
    return f"{value:,}" if group == "," else f"{value:,}".replace(",", group)


def decimal(value: float | None, digits: int = 2) -> str:
    """A fraction with `digits` decimals and the locale's decimal sign ("2.75", "2,75"); "" for None."""
    if value is None:
        return ""
    return format_decimal(round(value, digits), f"0.{'0' * digits}", locale=locale_code())


def percent(share: float | None) -> str:
    """A share (0-1) as a whole percentage in the locale's style ("35%", "35 %"), "–" without a denominator."""
    if share is None:
        return "–"
    return _current()[1].format(number(round(100 * share)))


def date_text(value: dt.date | dt.datetime | None, style: str = "medium") -> str:
    """A date in the locale's words: "5 mars 2012", "5 mar 2012", "05‏/03‏/2012"; English keeps ISO 8601
    ("2012-03-05"), as the registry, the imports and the exports write dates, whatever the reader's country."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if locale_code() == "en":
        return value.isoformat()
    return format_date(value, style, locale=_babel_locale())


def datetime_text(value: dt.datetime | None) -> str:
    """A date and time (UTC, as stored) in the locale's words (English: "2012-03-05 14:30")."""
    if value is None:
        return ""
    if locale_code() == "en":
        return value.strftime("%Y-%m-%d %H:%M")
    return format_datetime(value, "medium", tzinfo=dt.UTC, locale=_babel_locale())


def _babel_locale() -> Locale:
    return get_locale() or Locale.parse("en")


@functools.cache
def _territories(locale: str) -> dict[str, str]:
    return {**Locale.parse(locale).territories, **COUNTRY_OVERRIDES.get(locale, {})}


def country_name(iso2: str | None, english: str) -> str:
    """The country's name in the request's language (CLDR), the registry's English name in English or when
    CLDR has none."""
    locale = locale_code()
    if locale == "en" or not iso2:
        return english
    return _territories(locale).get(iso2.upper(), english)


@functools.cache
def _iso2_of(iso3: str) -> str | None:
    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2 if found else None


def country_name_iso3(iso3: str | None, english: str) -> str:
    """country_name for a country known by its alpha-3 code (the dashboards' rows carry that one)."""
    if locale_code() == "en" or not iso3:
        return english
    return country_name(_iso2_of(iso3.upper()), english)


def region_name(english: str | None) -> str:
    """A UN M49 region, subregion or intermediate region, stored by its English name, in the request's language."""
    locale = locale_code()
    code = M49_CODES.get(english or "")
    if locale == "en" or code is None:
        return english or ""
    return REGION_OVERRIDES.get(locale, {}).get(code) or Locale.parse(locale).territories.get(code, english)


def _script_of(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    return "arabic" if letters and all("ARABIC" in unicodedata.name(c, "") for c in letters) else "latin"


# Words that tell a French or a Spanish chamber name from a Dutch, German, Italian or Creole one, when a country
# with several official languages lists several Latin-script names.
NAME_WORDS = {
    "fr": {"assemblée", "chambre", "sénat", "conseil", "des", "du", "nationale", "représentants", "députés"},
    "es": {"asamblea", "cámara", "senado", "congreso", "consejo", "de", "los", "nacional", "diputados"},
}


def chamber_name(name: str, official_names: str, languages: tuple[str, ...] = ()) -> tuple[str, str]:
    """(name, language of the name) of a chamber for the request's language: its official name in that language
    where the registry holds one, else the English name (the page marks it, lang="en"). Only in a country where the
    language is official (CLDR, de facto too). Arabic: the official name in Arabic script. French and Spanish: its
    one Latin-script
    official name (transliterations of an Arabic name, which follow it, left out), or the one with the language's
    words when there are several."""
    locale = locale_code()
    if locale == "en":
        return name, "en"
    names = [n.strip() for n in official_names.split("|") if n.strip()]
    if locale not in languages:  # (an Arabic-script name of Afghanistan or Iran is Pashto, Dari or Persian)
        return name, "en"
    if locale == "ar":
        arabic = [n for n in names if _script_of(n) == "arabic"]
        return (arabic[0], "ar") if arabic else (name, "en")
    latin = [n for i, n in enumerate(names) if _script_of(n) == "latin" and n != name
             and not (i and _script_of(names[i - 1]) == "arabic")]
    if len(latin) > 1:
        worded = [n for n in latin if NAME_WORDS.get(locale, set()) & set(n.lower().split())]
        latin = worded if len(worded) == 1 else latin[:1] if _only_latin(locale, languages) else []
    return (latin[0], locale) if latin else (name, "en")


def _only_latin(locale: str, languages: tuple[str, ...]) -> bool:
    """The language is the country's only official language written in Latin script (besides English)."""
    return all(code in (locale, "en") or code in NON_LATIN for code in languages)


NON_LATIN = {"ar", "he", "fa", "ru", "zh", "hi", "bn", "am", "ti", "el", "ka", "hy", "ko", "ja", "th", "km", "lo",
             "my", "dv", "ur", "ps", "uk", "bg", "sr", "mk", "be", "kk", "ky", "tg", "mn", "ne", "si", "ta", "tzm"}


@functools.cache
def official_languages(iso2: str) -> tuple[str, ...]:
    """The country's official languages (CLDR, de facto ones included)."""
    return tuple(get_official_languages(iso2, de_facto=True))


class LangText(str):
    """A text that knows its language (a chamber's name, in the reader's language or, where none is known, in
    English): a template marks it lang="…" where it differs from the page's; anywhere else it is a str."""

    lang: str

    def __new__(cls, text: str, lang: str):
        made = super().__new__(cls, text)
        made.lang = lang
        return made
