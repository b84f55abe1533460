"""Reconciling an import's values: each chamber, area, type and donor cell resolved by its exact code, a choice
made for this import (on the page or with --map), a remembered answer (alias), or the name matchers, in that
order; an exact code always wins. Nothing here writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _

from parliament_tracker.activities.donor_names import DonorIndex
from parliament_tracker.activities.matching import ChamberMatcher, Match
from parliament_tracker.activities.vocabulary import Vocabulary
from parliament_tracker.chambers.text import normalize

COLUMNS = ("chamber", "area", "type", "donor")
# A donor target starting with this creates the donor (named by the rest, or by the value as written).
CREATE = "+"


class MapError(ValueError):
    """A --map (or a posted choice) that cannot be read; nothing was written."""


@dataclass(frozen=True)
class Choice:
    """One answer: the value as written in a column (and the country cell, for a chamber) means target."""

    column: str
    value: str
    target: str
    country: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return choice_key(self.column, self.value, self.country)

    def as_dict(self) -> dict:
        return {"column": self.column, "value": self.value, "country": self.country, "target": self.target}


def choice_key(column: str, value: str, country: str = "") -> tuple[str, str, str]:
    """The same value written differently (case, accents, spacing) is the same answer; country only for chambers."""
    return column, normalize(value), normalize(country) if column == "chamber" else ""


def parse_map(text: str) -> Choice:
    """'chamber:Bundesrat|Austria=AT-UC', 'type:research study=research', 'donor:EC=European Commission'."""
    column, sep, rest = text.partition(":")
    value, eq, target = rest.rpartition("=")
    column = column.strip().lower()
    if not sep or not eq or column not in COLUMNS or not value.strip() or not target.strip():
        raise MapError(_("Cannot read --map %(m)r: write COLUMN:VALUE=TARGET (or COLUMN:VALUE|COUNTRY=TARGET), "
                         "COLUMN being one of %(cols)s.", m=text[:100], cols=", ".join(COLUMNS)))
    value, _bar, country = value.partition("|") if column == "chamber" else (value, "", "")
    return Choice(column, value.strip()[:200], target.strip()[:200], country.strip()[:120])


@dataclass(frozen=True)
class Resolved:
    """A reconciled cell: target is the code (or donor name) when resolved; how is code, name, alias, map or
    fuzzy; candidates are what a person may choose from when it is not; create marks a donor to create."""

    target: str | None
    how: str = ""
    candidates: tuple[str, ...] = ()
    message: str = ""
    create: bool = False
    choice: Choice | None = None


@dataclass
class Resolver:
    """Everything an import resolves against, loaded once: the registry, the vocabularies, the donors, this
    import's choices and the remembered aliases (both keyed by choice_key)."""

    matcher: ChamberMatcher
    vocabularies: dict[str, Vocabulary]
    donors: DonorIndex
    choices: dict[tuple, Choice] = field(default_factory=dict)
    aliases: dict[tuple, Choice] = field(default_factory=dict)
    used: dict[tuple, Choice] = field(default_factory=dict)

    def _answer(self, column: str, value: str, country: str = "") -> tuple[Choice | None, str]:
        for key in dict.fromkeys((choice_key(column, value, country), choice_key(column, value))):
            if key in self.choices:
                return self.choices[key], "map"
            if key in self.aliases:
                return self.aliases[key], "alias"
        return None, ""

    def chamber(self, text: str, country: str, on: dt.date | None) -> Match:
        """The chamber a row names on the activity's start date."""
        match = self.matcher.match(text, country, on)
        if match.how == "code":
            return match
        choice, how = self._answer("chamber", text, country)
        if choice is None:
            return match
        found = self.matcher.by_code.get(choice.target.upper())
        if found is None:
            return Match("error", message=_("The answer for %(t)r names %(code)s, which is not a chamber.",
                                            t=text, code=choice.target))
        self.used[choice.key] = choice
        answered = Match("ok", self.matcher.codes[found[0]], found[0], (), "", how, (found[0],))
        return replace(self.matcher.on_date(answered, on, text), how=how)

    def word(self, column: str, text: str) -> Resolved:
        """An area or type cell: its code, a label or synonym, or an answer; several fits are candidates."""
        vocabulary = self.vocabularies[column]
        found = vocabulary.lookup(text)
        if found.how == "code":
            return Resolved(found.codes[0], "code")
        choice, how = self._answer(column, text)
        if choice is not None and choice.target in vocabulary.labels:
            self.used[choice.key] = choice
            return Resolved(choice.target, how, choice=choice)
        if len(found.codes) == 1:
            return Resolved(found.codes[0], found.how)
        if found.codes:
            return Resolved(None, "", found.codes, _("%(col)s: %(v)r fits %(codes)s; choose one.", col=column,
                                                       v=text[:40], codes=", ".join(found.codes)))
        return Resolved(None, "", tuple(vocabulary.labels), _("%(col)s: unknown value %(v)r; choose one of %(known)s.",
                                                              col=column, v=text[:40],
                                                              known=", ".join(vocabulary.labels)))

    def donor(self, text: str) -> Resolved:
        """A donor name: an existing donor, or an answer (an existing donor, or create); else a new donor that
        waits for a person's choice: nothing is ever created without one."""
        existing = self.donors.exact(text)
        if existing is not None:
            return Resolved(existing, "name")
        choice, how = self._answer("donor", text)
        if choice is not None:
            if choice.target.startswith(CREATE):
                self.used[choice.key] = choice
                name = choice.target[len(CREATE):].strip() or text
                return Resolved(self.donors.exact(name) or name[:200], how, create=self.donors.exact(name) is None,
                                choice=choice)
            if (known := self.donors.exact(choice.target)) is not None:
                self.used[choice.key] = choice
                return Resolved(known, how, choice=choice)
        return Resolved(None, "", self.donors.suggest(text),
                        _("donor: %(v)r is a new donor; map it to a known donor or create it.", v=text[:60]))
