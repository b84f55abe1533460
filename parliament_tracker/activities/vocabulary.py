"""The words a spreadsheet uses for an activity's type and area: codes, labels (in the interface language and the
centre's working languages) and common synonyms, compared case- and accent-insensitively.

A word that fits two values is reported with both as candidates, never guessed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from parliament_tracker.chambers.text import normalize

# Synonyms staff sheets use, in English, French and Spanish (written naturally; normalised when indexed).
TYPE_SYNONYMS = {
    "workshop": ("atelier", "taller", "seminar", "séminaire", "seminario", "regional workshop", "atelier régional",
                 "taller regional"),
    "training": ("training course", "course", "formation", "cours", "curso", "formación", "capacitación",
                 "entrenamiento", "cours de formation", "curso de formación", "stage"),
    "conference": ("conference", "meeting", "conférence", "réunion", "conferencia", "reunión", "forum", "summit",
                   "sommet", "cumbre", "high-level meeting", "conférence ou réunion", "conferencia o reunión",
                   "foro"),
    "research": ("research", "étude", "estudio", "recherche", "investigación", "publication", "publicación",
                 "report", "rapport", "informe", "survey", "enquête", "encuesta", "handbook", "guidelines",
                 "étude ou publication", "estudio o publicación", "manuel", "manual"),
    "mission": ("assessment", "advisory mission", "évaluation", "evaluación", "misión", "technical assistance",
                "assistance technique", "asistencia técnica", "mission de conseil", "misión de asesoramiento",
                "mission d'évaluation", "misión de evaluación"),
    "study_visit": ("study visit", "visite d'étude", "visita de estudio", "peer exchange", "échange", "intercambio",
                    "exchange", "fellowship", "échange entre pairs", "intercambio entre pares", "voyage d'étude",
                    "viaje de estudio"),
    "webinar": ("webinaire", "seminario web", "online seminar", "séminaire en ligne", "webinario"),
    "information_service": ("information service", "information request", "newsletter", "portal",
                            "service d'information", "servicio de información", "demande d'information",
                            "solicitud de información", "bulletin", "boletín", "portail"),
}
AREA_SYNONYMS = {
    "research": ("analysis", "research", "analyse", "recherche", "análisis", "investigación",
                 "services d'analyse et de recherche", "servicios de análisis e investigación"),
    "advocacy": ("plaidoyer", "promoción", "incidencia", "promotion"),
    "awareness": ("awareness", "coordination", "sensibilisation", "sensibilización", "coordinación",
                  "awareness raising", "sensibilisation et coordination", "sensibilización y coordinación"),
    "information": ("information", "información", "information services", "services d'information",
                    "servicios de información"),
}
# Column headers in French and Spanish (besides the English names, which are the columns' own): written
# naturally, compared like the values (case, accents, spaces, hyphens and underscores aside).
HEADER_SYNONYMS = {
    "activity_ref": ("référence", "réf", "référence de l'activité", "référence activité", "code activité",
                     "referencia", "ref", "referencia de la actividad", "referencia actividad", "código actividad"),
    "title": ("titre", "intitulé", "título", "titre de l'activité", "título de la actividad"),
    "area": ("domaine", "domaine de travail", "domaine d'activité", "área", "área de trabajo", "ámbito"),
    "type": ("type d'activité", "type activité", "tipo", "tipo de actividad"),
    "start_date": ("date de début", "date début", "début", "fecha de inicio", "fecha inicio", "inicio",
                   "fecha de comienzo"),
    "end_date": ("date de fin", "date fin", "fin", "fecha de fin", "fecha fin", "fecha de término",
                 "fecha de finalización"),
    "location": ("lieu", "localisation", "lugar", "ubicación", "sede"),
    "donor": ("donateur", "bailleur", "bailleur de fonds", "bailleurs de fonds", "donante", "donador",
              "financiador", "donantes"),
    "chamber": ("chambre", "cámara", "parlement", "parlamento", "assemblée", "asamblea"),
    "country": ("pays", "país"),
    "participants": ("nombre de participants", "participantes", "número de participantes", "nombre participants"),
    "women": ("femmes", "dont femmes", "nombre de femmes", "mujeres", "de ellas mujeres", "número de mujeres"),
}


def _header_key(text: str) -> str:
    return normalize(text.replace("_", " ").replace("-", " "))


def header_columns(columns: tuple[str, ...]) -> dict[str, str]:
    """{normalised header: column} for the columns' own names and their French and Spanish headers."""
    found = {_header_key(column): column for column in columns}
    for column, words in HEADER_SYNONYMS.items():
        if column in columns:
            found.update({_header_key(word): column for word in words})
    return found


def header_column(cell: str, known: dict[str, str]) -> str | None:
    """The column a header cell names (known: header_columns()), or None for a column the import does not use."""
    return known.get(_header_key(cell or ""))
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
