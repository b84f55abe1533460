"""Reconciling an import on the page: each refused value answered once for every row that has it, new donors only
by choice, activity problems said once, rows left out downloadable, and the answers remembered as aliases."""

import csv
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from parliament_tracker.activities.models import Activity, ImportAlias, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation
from tests import factories
from tests.activities.test_import import upload
from tests.conftest import read_csrf_token

SHEET = (
    "activity_ref,title,area,type,start_date,donor,chamber,country,participants,women,notes\n"
    "A-1,Survey,research,research study,2012-05-01,EC,National Assembly,,3,1,first\n"
    "A-1,Survey,research,research study,2012-05-01,EC,BRA Senate,,2,1,\n"
    "A-2,Visit,sensibilisation,picnic,2012-06-01,,National Assembly,,2,1,\n"
    "A-2,Visit,sensibilisation,picnic,2012-06-01,,KE-LC,,2,1,=cmd()\n"
)


@pytest.fixture
def registry(app):
    """KE-LC and ML-LC both named National Assembly; KE-UC sat from 2013; BR-UC; a demo donor."""
    factories.make_chamber("KE-LC", "lower")
    factories.make_chamber("KE-UC", "upper", established=dt.date(2013, 3, 28))
    factories.make_chamber("ML-LC", "unicameral", name="National Assembly")
    factories.make_chamber("BR-UC", "upper", name="Federal Senate", official_names="Senado Federal")
    demo = factories.make_donor("[Demo] European Commission")
    return demo


def token_of(page: str) -> str:
    return page.split('name="token" type="hidden" value="')[1].split('"')[0]


def choose(client, token, column, value, target, country="", other=""):
    return client.post("/activities/import/choose", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token, "column": column,
        "value": value, "country": country, "target": target, "other": other})


def commit(client, token, exclude=()):
    return client.post("/activities/import/commit", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token,
        "exclude": [str(r) for r in exclude]})


def counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Activity, Participation, Organisation))


def test_each_refused_value_is_one_choice_and_an_activity_problem_is_said_once(client, staff, registry):
    page = upload(client, SHEET).get_data(as_text=True)
    assert "Values to reconcile (3)" in page  # National Assembly (rows 2 and 4), EC (2 and 3), picnic (4 and 5)
    assert page.count("unknown value &#39;picnic&#39;") == 2  # once in its choice, once for activity A-2
    assert "Ambiguous chamber" in page and "New donor" in page and "Unknown type" in page
    # the row-level problem of row 4 is still reported although its activity has one
    row4 = re.search(r'<th scope="row">4</th>(.*?)</tr>', page, re.S).group(1)
    assert "fits 2 chambers" in row4 and "See the problem of its activity" in row4
    row3 = re.search(r"<th scope=\"row\">3</th>(.*?)</tr>", page, re.S).group(1)
    assert "BR-UC" in row3, row3  # ISO alpha-3 plus a chamber name
    # a chamber's candidates are described: country, name, type
    assert "KE-LC · Kenya: National Assembly · Lower chamber" in page and "ML-LC · Mali: National Assembly" in page
    assert '<option value="[Demo] European Commission">' in page.split("New donor")[1].split("</select>")[0]


def test_a_choice_applies_to_every_row_with_that_value_and_new_donors_wait(client, staff, registry):
    before = counts()
    token = token_of(upload(client, SHEET).get_data(as_text=True))
    assert choose(client, token, "chamber", "National Assembly", "ML-LC").status_code == 303
    assert choose(client, token, "type", "picnic", "study_visit").status_code == 303
    page = client.get("/activities/import/preview").get_data(as_text=True)
    assert "Values to reconcile (1)" in page and "ML-LC" in page and "Ambiguous chamber" not in page
    assert page.count(">will create<") == 2  # A-2's rows 4 and 5; A-1 still waits for its donor
    refused = commit(client, token)
    assert refused.status_code == 400 and counts() == before  # the new donor was not created
    assert choose(client, token, "donor", "EC", "+").status_code == 303
    assert commit(client, token).status_code == 302
    a1 = db.session.scalar(select(Activity).where(Activity.ref == "A-1"))
    assert sorted(p.chamber.code for p in a1.participations) == ["BR-UC", "ML-LC"]
    assert [d.name for d in a1.donors] == ["EC"] and a1.activity_type == "research"
    a2 = db.session.scalar(select(Activity).where(Activity.ref == "A-2"))
    assert a2.activity_type == "study_visit" and a2.area.code == "awareness"
    assert sorted(p.chamber.code for p in a2.participations) == ["KE-LC", "ML-LC"]


def test_answers_are_remembered_audited_and_used_next_time(client, staff, registry):
    token = token_of(upload(client, SHEET).get_data(as_text=True))
    choose(client, token, "chamber", "National Assembly", "ML-LC")
    choose(client, token, "type", "picnic", "study_visit")
    choose(client, token, "donor", "ec", "[Demo] European Commission")  # case does not matter
    assert commit(client, token).status_code == 302
    aliases = {(a.column_name, a.value): a for a in db.session.scalars(select(ImportAlias))}
    assert {k: a.target for k, a in aliases.items()} == {("chamber", "National Assembly"): "ML-LC",
                                                       ("type", "picnic"): "study_visit",
                                                       ("donor", "ec"): "[Demo] European Commission"}
    assert all(a.created_by_id == staff.id for a in aliases.values())
    audited = db.session.scalar(select(func.count()).select_from(AuditRecord)
                                .where(AuditRecord.entity_type == "import_aliases", AuditRecord.action == "create"))
    assert audited == 3 and counts()[2] == 2  # no donor created (the home organisation and the one donor)
    again = upload(client, SHEET).get_data(as_text=True)
    assert "Values to reconcile" not in again and again.count(">unchanged<") == 4
    listing = client.get("/activities/import/aliases").get_data(as_text=True)
    assert "picnic" in listing and "study_visit" in listing and staff.email in listing


