"""The shipped registry: its data file checks clean, loads about 269 chambers idempotently, and exports."""

import csv
import io
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from parliament_tracker.audit import AuditRecord
from parliament_tracker.chambers.loader import DATA_DIR, RegistryDataError, load_registry
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.extensions import db
from tests import factories


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_data_file_passes_its_own_checker():
    result = subprocess.run([sys.executable, str(DATA_DIR / "check_data.py"), str(DATA_DIR)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_registry_loads_once_and_reloading_changes_nothing(runner):
    first = runner.invoke(args=["registry", "load"])
    assert first.exit_code == 0, first.output
    chambers = _count(Chamber)
    assert 265 <= chambers <= 280
    assert _count(Country) >= 193
    audits = _count(AuditRecord)
    second = runner.invoke(args=["registry", "load"])
    assert "0 created, 0 updated" in second.output
    assert _count(Chamber) == chambers and _count(AuditRecord) == audits


def test_every_chamber_has_its_classifications(app):
    load_registry()
    rows = db.session.execute(select(Chamber.code, Country.iso3, Country.m49_region, Country.m49_subregion,
                                     Country.income_group).join(Chamber.country)).all()
    assert all(r.iso3 and r.m49_region and r.m49_subregion for r in rows)
    unclassified = {r.code for r in rows if r.income_group is None}
    assert unclassified <= {"VE-LC"}, unclassified
    codes = {r.code for r in rows}
    assert {"DE-LC", "DE-UC", "FR-LC", "FR-UC", "GB-LC", "GB-UC", "IN-LC", "IN-UC", "KE-LC", "KE-UC",
            "PS-LC", "SE-LC"} <= codes


def test_search_finds_chambers_by_official_name_alias_and_old_country_name(app):
    from parliament_tracker.chambers.services import RegistryFilter, search_chambers

    load_registry()

    def codes(q, **kw):
        return {c.code for c in search_chambers(RegistryFilter(q=q, **kw))}

    assert codes("Bundestag") == {"DE-LC"}
    assert "PL-LC" in codes("sejm")
    assert "FR-LC" in codes("assemblee nationale")
    assert codes("swaziland") == {"SZ-LC", "SZ-UC"}
    assert codes("lok sabha") == {"IN-LC"}
    assert codes("kenya", chamber_type="upper") == {"KE-UC"}
    europe = codes("", region="Europe")
    assert "DE-LC" in europe and "KE-LC" not in europe
    assert codes("", region="Europe", income_group="low") == set()
    assert codes("100%_") == set()


def test_a_changed_row_is_updated_and_audited_and_a_missing_row_never_deleted(app, tmp_path):
    load_registry()
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    text = (data / "chambers.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    kept = [line for line in lines if not line.startswith("SE-LC,")]
    kept = [line.replace(",Senate,", ",Senate of the Republic,", 1) if line.startswith("FR-UC,") else line
            for line in kept]
    (data / "chambers.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    report = load_registry(data)
    assert report.updated == ["FR-UC"] and report.created == [] and report.not_in_file == ["SE-LC"]
    assert db.session.scalar(select(Chamber).where(Chamber.code == "SE-LC")) is not None
    record = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "update",
                                                          AuditRecord.entity_type == "chambers")).one()
    assert record.before["name"] == "Senate" and record.after["name"] == "Senate of the Republic"


@pytest.mark.parametrize("broken", ["seats", "type", "country", "date"])
def test_a_malformed_data_file_writes_nothing(app, tmp_path, runner, broken):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "chambers.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    column = {"seats": 6, "type": 2, "country": 1, "date": 9}[broken]
    rows[-1][column] = {"seats": "many", "type": "tricameral", "country": "QQ", "date": "2020-13-45"}[broken]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(RegistryDataError):
        load_registry(data)
    result = runner.invoke(args=["registry", "load", "--data-dir", str(data)])
    assert result.exit_code != 0 and "nothing written" in result.output
    assert _count(Chamber) == 0 and _count(Country) == 0


def test_export_writes_the_registry_as_csv(runner):
    runner.invoke(args=["registry", "load"])
    result = runner.invoke(args=["registry", "export"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {"code", "iso3", "country", "chamber_name", "chamber_type", "seats", "region", "subregion",
            "income_group", "status"} <= set(rows[0])
    assert len(rows) == _count(Chamber)
    kenya = next(r for r in rows if r["code"] == "KE-LC")
    assert kenya["iso3"] == "KEN" and kenya["region"] == "Africa" and kenya["chamber_type"] == "lower"


def test_csv_cells_that_look_like_formulas_are_neutralised(client):
    factories.make_chamber("FR-LC", "lower", name="=HYPERLINK(\"http://x\")")
    body = client.get("/chambers/export.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in body
