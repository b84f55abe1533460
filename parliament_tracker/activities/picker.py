"""The chamber picker's search: chambers by country or chamber name (any language), code or ISO code."""

from __future__ import annotations

from sqlalchemy import select

from parliament_tracker.activities.matching import keyify
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.chambers.services import RegistryFilter, get_chamber_by_code, search_chambers
from parliament_tracker.chambers.text import normalize
from parliament_tracker.extensions import db
from parliament_tracker.localised import chamber_name, country_name, locale_code, official_languages

# The picker shows at most this many chambers; the person types more to narrow it down.
LIMIT = 20


def _names(chamber: Chamber) -> set[str]:
    """Every order-free key a person may type for exactly this chamber: its names, alone or with the country."""
    names = [chamber.name, *chamber.official_name_list, *chamber.other_name_list]
    country = chamber.country
    prefixes = ["", country.name, country.iso2, country.iso3, *country.alias_list]
    return {keyify(f"{prefix} {name}") for prefix in prefixes for name in names}


def _rank(chamber: Chamber, words: list[str], key: str, shared: set[str]) -> tuple:
    """A name that means exactly this chamber first ('Bundestag', 'Kenya National Assembly'), then exact code or
    ISO matches, then names that start with what was typed, then the rest. shared holds the keys more than one
    chamber answers to ('Parliament of Kenya'), which are not exact."""
    text = " ".join(words)
    exact = key in _names(chamber) and key not in shared
    code = text in {normalize(chamber.code), chamber.country.iso2.lower(), chamber.country.iso3.lower()}
    starts = normalize(chamber.country.name).startswith(text) or normalize(chamber.name).startswith(text)
    return (not exact, not code, not starts, chamber.country.name, chamber.code)


def _item(chamber: Chamber) -> dict:
    official = chamber.official_name_list
    country = chamber.country
    name, _lang = chamber_name(chamber.name, chamber.official_names or "", official_languages(country.iso2))
    return {"codes": [chamber.code], "code": chamber.code, "country": country.name,
            "name": chamber.name, "official_name": official[0] if official else "", "type": chamber.chamber_type,
            "label": f"{country_name(country.iso2, country.name)}: {name} ({chamber.code})"}


def picker_search(q: str, both_label: str) -> list[dict]:
    """Up to LIMIT matching chambers; each bicameral parliament found also gets one entry adding both chambers.

    both_label is the translated label pattern for that entry, with {country} and {codes} placeholders."""
    words = normalize(q).split()
    if not words:
        return []
    key = keyify(words)
    found = list(search_chambers(RegistryFilter(q=q[:100])))
    fits = [c for c in found if key in _names(c)]
    shared = {key} if len(fits) > 1 else set()
    chambers = sorted(found, key=lambda c: _rank(c, words, key, shared))[:LIMIT]
    items = [_item(chamber) for chamber in chambers]
    # "Both chambers" is an entry of its own after the country's last chamber shown, never the first entry.
    for country in {c.country.id: c.country for c in chambers}.values():
        if len(country.chambers) > 1:
            codes = [c.code for c in country.chambers]
            last = max(i for i, item in enumerate(items) if item["country"] == country.name and item["code"])
            items.insert(last + 1, {"codes": codes, "code": "", "country": country.name, "name": "",
                                    "official_name": "", "type": "parliament",
                                    "label": both_label.format(country=country_name(country.iso2, country.name),
                                                             codes=", ".join(codes))})
    return items


def chamber_code_choices() -> list[tuple]:
    """(code, 'Country: chamber (code)', options) for every chamber, for the plain multi-select the picker enhances:
    names in the reader's language (localised), an option whose chamber name is the English one marked lang="en"."""
    rows = db.session.execute(select(Chamber.code, Country.iso2, Country.name, Chamber.name, Chamber.official_names)
                              .join(Chamber.country).order_by(Country.name, Chamber.code))
    choices = []
    for code, iso2, country, english, official in rows:
        name, lang = chamber_name(english, official or "", official_languages(iso2))
        label = f"{country_name(iso2, country)}: {name} ({code})"
        choices.append((code, label, {"lang": "en"} if lang == "en" and locale_code() != "en" else {}))
    return choices


def get_chambers_by_codes(codes) -> list[Chamber]:
    """The chambers with these codes, in the order given; unknown codes are left out."""
    found = [get_chamber_by_code(code) for code in dict.fromkeys(codes) if code]
    return [c for c in found if c is not None]
