"""The command line reconciles like the page: --map answers, --no-remember, resolved_by and field in the JSON,
and `flask aliases list|export|import`."""

import json

import pytest
from sqlalchemy import func, select

from parliament_tracker.activities.models import Activity, ImportAlias
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from tests import factories
from tests.activities.test_reconcile import SHEET, registry  # noqa: F401 - the fixture

MAPS = ["--map", "chamber:National Assembly=ML-LC", "--map", "type:picnic=study_visit",
        "--map", "donor:EC=[Demo] European Commission"]


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def run(runner, *args):
    result = runner.invoke(args=["activities", "import", *map(str, args)])
    return result, (json.loads(result.output) if "--format" in args and result.output.startswith("{") else None)


def aliases() -> dict:
    return {(a.column_name, a.value, a.country): a.target for a in db.session.scalars(select(ImportAlias))}


def test_refused_rows_name_their_field_and_the_exit_status_stays_non_zero(runner, registry, sheet):  # noqa: F811
    result, data = run(runner, sheet, "--dry-run", "--format", "json")
    assert result.exit_code == 1
    fields = {r["row"]: (r["status"], r.get("field")) for r in data["rows"]}
    # row 2 is ambiguous and its activity is refused (a new donor): an error, at its own field first
    assert fields == {2: ("error", "chamber"), 3: ("error", "donor"), 4: ("error", "chamber"),
                      5: ("error", "type")}
    assert {(c["column"], c["value"]) for c in data["choices"]} == {("chamber", "National Assembly"),
                                                                    ("donor", "EC"), ("type", "picnic")}
    assert [a["activity_ref"] for a in data["activities"]] == ["A-1", "A-2"]
    row3 = data["rows"][1]
    assert row3["chamber"] == "BR-UC" and row3["resolved_by"] == "name" and "new donor" in row3["message"]


def test_maps_commit_are_remembered_and_resolve_by_alias_next_time(runner, registry, sheet, staff):  # noqa: F811
    result, data = run(runner, sheet, *MAPS, "--format", "json")
    assert result.exit_code == 0, result.output
    by_row = {r["row"]: r for r in data["rows"]}
    assert by_row[2]["resolved_by"] == "map" and by_row[5]["resolved_by"] == "code"
    assert by_row[4]["resolved"] == {"area": "name", "type": "map", "chamber": "map"}
    assert aliases() == {("chamber", "National Assembly", ""): "ML-LC", ("type", "picnic", ""): "study_visit",
                         ("donor", "EC", ""): "[Demo] European Commission"}
    assert db.session.scalar(select(func.count()).select_from(AuditRecord).where(
        AuditRecord.entity_type == "import_aliases")) == 3
    again, data = run(runner, sheet, "--format", "json")
    assert again.exit_code == 0 and {r["status"] for r in data["rows"]} == {"unchanged"}
    assert data["rows"][0]["resolved_by"] == "alias" and data["rows"][0]["resolved"]["donor"] == "alias"


def test_no_remember_and_a_country_context(runner, registry, sheet):  # noqa: F811
    sheet.write_text(SHEET.replace("National Assembly,,", "National Assembly,Mali,"), encoding="utf-8")
    result, _data = run(runner, sheet, "--map", "chamber:Parliament|Mali=KE-LC", "--map", "type:picnic=webinar",
                        "--map", "donor:EC=+European Commission", "--no-remember")
    assert result.exit_code == 0, result.output
    assert aliases() == {} and db.session.scalar(select(Organisation.name).where(Organisation.name == "European Commission"))
    a2 = db.session.scalar(select(Activity).where(Activity.ref == "A-2"))
    assert a2.activity_type == "webinar" and sorted(p.chamber.code for p in a2.participations) == ["KE-LC", "ML-LC"]


def test_a_map_with_its_country_applies_only_there(runner, registry, sheet):  # noqa: F811
    result, data = run(runner, sheet, "--map", "chamber:National Assembly|Kenya=KE-LC", "--dry-run", "--format",
                       "json")
    first = data["rows"][0]  # the sheet's rows have no country cell
    assert first["chamber"] is None and "fits 2 chambers" in first["message"] and result.exit_code == 1


@pytest.mark.parametrize("bad", ["chamber", "chamber:Senate", "colour:red=blue", "type:=workshop", "type:x="])
def test_bad_map_syntax_is_a_clear_usage_error_and_writes_nothing(runner, registry, sheet, bad):  # noqa: F811
    result, _data = run(runner, sheet, "--map", bad)
    assert result.exit_code == 2 and "COLUMN:VALUE=TARGET" in result.output
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0


def test_a_map_to_an_unknown_target_refuses_the_rows(runner, registry, sheet):  # noqa: F811
    result, data = run(runner, sheet, "--map", "chamber:National Assembly=XX-LC", "--format", "json")
    assert result.exit_code == 1 and "not a chamber" in data["rows"][0]["message"]
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0


def test_flask_aliases_list_export_import(runner, registry, tmp_path):  # noqa: F811
    factories.make_alias("chamber", "Bundesrat", "KE-LC", country="Kenya")
    listed = runner.invoke(args=["aliases", "list"])
    assert listed.exit_code == 0 and "chamber: Bundesrat (Kenya) = KE-LC" in listed.output
    exported = runner.invoke(args=["aliases", "export"]).output
    assert exported.splitlines()[0] == "column,value,country,target,created_by,created_at,updated_at"
    path = tmp_path / "aliases.csv"
    path.write_text(exported + "type,Étude de cas,,research,,,\r\n", encoding="utf-8")
    done = runner.invoke(args=["aliases", "import", str(path)])
    assert done.exit_code == 0 and "2 aliases saved" in done.output
    assert aliases() == {("chamber", "Bundesrat", "Kenya"): "KE-LC", ("type", "Étude de cas", ""): "research"}
    path.write_text("column,value,country,target\ntype,seminar,,webinar\ndonor,X,,Nobody\n", encoding="utf-8")
    refused = runner.invoke(args=["aliases", "import", str(path)])
    assert refused.exit_code == 1 and "Row 3" in refused.output and "Nobody" in refused.output
    assert len(aliases()) == 2  # all rows or none
