"""Type and area words: codes, labels and synonyms in English, French and Spanish; two fits are a choice."""

import pytest

from parliament_tracker.activities.vocabulary import area_vocabulary, type_vocabulary
from parliament_tracker.labels import LABELS

AREAS = {"research": "Analysis and research services", "advocacy": "Advocacy",
         "awareness": "Awareness and coordination", "information": "Information services"}

TYPES = [
    ("workshop", ("workshop",), "code"),
    ("WORKSHOP", ("workshop",), "code"),
    ("study visit", ("study_visit",), "code"),
    ("Research study or publication", ("research",), "name"),
    ("research study", ("research",), "name"),
    ("Research study", ("research",), "name"),
    ("étude", ("research",), "name"),
    ("Etude", ("research",), "name"),
    ("estudio", ("research",), "name"),
    ("atelier", ("workshop",), "name"),
    ("Taller", ("workshop",), "name"),
    ("séminaire", ("workshop",), "name"),
    ("Formación", ("training",), "name"),
    ("Conférence", ("conference",), "code"),  # accents do not count
    ("Misión", ("mission",), "name"),
    ("visite d'étude", ("study_visit",), "name"),
    ("webinaire", ("webinar",), "name"),
    ("Training course", ("training",), "name"),
    ("study", ("research", "study_visit"), "name"),  # fits two types: a choice, never a guess
    ("visit", ("study_visit",), "name"),
    ("picnic", (), ""),
]
AREA_WORDS = [
    ("awareness", ("awareness",), "code"),
    ("Sensibilisation", ("awareness",), "name"),
    ("sensibilización", ("awareness",), "name"),
    ("Awareness and coordination", ("awareness",), "name"),
    ("plaidoyer", ("advocacy",), "name"),
    ("Investigación", ("research",), "name"),
    ("information services", ("information",), "name"),
    ("services", ("information", "research"), "name"),
]


@pytest.mark.parametrize("text, codes, how", TYPES)
def test_type_words(app, text, codes, how):
    found = type_vocabulary(LABELS["activity_type"]).lookup(text)
    assert (found.codes, found.how if codes else "") == (codes, how)


@pytest.mark.parametrize("text, codes, how", AREA_WORDS)
def test_area_words(text, codes, how):
    found = area_vocabulary(AREAS).lookup(text)
    assert (found.codes, found.how) == (codes, how)
