"""The words a spreadsheet uses for an activity's type and area: codes, labels (in the interface language and the
centre's working languages) and common synonyms, compared case- and accent-insensitively.

A word that fits two values is reported with both as candidates, never guessed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from parliament_tracker.chambers.text import normalize

# Synonyms staff sheets use, in English, French and Spanish (written naturally; normalised when indexed).
TYPE_SYNONYMS = {
    "workshop": ("atelier", "taller", "seminar", "séminaire", "seminario", "regional workshop", "atelier régional"),
    "training": ("training course", "course", "formation", "cours", "curso", "formación", "capacitación",
                 "entrenamiento"),
    "conference": ("conference", "meeting", "conférence", "réunion", "conferencia", "reunión", "forum", "summit",
                   "sommet", "cumbre", "high-level meeting"),
    "research": ("research", "étude", "estudio", "recherche", "investigación", "publication", "publicación",
                 "report", "rapport", "informe", "survey", "enquête", "encuesta", "handbook", "guidelines"),
    "mission": ("assessment", "advisory mission", "évaluation", "evaluación", "misión", "technical assistance",
                "assistance technique", "asistencia técnica"),
    "study_visit": ("study visit", "visite d'étude", "visita de estudio", "peer exchange", "échange", "intercambio",
                    "exchange", "fellowship"),
    "webinar": ("webinaire", "seminario web", "online seminar", "séminaire en ligne"),
    "information_service": ("information service", "information request", "newsletter", "portal",
                            "service d'information", "servicio de información"),
}
AREA_SYNONYMS = {
    "research": ("analysis", "research", "analyse", "recherche", "análisis", "investigación"),
    "advocacy": ("plaidoyer", "promoción", "incidencia"),
    "awareness": ("awareness", "coordination", "sensibilisation", "sensibilización", "coordinación",
                  "awareness raising"),
    "information": ("information", "información", "information services", "services d'information"),
}
# Words too common to tell values apart ("Research study or publication" is read as "research study publication").
FILLER = {"or", "and", "of", "the", "a", "an", "de", "d", "la", "le", "les", "du", "des", "y", "o", "ou", "et",
          "en", "el", "los", "las", "on"}


@dataclass(frozen=True)
class WordMatch:
    """codes is one code (resolved), several (ambiguous) or none (unknown); how is 'code' or 'name'."""

    codes: tuple[str, ...]
    how: str = ""


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalize(text).split() if w not in FILLER)


class Vocabulary:
    """The known values of one column (code -> label) and every way of writing them."""

    def __init__(self, labels: dict[str, str], synonyms: dict[str, tuple[str, ...]]):
        self.labels = dict(labels)
        self.codes = {normalize(code): code for code in labels}
        self.phrases: dict[str, set[str]] = defaultdict(set)
        self.word_sets: list[tuple[frozenset[str], str]] = []
        for code, label in labels.items():
            for text in (code.replace("_", " "), str(label), *synonyms.get(code, ())):
                self.phrases[normalize(text)].add(code)
                self.word_sets.append((_words(text), code))

    def lookup(self, text: str) -> WordMatch:
        """The code(s) a cell names: its code, a label or synonym, or every value whose words contain the cell's."""
        key = normalize(text)
        if not key:
            return WordMatch(())
        if key in self.codes:
            return WordMatch((self.codes[key],), "code")
        if key in self.phrases:
            return WordMatch(tuple(sorted(self.phrases[key])), "name")
        words = _words(text)
        fits = sorted({code for known, code in self.word_sets if words and words <= known})
        return WordMatch(tuple(fits), "name")


def type_vocabulary(labels) -> Vocabulary:
    return Vocabulary({code: str(label) for code, label in labels.items()}, TYPE_SYNONYMS)


def area_vocabulary(areas: dict[str, str]) -> Vocabulary:
    """areas: code -> label, read from the database (areas are data)."""
    return Vocabulary(areas, AREA_SYNONYMS)
