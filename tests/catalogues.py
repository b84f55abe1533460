"""What the message catalogues lack, against the template (messages.pot): untranslated or missing messages,
fuzzy ones, and translations whose placeholders differ from the English (every plural form checked)."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "parliament_tracker" / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
TRANSLATED = ("fr", "es", "ar")  # every offered language but English, the catalogue's source
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|(?<!\{)\{(\w*)\}(?!\})|%[sdifr]")
# set to 1 once the translators' catalogues have landed: the tests that need complete catalogues then run
# (and fail on a missing message) instead of being skipped while a catalogue is incomplete
REQUIRE = "PT_REQUIRE_FULL_CATALOGUES"


def placeholders(text: str) -> list[str]:
    """The placeholders of a message, sorted: %(name)s, {name} and positional %s (as "%s")."""
    found = []
    for match in PLACEHOLDER.finditer(text.replace("%%", "")):
        named, braced = match.group(1), match.group(2)
        found.append(named if named is not None else f"{{{braced}}}" if braced is not None else "%s")
    return sorted(found)


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


@functools.cache
def problems(locale: str) -> dict[str, list[str]]:
    """{"missing": [...], "fuzzy": [...], "placeholders": [...], "plural_forms": [...]} for one catalogue, each
    entry naming the message (its English text)."""
    template = _read(TEMPLATE)
    catalogue = _read(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po")
    found = {"missing": [], "fuzzy": [], "placeholders": [], "plural_forms": []}
    for source in template:
        if not source.id:
            continue
        english = source.id if isinstance(source.id, str) else source.id[0]
        message = catalogue.get(source.id, source.context)
        if message is None or not all(_forms(message)):
            found["missing"].append(english)
            continue
        if message.fuzzy:
            found["fuzzy"].append(english)
        ids = [source.id] if isinstance(source.id, str) else list(source.id)
        if len(ids) > 1 and len(_forms(message)) != catalogue.num_plurals:
            found["plural_forms"].append(english)
        # a plural form has the placeholders of the English plural, or of the English singular (Arabic's
        # "one" and "two" forms may say the number in words, as the English singular may)
        allowed = [placeholders(english_form) for english_form in ids]
        for index, text in enumerate(_forms(message)):
            if placeholders(text) not in allowed:
                found["placeholders"].append(f"{english!r} [{index}]: {text!r}")
    return found


def complete() -> bool:
    """Every translated language's catalogue has every message, translated and not fuzzy."""
    return all(not problems(locale)["missing"] and not problems(locale)["fuzzy"] for locale in TRANSLATED)


def skip_reason() -> str | None:
    """Why a test needing complete catalogues is skipped now, or None when it runs."""
    if os.environ.get(REQUIRE) == "1" or complete():
        return None
    counts = ", ".join(f"{locale}: {len(problems(locale)['missing'])} missing" for locale in TRANSLATED)
    return f"needs_full_catalogues: the catalogues are not complete yet ({counts}); set {REQUIRE}=1 to run anyway"
