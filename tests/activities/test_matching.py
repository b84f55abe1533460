"""The chamber matcher on the real registry: messy names and the chamber (or the ambiguity) they must give."""

import pytest

from parliament_tracker.activities.matching import ChamberMatcher
from parliament_tracker.chambers.loader import DATA_DIR

# (chamber cell, country cell, expected code, or a set of candidates that must be reported as ambiguous)
TABLE = [
    ("FR-LC", "", "FR-LC"),
    ("fr lc", "", "FR-LC"),
    ("FRA upper", "", "FR-UC"),
    ("FR lower house", "", "FR-LC"),
    ("IN lower", "", "IN-LC"),
    ("France Senate", "", "FR-UC"),
    ("Senate of France", "", "FR-UC"),
    ("senat", "France", "FR-UC"),
    ("Sénat", "Belgium", "BE-UC"),
    ("Bundestag", "", "DE-LC"),
    ("Deutscher Bundestag", "", "DE-LC"),
    ("BUNDESTAG!!", "", "DE-LC"),
    ("Bundestga", "", "DE-LC"),
    ("Assemblée nationale", "France", "FR-LC"),
    ("assemblee nationale", "FR", "FR-LC"),
    ("Nationale Assemblée", "FRA", "FR-LC"),
    ("Natonal Assembly", "Kenya", "KE-LC"),
    ("Kenya National Assembly", "", "KE-LC"),
    ("Frnace Senate", "", "FR-UC"),
    ("Sejm", "", "PL-LC"),
    ("Lok Sabha", "", "IN-LC"),
    ("Stortinget", "", "NO-LC"),
    ("Congreso de los Diputados", "", "ES-LC"),
    ("Senado", "Spain", "ES-UC"),
    ("House of Commons", "United Kingdom", "GB-LC"),
    ("Parliament", "Mali", "ML-LC"),
    ("Parliament of Mali", "", "ML-LC"),
    ("Swaziland House of Assembly", "", "SZ-LC"),
    ("Chamber of Deputies", "Czechia", "CZ-LC"),
    ("Czech Republic Senate", "", "CZ-UC"),
    ("Cortes Generales", "", {"ES-LC", "ES-UC"}),
    ("Parliament of India", "", {"IN-LC", "IN-UC"}),
    ("Parliament", "India", {"IN-LC", "IN-UC"}),
    ("FR", "", {"FR-LC", "FR-UC"}),
    ("House of Commons", "", {"CA-LC", "GB-LC"}),
    ("Bundesrat", "", {"AT-UC", "DE-UC"}),
    ("National Assembly", "", "many"),
    ("Assemblée nationale", "", "many"),
]


@pytest.fixture
def matcher(app, runner):
    if not (DATA_DIR / "chambers.csv").exists():
        pytest.skip("the registry data file is not present")
    result = runner.invoke(args=["registry", "load"])
    assert result.exit_code == 0, result.output
    return ChamberMatcher.from_database()


@pytest.mark.slow
def test_messy_names_match_their_chamber_or_are_reported_ambiguous(matcher):
    wrong = []
    for text, country, expected in TABLE:
        match = matcher.match(text, country)
        if isinstance(expected, str) and expected != "many":
            ok = match.status == "ok" and match.code == expected
        elif expected == "many":
            ok = match.status == "ambiguous" and len(match.candidates) > 5
        else:
            ok = match.status == "ambiguous" and set(match.candidates) == expected and match.code is None
        if not ok:
            wrong.append(f"{text!r}/{country!r}: {match}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_unknown_names_are_errors_with_suggestions(matcher):
    match = matcher.match("Atlantis Parliament")
    assert match.status == "error" and match.candidates and "closest" in match.message
    country = matcher.match("Senate", "Narnia")
    assert country.status == "error" and "Unknown country" in country.message
    other = matcher.match("FR-LC", "Kenya")
    assert other.status == "error" and "not a chamber of Kenya" in other.message
