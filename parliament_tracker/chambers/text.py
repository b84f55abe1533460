"""Text normalisation shared by registry search and spreadsheet matching."""

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: 'Assemblée  nationale!' -> 'assemblee nationale'."""
    if not text:
        return ""
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()
