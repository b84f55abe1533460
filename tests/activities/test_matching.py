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
    # ISO alpha-2 or alpha-3 plus a chamber name, either order; a country name plus part of a chamber's name.
    ("BRA Senate", "", "BR-UC"),
    ("LSO National Assembly", "", "LS-LC"),
    ("FR Sénat", "", "FR-UC"),
    ("Senate KEN", "", "KE-UC"),
    ("AUT Bundesrat", "", "AT-UC"),
    ("Brazil Senate", "", "BR-UC"),
    ("Senate Brazil", "", "BR-UC"),
    ("Senado Federal", "", "BR-UC"),
    ("National Assembly Lesotho", "", "LS-LC"),
    ("Bundesrat", "Austria", "AT-UC"),
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


@pytest.mark.slow
@pytest.mark.parametrize("text, country, day, expected", [
    ("Parliament of Kenya", "", "2010-05-01", "KE-LC"),  # unicameral then: the one chamber
    ("Parliament", "Kenya", "2010-05-01", "KE-LC"),
    ("Parliament of Kenya", "", "2015-05-01", {"KE-LC", "KE-UC"}),
    ("Senate", "Kenya", "2015-05-01", "KE-UC"),
    ("Senate", "Kenya", "2010-05-01", "error"),
    ("KE-UC", "", "2010-05-01", "error"),
])
def test_matching_is_time_aware(matcher, text, country, day, expected):
    import datetime as dt

    match = matcher.match(text, country, dt.date.fromisoformat(day))
    if expected == "error":
        assert match.status == "error" and "KE-UC (2013-01-01–)" in match.message and day in match.message
    elif isinstance(expected, set):
        assert match.status == "ambiguous" and set(match.candidates) == expected
    else:
        assert match.status == "ok" and match.code == expected, match


@pytest.mark.slow
def test_matches_say_how_they_were_resolved(matcher):
    assert matcher.match("KE-LC").how == "code"
    assert matcher.match("Bundestag").how == "name"
    assert matcher.match("Bundestga").how == "fuzzy"
