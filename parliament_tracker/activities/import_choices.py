"""The choices a person makes in a preview, checked and kept with the pending import (uploads.save_state) until it
is committed: one answer per value (and country, for chambers), applied to every row that has it."""

from __future__ import annotations

from flask_babel import gettext as _

from parliament_tracker.activities.aliases import AliasError, check_target
from parliament_tracker.activities.matching import ChamberMatcher
from parliament_tracker.activities.reconcile import COLUMNS, CREATE, Choice, MapError
from parliament_tracker.labels import label
from parliament_tracker.localised import chamber_name, country_name, locale_code, official_languages


def read_choice(column: str, value: str, country: str, target: str, other: str = "") -> Choice:
    """A posted choice made safe: a known column, a value, and a target that exists (a chamber given by its code
    or a name that fits one chamber, an area or type code, a known donor, or CREATE for a new donor)."""
    column, value, target, other = column.strip(), value.strip()[:200], target.strip(), other.strip()
    if column not in COLUMNS or not value:
        raise MapError(_("That choice cannot be read; upload the file again."))
    target = other or target
    if not target:
        raise MapError(_("Choose a value for %(v)r first.", v=value[:60]))
    if column == "donor" and target.startswith(CREATE):
        return Choice(column, value, CREATE + target[len(CREATE):].strip()[:200])
    if column == "chamber":
        target = _chamber_code(target)
    try:
        checked = check_target(column, target)
    except AliasError as error:
        raise MapError(str(error)) from None
    return Choice(column, value, checked, country.strip()[:120] if column == "chamber" else "")


def _chamber_code(text: str) -> str:
    match = ChamberMatcher.from_database().match(text)
    if match.status == "ok":
        return match.code
    raise MapError(match.message or _("No chamber fits %(t)r; give its code.", t=text[:60]))


def choices_of(state: dict) -> list[Choice]:
    """The stored choices as Choice objects (a damaged entry is dropped, never guessed)."""
    found = []
    for item in state.get("choices", []):
        try:
            found.append(Choice(str(item["column"]), str(item["value"]), str(item["target"]),
                                str(item.get("country", ""))))
        except (KeyError, TypeError):
            continue
    return found


def with_choice(state: dict, choice: Choice) -> dict:
    """state with choice replacing any earlier answer for the same value."""
    kept = [c.as_dict() for c in choices_of(state) if c.key != choice.key]
    return {**state, "choices": [*kept, choice.as_dict()]}


def excluded_of(state: dict) -> set[int]:
    return {int(r) for r in state.get("excluded", []) if str(r).isdigit()}


def refused_rows(report) -> list[int]:
    return report.numbers("error", "ambiguous")


def choice_options(report, pending) -> list[tuple]:
    """(value, label[, the option's attributes]) of what a person may choose for a pending value: its candidates first (chambers described
    by country, names, type and registry dates), then every other known value; for a donor, creating it."""
    resolver = report.resolver
    if pending.column == "chamber":
        options = []
        for code in pending.candidates:
            found = resolver.matcher.by_code.get(code)
            if found is None:
                continue
            c = resolver.matcher.info[found[0]]
            # the country, the name and the type in the reader's language, an English name marked as such
            name, lang = chamber_name(c.name, c.official_name, official_languages(c.iso2))
            parts = [f"{country_name(c.iso2, c.country)}: {name}", c.official_name if c.official_name != name else "",
                     label("chamber_type", c.chamber_type), c.dates]
            options.append((code, f"{code} · " + " · ".join(p for p in parts if p),
                            {"lang": "en"} if lang == "en" and locale_code() != "en" else {}))
        return options
    if pending.column == "donor":
        suggested = list(pending.candidates)
        create = (CREATE, _("Create the new donor “%(d)s”", d=pending.value))
        return ([(n, n) for n in suggested] + [create]
                + [(n, n) for n in resolver.donors.names if n not in suggested])
    labels = resolver.vocabularies[pending.column].labels
    first = [c for c in pending.candidates if c in labels and len(pending.candidates) < len(labels)]
    return [(c, f"{labels[c]} ({c})") for c in first] + [(c, f"{label} ({c})") for c, label in labels.items()
                                                         if c not in first]