def test_an_alias_never_overrides_an_exact_code(client, staff, registry):
    factories.make_alias("chamber", "KE-LC", "ML-LC")
    page = upload(client, SHEET.replace("National Assembly,,", "KE-UC,,").replace("2012-", "2014-")
                  ).get_data(as_text=True)
    token = token_of(page)
    choose(client, token, "donor", "EC", "[Demo] European Commission")
    choose(client, token, "type", "picnic", "workshop")
    assert commit(client, token).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Participation)) == 4
    a2 = db.session.scalar(select(Activity).where(Activity.ref == "A-2"))
    assert sorted(p.chamber.code for p in a2.participations) == ["KE-LC", "KE-UC"]


def test_time_aware_refusal_names_the_registry_dates(client, staff, registry):
    sheet = SHEET.replace("National Assembly,,", "Senate,Kenya,")
    page = upload(client, sheet).get_data(as_text=True)
    assert "KE-UC (2013-03-28–) did not sit on 2012-05-01" in page
    factories.make_alias("chamber", "KE-UC", "KE-LC")  # even a refused exact code is not overridden by an alias
    page = upload(client, SHEET.replace("National Assembly,,", "KE-UC,,")).get_data(as_text=True)
    assert "KE-UC (2013-03-28–) did not sit on 2012-05-01" in page


def test_exclude_all_refused_rows_and_download_them_as_csv_and_xlsx(client, staff, registry):
    token = token_of(upload(client, SHEET).get_data(as_text=True))
    choose(client, token, "donor", "EC", "[Demo] European Commission")
    excluded = client.post("/activities/import/exclude", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token, "action": "refused"})
    assert excluded.status_code == 303
    page = client.get("/activities/import/preview").get_data(as_text=True)
    assert page.count(">excluded<") == 3 and page.count(">will create<") == 1
    as_csv = list(csv.reader(io.StringIO(client.get("/activities/import/left-out.csv").get_data(as_text=True))))
    workbook = load_workbook(io.BytesIO(client.get("/activities/import/left-out.xlsx").data), read_only=True)
    as_xlsx = [[c if c is not None else "" for c in row] for row in workbook.active.iter_rows(values_only=True)]
    assert as_csv == as_xlsx
    assert as_csv[0] == SHEET.splitlines()[0].split(",") + ["problem"]
    assert [r[6] for r in as_csv[1:]] == ["National Assembly", "National Assembly", "KE-LC"]
    assert as_csv[3][10] == "'=cmd()"  # the sheet's own extra column, formula-safe, same in both files
    assert "picnic" in as_csv[3][11] and "fits 2 chambers" in as_csv[2][11]
    assert commit(client, token).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Participation)) == 1


def test_bad_choices_are_refused_with_a_message(client, staff, registry):
    token = token_of(upload(client, SHEET).get_data(as_text=True))
    for column, target in (("chamber", "XX-LC"), ("type", "picnic"), ("donor", "Nobody"), ("nope", "x")):
        response = choose(client, token, column, "National Assembly", target)
        assert response.status_code == 303
        assert "alert-danger" in client.get("/activities/import/preview").get_data(as_text=True)
    choose(client, token, "chamber", "National Assembly", "", other="Mali National Assembly")  # a name works too
    assert "Ambiguous chamber" not in client.get("/activities/import/preview").get_data(as_text=True)
    assert choose(client, "y" * 32, "type", "picnic", "workshop").status_code == 302  # someone else's token


def test_aliases_are_changed_by_staff_and_deleted_by_admins(client, login_as, registry):
    alias = factories.make_alias("type", "picnic", "workshop")
    login_as("staff")
    page = client.get(f"/activities/import/aliases/{alias.id}/edit")
    token = read_csrf_token(client, f"/activities/import/aliases/{alias.id}/edit")
    bad = client.post(f"/activities/import/aliases/{alias.id}/edit", data={"csrf_token": token, "target": "picnic"})
    assert page.status_code == 200 and bad.status_code == 400 and "is not a known type" in bad.get_data(as_text=True)
    good = client.post(f"/activities/import/aliases/{alias.id}/edit", data={"csrf_token": token,
                                                                             "target": "conference"})
    assert good.status_code == 302 and db.session.get(ImportAlias, alias.id).target == "conference"
    login_as("admin")
    client.post(f"/activities/import/aliases/{alias.id}/delete",
                data={"csrf_token": read_csrf_token(client, "/activities/import/aliases")})
    assert db.session.get(ImportAlias, alias.id) is None
    actions = list(db.session.scalars(select(AuditRecord.action).where(AuditRecord.entity_type == "import_aliases")
                                      .order_by(AuditRecord.id)))
    assert actions == ["update", "delete"]


def test_an_excluded_row_is_included_again_on_its_own(client, staff, registry):
    token = token_of(upload(client, SHEET).get_data(as_text=True))
    client.post("/activities/import/exclude", data={
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token, "action": "refused"})
    page = client.get("/activities/import/preview").get_data(as_text=True)
    excluded = page.count(">excluded<")
    assert excluded >= 2 and 'name="include" value="' in page
    row = page.split('name="include" value="')[1].split('"')[0]
    response = client.post("/activities/import/exclude", data={  # the button posts the commit form's fields
        "csrf_token": read_csrf_token(client, "/activities/import"), "token": token, "include": row, "exclude": [row]})
    assert response.status_code == 303
    page = client.get("/activities/import/preview").get_data(as_text=True)
    assert page.count(">excluded<") == excluded - 1 and f"Row {row} is included again" in page
    assert f'name="include" value="{row}"' not in page
