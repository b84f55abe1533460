"""The chamber picker's search: chambers by country or chamber name (any language), code or ISO code."""

from __future__ import annotations

from sqlalchemy import select

from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.chambers.services import RegistryFilter, get_chamber_by_code, search_chambers
from parliament_tracker.chambers.text import normalize
from parliament_tracker.extensions import db

# The picker shows at most this many chambers; the person types more to narrow it down.
LIMIT = 20


def _rank(chamber: Chamber, words: list[str]) -> tuple:
    """Exact code or ISO matches first, then names that start with what was typed, then the rest."""
    text = " ".join(words)
    exact = text in {normalize(chamber.code), chamber.country.iso2.lower(), chamber.country.iso3.lower()}
    starts = normalize(chamber.country.name).startswith(text) or normalize(chamber.name).startswith(text)
    return (not exact, not starts, chamber.country.name, chamber.code)


def _item(chamber: Chamber) -> dict:
    official = chamber.official_name_list
    return {"codes": [chamber.code], "code": chamber.code, "country": chamber.country.name,
            "name": chamber.name, "official_name": official[0] if official else "",
            "type": chamber.chamber_type, "label": f"{chamber.display_name} ({chamber.code})"}


def picker_search(q: str, both_label: str) -> list[dict]:
    """Up to LIMIT matching chambers; each bicameral parliament found also gets one entry adding both chambers.

    both_label is the translated label pattern for that entry, with {country} and {codes} placeholders."""
    words = normalize(q).split()
    if not words:
        return []
    chambers = sorted(search_chambers(RegistryFilter(q=q[:100])), key=lambda c: _rank(c, words))[:LIMIT]
    items, seen = [], set()
    for chamber in chambers:
        country = chamber.country
        if country.id not in seen and len(country.chambers) > 1:
            codes = [c.code for c in country.chambers]
            items.append({"codes": codes, "code": "", "country": country.name, "name": "", "official_name": "",
                          "type": "parliament", "label": both_label.format(country=country.name,
                                                                             codes=", ".join(codes))})
        seen.add(country.id)
        items.append(_item(chamber))
    return items


def chamber_code_choices() -> list[tuple[str, str]]:
    """(code, 'Country: chamber (code)') for every chamber, for the plain multi-select the picker enhances."""
    rows = db.session.execute(select(Chamber.code, Country.name, Chamber.name).join(Chamber.country)
                              .order_by(Country.name, Chamber.code))
    return [(code, f"{country}: {name} ({code})") for code, country, name in rows]


def get_chambers_by_codes(codes) -> list[Chamber]:
    """The chambers with these codes, in the order given; unknown codes are left out."""
    found = [get_chamber_by_code(code) for code in dict.fromkeys(codes) if code]
    return [c for c in found if c is not None]
