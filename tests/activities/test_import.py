"""Spreadsheet import: preview, all-or-nothing commit, idempotent re-import, the CLI, hostile files, export."""

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from tests.conftest import read_csrf_token

HEADER = "activity_ref,title,area,type,start_date,end_date,location,donor,chamber,country,participants,women\n"
GOOD = HEADER + (
    "WS-1,Workshop on open data,awareness,workshop,2012-03-05,2012-03-07,Nairobi,UNDP,KE-LC,,4,2\n"
    "WS-1,Workshop on open data,awareness,workshop,2012-03-05,2012-03-07,Nairobi,UNDP,Assemblée nationale,France,3,1\n"
    "M-7,Assessment mission,Research,Mission,05/06/2013,,Bamako,,Parliament,Mali,2,0\n"
)


@pytest.fixture(autouse=True)
def undp(app):
    """The donor the sheets name exists: an unknown donor waits for a choice (see test_reconcile.py)."""
    from tests import factories

    return factories.make_donor("UNDP")


def counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Activity, Participation, AuditRecord))


def upload(client, content: bytes | str, name: str = "sheet.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post("/activities/import", data={"csrf_token": read_csrf_token(client, "/activities/import"),
                                                   "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def commit(client, page: str, exclude=()):
    token = page.split('name="token" type="hidden" value="')[1].split('"')[0]
    return client.post("/activities/import/commit", data={"csrf_token": read_csrf_token(client, "/activities/import"),
                                                          "token": token, "exclude": [str(r) for r in exclude]})


def test_preview_then_commit_then_reimport_changes_nothing(client, staff, chambers):
    before = counts()
    preview = upload(client, GOOD)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "will create" in page and "FR-LC" in page and "ML-LC" in page
    assert counts() == before  # a preview writes nothing
    assert commit(client, page).status_code == 302
    activities = {a.ref: a for a in db.session.scalars(select(Activity))}
    assert set(activities) == {"WS-1", "M-7"}
    assert activities["M-7"].start_date == dt.date(2013, 6, 5) and activities["M-7"].activity_type == "mission"
    assert sorted(p.chamber.code for p in activities["WS-1"].participations) == ["FR-LC", "KE-LC"]
    assert [d.name for d in activities["WS-1"].donors] == ["UNDP"]
    after_first = counts()
    history = client.get(f"/activities/{activities['WS-1'].id}").get_data(as_text=True)
    assert "KE-LC in activity" in history and "spreadsheet import" in history

    again = upload(client, GOOD).get_data(as_text=True)
    assert "will create" not in again and again.count(">unchanged<") == 3
    assert commit(client, again).status_code == 302
    assert counts() == after_first


def test_a_changed_count_updates_only_that_participation(client, staff, chambers):
    commit(client, upload(client, GOOD).get_data(as_text=True))
    changed = GOOD.replace("KE-LC,,4,2", "KE-LC,,6,3")
    page = upload(client, changed).get_data(as_text=True)
    assert page.count(">will update<") == 1
    commit(client, page)
    kenya = db.session.scalar(select(Participation).join(Participation.chamber).where(
        Participation.participants == 6))
    assert kenya is not None and kenya.women == 3


def test_any_refused_row_blocks_the_whole_commit_until_excluded(client, staff, chambers):
    bad = GOOD + "WS-2,Bad dates,awareness,workshop,2012-03-05,2011-01-01,,,KE-LC,,1,0\n" \
                 "WS-3,Vague,awareness,workshop,2012-03-05,,,,National Assembly,,1,0\n"
    before = counts()
    page = upload(client, bad).get_data(as_text=True)
    assert "table-danger" in page and "table-warning" in page and "end_date" in page
    refused = commit(client, page)
    assert refused.status_code == 400 and counts() == before
    ok = commit(client, page, exclude=[5, 6])
    assert ok.status_code == 302
    assert sorted(db.session.scalars(select(Activity.ref))) == ["M-7", "WS-1"]


def test_rows_of_one_activity_must_agree(client, staff, chambers):
    sheet = HEADER + "A,One title,awareness,workshop,2012-03-05,,,,KE-LC,,,\nA,Other title,awareness,workshop," \
                     "2012-03-05,,,,FR-LC,,,\nA,One title,awareness,workshop,2012-03-05,,,,KE-LC,,,\n"
    page = upload(client, sheet).get_data(as_text=True)
    assert "title differ from row 2" in page and "KE-LC is already on row 2" in page


def test_cli_json_dry_run_and_exit_status(runner, chambers, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(GOOD + "X,Unknown place,awareness,workshop,2012-01-01,,,,Atlantis Parliament,,,\n",
                    encoding="utf-8")
    result = runner.invoke(args=["activities", "import", str(path), "--format", "json"])
    data = json.loads(result.output)
    assert result.exit_code == 1 and counts()[0] == 0
    assert data["summary"] == {"activities_created": 2, "activities_updated": 0, "participations_created": 3,
                               "participations_updated": 0, "errors": 1, "ambiguous": 0}
    last = data["rows"][-1]
    assert last["row"] == 5 and last["status"] == "error" and last["chamber"] is None
    assert "Unknown chamber" in last["message"]
    path.write_text(GOOD, encoding="utf-8")
    dry = runner.invoke(args=["activities", "import", str(path), "--dry-run", "--format", "json"])
    assert dry.exit_code == 0 and counts()[0] == 0
    assert {r["status"] for r in json.loads(dry.output)["rows"]} == {"create"}
    done = runner.invoke(args=["activities", "import", str(path)])
    assert done.exit_code == 0 and counts()[:2] == (2, 3)
    again = runner.invoke(args=["activities", "import", str(path), "--format", "json"])
    assert {r["status"] for r in json.loads(again.output)["rows"]} == {"unchanged"} and counts()[:2] == (2, 3)


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_with_date_cells_and_a_formula_kept_as_text(client, staff, chambers):
    header = HEADER.strip().split(",")
    content = _xlsx([header, ["X-1", "=HYPERLINK(\"http://evil\")", "advocacy", "conference", dt.datetime(2014, 5, 6),
                              None, "Rome", None, "FR-UC", None, 12, 4], [], ["X-1", "=HYPERLINK(\"http://evil\")",
                              "advocacy", "conference", dt.datetime(2014, 5, 6), None, "Rome", None, "KE-LC", None,
                              None, None]])
    page = upload(client, content, "sheet.xlsx").get_data(as_text=True)
    assert page.count(">will create<") == 2
    commit(client, page)
    activity = db.session.scalar(select(Activity))
    assert activity.title == '=HYPERLINK("http://evil")' and activity.start_date == dt.date(2014, 5, 6)
    exported = client.get("/activities/export.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0] == HEADER.strip().split(",") and all(r[1] == "'=HYPERLINK(\"http://evil\")" for r in rows[1:])


@pytest.mark.parametrize("content, name, message", [
    (b"", "empty.csv", "The file is empty"),
    (b"PK\x03\x04 this is not really a zip", "sheet.xlsx", "not a valid XLSX"),
    (b"just some words", "sheet.xlsx", "not a valid XLSX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel", "old.xls", "Old Excel files"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.csv", "not a CSV text file"),
    (b"name,age\nx,1\n", "other.csv", "Missing columns"),
    (HEADER.replace("title", "activity_ref").encode(), "twice.csv", "appears twice"),
    ((HEADER + "A,B,awareness,workshop,2012-01-01,,,,KE-LC,,,\n" * 6).encode(), "many.csv", "more than 5 rows"),
])
def test_hostile_files_get_a_clear_message_and_write_nothing(client, staff, chambers, content, name, message):
    client.application.config["IMPORT_MAX_ROWS"] = 5
    before = counts()
    response = upload(client, content, name)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert counts() == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252"])
def test_encodings_are_read(client, staff, chambers, encoding):
    sheet = HEADER + "E-1,Séminaire à Bamako,awareness,workshop,2012-01-01,,Bamako,,Assemblée nationale,France,,\n"
    page = upload(client, sheet.encode(encoding)).get_data(as_text=True)
    assert ">will create<" in page and "FR-LC" in page


def test_huge_cells_empty_rows_extra_columns_and_semicolons(client, staff, chambers):
    sheet = ("activity_ref;Title;AREA;type;start_date;chamber;comments\n\n;;;;;;\n"
             f"H-1;{'x' * 5000};awareness;workshop;2012-01-01;KE-LC;extra\n"
             "H-2;Fine;awareness;workshop;2012-01-01;KE-LC;extra\n")
    response = upload(client, sheet)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Columns ignored: comments" in page
    assert "title: longer than 2000 characters" in page and ">will create<" in page
    assert "<th scope=\"row\">4</th>" in page  # row numbers count the header as 1, empty rows included


def test_commit_needs_the_uploaders_own_token(client, staff, chambers):
    upload(client, GOOD)
    response = client.post("/activities/import/commit", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": "A" * 32})
    assert response.status_code == 302 and counts()[0] == 0


def test_template_download(client, staff):
    response = client.get("/activities/import/template.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True).startswith(HEADER.strip())


def test_a_conflicting_write_during_commit_leaves_nothing(runner, chambers, tmp_path, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from parliament_tracker.activities import import_writer

    def collide(*args, **kwargs):
        db.session.flush()
        raise IntegrityError("INSERT", {}, Exception("duplicate ref"))

    monkeypatch.setattr(import_writer, "_write_participations", collide)
    path = tmp_path / "sheet.csv"
    path.write_text(GOOD, encoding="utf-8")
    before = counts()
    result = runner.invoke(args=["activities", "import", str(path)])
    assert result.exit_code != 0 and "nothing was written" in result.output and counts() == before


def test_nul_characters_never_reach_the_database(runner, chambers, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(HEADER + "N-1,Title\x00with NUL,awareness,workshop,2012-01-01,,,,KE-LC,,,\n", encoding="utf-16")
    result = runner.invoke(args=["activities", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Activity.title)) == "Titlewith NUL"


def test_a_reimport_naming_a_working_partner_or_the_lead_as_donor_keeps_one_role_each(client, staff, chambers, undp):
    from parliament_tracker.organisations.models import ActivityPartner
    from parliament_tracker.organisations.services import home_organisation, set_partners
    from tests import factories

    commit(client, upload(client, GOOD).get_data(as_text=True))
    workshop = db.session.scalar(select(Activity).where(Activity.ref == "WS-1"))
    ec = factories.make_donor("European Commission")
    set_partners(workshop, {undp.id: "implementing", ec.id: "funding"})
    db.session.commit()
    renamed = GOOD.replace("Workshop on open data,awareness", "Workshop on open parliament data,awareness")
    page = upload(client, renamed).get_data(as_text=True)
    assert "will update" in page
    assert commit(client, page).status_code == 302
    db.session.expire_all()

    def roles():
        return {link.organisation_id: link.role for link in
                db.session.scalars(select(ActivityPartner).where(ActivityPartner.activity_id == workshop.id))}

    # UNDP stays the implementing partner it was; the funders are exactly the sheet's (the EC is no longer one)
    assert roles() == {undp.id: "implementing"}
    assert db.session.get(Activity, workshop.id).title == "Workshop on open parliament data"
    centre = home_organisation().name  # the lead named as donor is not made a funder of its own activity
    led = renamed.replace(",Nairobi,UNDP,", f",Nairobi,{centre},").replace("parliament data", "parliamentary data")
    assert commit(client, upload(client, led).get_data(as_text=True)).status_code == 302
    db.session.expire_all()
    assert roles() == {undp.id: "implementing"} and db.session.get(Activity, workshop.id).donors == []
