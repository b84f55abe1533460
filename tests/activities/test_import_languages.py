"""The import reads French and Spanish column headers and type and area words (beside English)."""

import json

import pytest

from parliament_tracker.activities.importing import COLUMNS
from parliament_tracker.activities.vocabulary import HEADER_SYNONYMS, header_column, header_columns
from tests import factories

FRENCH = ("Référence,Titre,Domaine,Type d'activité,Date de début,Date de fin,Lieu,Bailleur de fonds,Chambre,Pays,"
          "Nombre de participants,Dont femmes\n"
          "AT-1,Atelier sur les données ouvertes,Sensibilisation et coordination,Atelier,2012-03-05,2012-03-07,"
          "Dakar,UNDP,KE-LC,,4,2\n")
SPANISH = ("Referencia,Título,Área,Tipo de actividad,Fecha de inicio,Fecha de fin,Lugar,Donante,Cámara,País,"
           "Participantes,Mujeres\n"
           "TA-1,Taller de datos abiertos,Servicios de información,Taller,2012-03-05,2012-03-07,Lima,UNDP,KE-LC,,"
           "4,2\n")


@pytest.fixture(autouse=True)
def registry(app):
    factories.make_donor("UNDP")
    factories.make_chamber("KE-LC", "lower")


@pytest.mark.parametrize(("sheet", "area"), [(FRENCH, "awareness"), (SPANISH, "information")])
def test_a_french_or_spanish_sheet_imports_like_an_english_one(runner, tmp_path, sheet, area):
    path = tmp_path / "sheet.csv"
    path.write_text(sheet, encoding="utf-8")
    result = runner.invoke(args=["activities", "import", str(path), "--dry-run", "--format", "json"])
    data = json.loads(result.output)
    assert result.exit_code == 0, data
    assert [r["status"] for r in data["rows"]] == ["create"]
    assert data["summary"]["participations_created"] == 1


def test_headers_compare_like_values_and_every_synonym_names_a_column():
    known = header_columns(COLUMNS)
    assert header_column("DATE_DE_DÉBUT", known) == "start_date"
    assert header_column("fecha-de-inicio", known) == "start_date"
    assert header_column("Activity-Ref", known) == "activity_ref"
    assert header_column("remarques", known) is None
    assert set(HEADER_SYNONYMS) <= set(COLUMNS)
    spoken = [header_column(word, known) for words in HEADER_SYNONYMS.values() for word in words]
    assert len(spoken) == sum(len(w) for w in HEADER_SYNONYMS.values()) and None not in spoken
