"""Which registry chamber a spreadsheet's chamber cell means: exact code, ISO code plus a type word or a chamber
name, country plus chamber name, official-language names; tolerant of case, accents, punctuation, word order and
small typos. Time-aware: given the activity's start date, only the chambers that existed then are candidates.

A name that fits several chambers is never guessed: it comes back as ambiguous with its candidates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _
from rapidfuzz import fuzz, process
from sqlalchemy import select

from parliament_tracker.activities.chamber_info import ChamberInfo
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.chambers.text import normalize
from parliament_tracker.extensions import db

# Words that carry no meaning for matching ("Senate of France" is "France Senate").
STOPWORDS = {"of", "the", "de", "la", "le", "les", "des", "du", "del", "los", "las", "and", "et", "y", "d", "l"}
TYPE_WORDS = {"lower": "lower", "lc": "lower", "upper": "upper", "uc": "upper", "unicameral": "unicameral"}
FILLER = {"house", "chamber", "parliament", "of", "the", "national"}
# A close spelling counts from this similarity (0-100, rapidfuzz ratio on word-sorted names).
THRESHOLD = 85
# Each word of a close spelling must be at least this similar to a word of the name.
WORD_THRESHOLD = 75
# Suggestions for an unknown name start at this similarity.
SUGGEST_FROM = 55
MAX_CANDIDATES = 12


def keyify(words) -> str:
    """Order-free key of a name: its normalised words without stopwords, sorted."""
    if isinstance(words, str):
        words = normalize(words).split()
    return " ".join(sorted(w for w in words if w not in STOPWORDS))


def _words_fit(query: str, choice: str) -> bool:
    """Every word typed is close to some word of the name: 'Frnace' fits 'France', 'Atlantis' fits nothing."""
    words = choice.split()
    return all(max((fuzz.ratio(w, c) for c in words), default=0) >= WORD_THRESHOLD for w in query.split())


@dataclass(frozen=True)
class Match:
    """The outcome for one cell: status is ok, ambiguous or error; candidates are chamber codes (ids: all of them);
    how says what resolved it: code, name or fuzzy (the reconciliation adds alias and map); field is the column
    at fault when refused (chamber or country)."""

    status: str
    code: str | None = None
    chamber_id: int | None = None
    candidates: tuple[str, ...] = ()
    message: str = ""
    how: str = ""
    ids: tuple[int, ...] = ()
    field: str = "chamber"


@dataclass
class _Country:
    id: int
    name: str
    chambers: list[tuple[int, str, str]] = field(default_factory=list)  # (id, code, type)


class ChamberMatcher:
    """An index of every chamber's names, built once per import (one query), then matched in memory."""

    def __init__(self, rows):
        self.by_code: dict[str, tuple[int, int]] = {}
        self.codes: dict[int, str] = {}
        self.countries: dict[int, _Country] = {}
        self.country_keys: dict[str, set[int]] = defaultdict(set)
        self.iso: dict[str, int] = {}
        self.names: dict[str, set[int]] = defaultdict(set)
        self.chamber_country: dict[int, int] = {}
        self.info: dict[int, ChamberInfo] = {}
        self.chamber_words: dict[int, list[frozenset[str]]] = defaultdict(list)
        self._cache: dict[tuple[str, str], Match] = {}
        for chamber, country in rows:
            self._add(chamber, country)
        self.keys = list(self.names)
        self.country_key_list = list(self.country_keys)

    @classmethod
    def from_database(cls) -> ChamberMatcher:
        return cls(db.session.execute(select(Chamber, Country).join(Chamber.country).order_by(Chamber.code)))

    def _add(self, chamber, country) -> None:
        entry = self.countries.setdefault(country.id, _Country(country.id, country.name))
        entry.chambers.append((chamber.id, chamber.code, chamber.chamber_type))
        self.by_code[chamber.code.upper()] = (chamber.id, country.id)
        self.codes[chamber.id] = chamber.code
        official = chamber.official_names.split("|")[0]
        self.info[chamber.id] = ChamberInfo(chamber.id, chamber.code, country.name, chamber.name, official,
                                            chamber.chamber_type, chamber.established, chamber.ended, country.iso2)
        self.chamber_country[chamber.id] = country.id
        self.iso[country.iso2.lower()] = self.iso[country.iso3.lower()] = country.id
        country_names = [country.name, country.official_name, *country.aliases.split("|")]
        for name in filter(None, country_names + [country.iso2, country.iso3]):
            self.country_keys[keyify(name)].add(country.id)
        chamber_names = [chamber.name, *chamber.official_names.split("|"), *chamber.other_names.split("|")]
        for name in filter(None, chamber_names):
            self.names[keyify(name)].add(chamber.id)
            self.chamber_words[chamber.id].append(frozenset(keyify(name).split()))
            for country_name in filter(None, country_names):
                self.names[keyify(f"{country_name} {name}")].add(chamber.id)

    def _result(self, ids, why: str, how: str = "name") -> Match:
        codes = tuple(sorted(self.codes[i] for i in ids))
        if len(codes) == 1:
            chamber_id = next(iter(ids))
            return Match("ok", codes[0], chamber_id, (), "", how, (chamber_id,))
        ids = tuple(sorted(ids, key=self.codes.get))
        shown = ", ".join(codes[:MAX_CANDIDATES])
        if len(codes) > MAX_CANDIDATES:
            shown = _("%(codes)s and %(n)s more", codes=shown, n=len(codes) - MAX_CANDIDATES)
        return Match("ambiguous", None, None, codes[:MAX_CANDIDATES],
                     _("%(why)s fits %(n)s chambers (%(codes)s); give the chamber code or the country.", why=why,
                       n=len(codes), codes=shown), how, ids)

    def resolve_country(self, text: str) -> tuple[set[int], str]:
        """Country ids for a country cell (name, alias or ISO code), and an error message when none fits."""
        key = keyify(text)
        if key in self.country_keys:
            return set(self.country_keys[key]), ""
        close = process.extract(key, self.country_key_list, scorer=fuzz.ratio, limit=3, score_cutoff=THRESHOLD)
        found = {cid for choice, _s, _i in close for cid in self.country_keys[choice]}
        if len(found) == 1:
            return found, ""
        suggestions = process.extract(key, self.country_key_list, scorer=fuzz.ratio, limit=3,
                                      score_cutoff=SUGGEST_FROM)
        names = sorted({self.countries[c].name for s, _score, _i in suggestions for c in self.country_keys[s]})
        if names:
            return set(), _("Unknown country %(c)r; closest: %(names)s.", c=text, names=", ".join(names))
        return set(), _("Unknown country %(c)r.", c=text)

    def match(self, chamber_text: str, country_text: str = "", on: dt.date | None = None) -> Match:
        """The chamber a cell names, reading the optional country cell too, among the chambers that existed on
        the date `on` when given; the date-free match is cached per distinct pair."""
        pair = (chamber_text.strip(), country_text.strip())
        if pair not in self._cache:
            self._cache[pair] = self._match(*pair)
        return self.on_date(self._cache[pair], on, chamber_text)

    def on_date(self, match: Match, on: dt.date | None, text: str) -> Match:
        """match narrowed to the chambers that existed on the date: one left resolves, none left is refused."""
        if on is None or match.status == "error":
            return match
        alive = tuple(i for i in match.ids if self.info[i].existed_on(on))
        if len(alive) == len(match.ids):
            return match
        if alive:
            narrowed = self._result(set(alive), repr(text), match.how)
            if narrowed.status == "ok":
                return replace(narrowed, message=_("Read %(t)r as %(code)s, the only one of %(codes)s that sat on "
                                                   "%(day)s.", t=text, code=narrowed.code,
                                                   codes=", ".join(self.codes[i] for i in match.ids),
                                                   day=on.isoformat()))
            return narrowed
        gone = [self.info[i] for i in match.ids]
        described = ", ".join(f"{c.code} ({c.dates})" for c in gone[:MAX_CANDIDATES])
        return Match("error", None, None, tuple(c.code for c in gone[:MAX_CANDIDATES]),
                     _("%(t)r: %(chambers)s did not sit on %(day)s, the activity's start date.", t=text,
                       chambers=described, day=on.isoformat()), match.how)

    def _match(self, text: str, country_text: str) -> Match:
        if not text:
            return Match("error", message=_("The chamber is empty."))
        countries: set[int] = set()
        if country_text:
            countries, problem = self.resolve_country(country_text)
            if problem:
                return Match("error", message=problem, field="country")
        code = text.upper().replace(" ", "-").replace("_", "-")
        if code in self.by_code:
            chamber_id, country_id = self.by_code[code]
            if countries and country_id not in countries:
                return Match("error", message=_("%(code)s is not a chamber of %(c)s.", code=code, c=country_text),
                             how="code", field="country")
            return Match("ok", code, chamber_id, (), "", "code", (chamber_id,))
        words = normalize(text).split()
        rest = self._strip_country(words, countries)
        if rest is not None and not countries:
            countries, words_left = rest
        else:
            words_left = rest[1] if rest else words
        if countries:
            by_type = self._by_type(countries, words_left, text)
            if by_type is not None:
                return by_type
        elif (by_iso := self._by_iso_and_name(words, text)) is not None:
            return by_iso
        return self._by_name(words, words_left, countries, text)

    def _by_iso_and_name(self, words: list[str], text: str) -> Match | None:
        """'BRA Senate', 'FR Sénat', 'Senate KEN': an ISO code first or last, a chamber name of that country."""
        if len(words) < 2:
            return None
        for iso, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
            if iso in self.iso and iso not in STOPWORDS:
                found = self._by_name(rest, rest, {self.iso[iso]}, text)
                if found.status != "error":
                    return found
        return None

    def _strip_country(self, words: list[str], given: set[int]):
        """(country ids, remaining words) when the text names a country (an ISO code only beside type words)."""
        isos = [w for w in words if w in self.iso]
        others = [w for w in words if w not in self.iso]
        if len(isos) == 1 and all(w in TYPE_WORDS or w in FILLER for w in others):
            return {self.iso[isos[0]]}, others
        best = None
        for size in range(min(len(words), 6), 0, -1):
            for start in range(len(words) - size + 1):
                key = keyify(words[start:start + size])
                if len(key) > 3 and key in self.country_keys:
                    ids = self.country_keys[key]
                    if not given or ids & given:
                        best = (set(ids), words[:start] + words[start + size:])
                        break
            if best:
                return best
        return None

    def _by_type(self, countries: set[int], words: list[str], text: str) -> Match | None:
        """'France lower house', 'FR upper', 'Parliament of Mali': a country plus only type or filler words."""
        meaningful = [w for w in words if w not in STOPWORDS]
        if not all(w in TYPE_WORDS or w in FILLER for w in meaningful):
            return None
        chambers = [c for cid in countries for c in self.countries[cid].chambers]
        wanted = {TYPE_WORDS[w] for w in meaningful if w in TYPE_WORDS}
        if wanted:
            types = {"lower": ("lower", "unicameral"), "upper": ("upper",), "unicameral": ("unicameral",)}
            chambers = [c for c in chambers if all(c[2] in types[t] for t in wanted)]
        if not chambers:
            return Match("error", message=_("No such chamber in %(t)r.", t=text))
        if len(chambers) > 1 and not wanted:
            chambers.sort(key=lambda c: c[1])
            codes = tuple(c[1] for c in chambers)
            return Match("ambiguous", None, None, codes,
                         _("%(t)r names a parliament with %(n)s chambers (%(codes)s); say which.", t=text,
                           n=len(codes), codes=", ".join(codes)), "name", tuple(c[0] for c in chambers))
        return self._result({c[0] for c in chambers}, repr(text))

    def _by_name(self, words: list[str], words_left: list[str], countries: set[int], text: str) -> Match:
        allowed = (lambda cid: self.chamber_country[cid] in countries) if countries else (lambda cid: True)
        keys = {keyify(words), keyify(words_left)} - {""}
        exact = {cid for key in keys for cid in self.names.get(key, ()) if allowed(cid)}
        if exact:
            return self._result(exact, repr(text))
        wanted = frozenset(keyify(words_left).split()) - FILLER
        if countries and wanted:  # 'Brazil Senate' for its Federal Senate: part of a name, within one country
            part = {cid for country in countries for cid, _code, _type in self.countries[country].chambers
                    if any(wanted <= name for name in self.chamber_words[cid])}
            if part:
                return self._result(part, repr(text))
        scores: dict[int, float] = {}
        loose: dict[int, float] = {}
        for key in keys:
            for choice, score, _index in process.extract(key, self.keys, scorer=fuzz.ratio, limit=40,
                                                    score_cutoff=SUGGEST_FROM):
                fits = _words_fit(key, choice)
                for cid in filter(allowed, self.names[choice]):
                    loose[cid] = max(loose.get(cid, 0), score)
                    if fits:
                        scores[cid] = max(scores.get(cid, 0), score)
        best = max(scores.values(), default=0)
        if best >= THRESHOLD:
            close = {cid for cid, score in scores.items() if score >= best - 2}
            result = self._result(close, repr(text), "fuzzy")
            if result.status == "ok":
                return replace(result, message=_("Read %(t)r as %(code)s.", t=text, code=result.code))
            return result
        ranked = sorted(loose, key=lambda cid: -loose[cid])[:3]
        suggestions = tuple(self.codes[cid] for cid in ranked)
        message = (_("Unknown chamber %(t)r; closest: %(codes)s.", t=text, codes=", ".join(suggestions))
                   if suggestions else _("Unknown chamber %(t)r.", t=text))
        return Match("error", None, None, suggestions, message)
