"""Hypothesis feeds the import random and malformed files: it never crashes and never writes partially."""

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from parliament_tracker.activities.import_writer import ImportRefused, commit_import
from parliament_tracker.activities.imports import STATUSES, preview_import
from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.extensions import db
from tests import factories

HEADER = "activity_ref,title,area,type,start_date,end_date,location,donor,chamber,country,participants,women"
CELLS = st.one_of(
    st.sampled_from(["", "KE-LC", "FR-LC", "Kenya", "awareness", "workshop", "2012-01-01", "1899-01-01", "31/02/2012",
                     "-3", "5", "=1+1", "@SUM(A1)", "National Assembly", "A", "ÿ", "\ufeff", "\x00"]),
    st.text(alphabet=string.printable + "éøß€\u202e", max_size=30),
)
ROWS = st.lists(st.lists(CELLS, min_size=0, max_size=14), max_size=12)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Activity, Participation, AuditRecord))


def _check(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        report = preview_import(path, name, max_rows=50)
        assert all(r.status in STATUSES for r in report.rows)
        before = _counts()
        try:
            done = commit_import(path, name, max_rows=50)
        except ImportRefused as refused:
            assert not refused.report.ok and _counts() == before
        else:
            assert done.ok and done.committed


@SETTINGS
@given(rows=ROWS, delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "latin-1"]))
def test_random_rows_under_a_real_header(app, rows, delimiter, encoding):
    factories.make_chamber_once("KE-LC")
    factories.make_chamber_once("FR-LC")
    text = "\n".join([HEADER.replace(",", delimiter)] + [delimiter.join(r) for r in rows])
    _check(text.encode(encoding, errors="replace"), "sheet.csv")


@SETTINGS
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_random_bytes(app, data, name):
    _check(data, name)
    _check(b"PK\x03\x04" + data, name)
