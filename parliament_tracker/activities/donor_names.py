"""The donors an import can name: exact names (case- and accent-insensitive), and close names to suggest for a
donor the registry does not know ('EC' or 'European Commission' for '[Demo] European Commission')."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from parliament_tracker.chambers.text import normalize

# Prefixes that mark a copy of a donor rather than another donor.
PREFIX = re.compile(r"^\s*\[[^\]]*\]\s*")
# Short forms staff write for the centre's usual funders (normalised form -> normalised full names).
SHORT_FORMS = {"ec": ("european commission", "european union"), "eu": ("european union", "european commission"),
               "undp": ("united nations development programme",), "un": ("united nations",),
               "undesa": ("united nations department of economic and social affairs",)}
FILLER = {"of", "the", "for", "and", "de", "la", "le", "des", "du", "et", "y", "del"}
SUGGEST_FROM = 70
MAX_SUGGESTIONS = 6


def _core(name: str) -> str:
    return normalize(PREFIX.sub("", name))


def _initials(core: str) -> str:
    return "".join(w[0] for w in core.split() if w not in FILLER)


class DonorIndex:
    """Donor names, loaded once per import."""

    def __init__(self, names):
        self.names = sorted(names)
        self.by_key = {normalize(n): n for n in self.names}

    def exact(self, text: str) -> str | None:
        return self.by_key.get(normalize(text))

    def suggest(self, text: str) -> tuple[str, ...]:
        """Known donors a person probably means, closest first: same name without a prefix, same initials,
        a known short form, or a close spelling."""
        core = _core(text)
        expansions = SHORT_FORMS.get(core, ())
        scored = []
        for name in self.names:
            other = _core(name)
            if other == core or other in expansions:
                score = 100
            elif core and (_initials(other) == core or _initials(core) == other):
                score = 95
            else:
                score = fuzz.token_set_ratio(core, other)
            if score >= SUGGEST_FROM:
                scored.append((-score, name))
        return tuple(name for _score, name in sorted(scored)[:MAX_SUGGESTIONS])
