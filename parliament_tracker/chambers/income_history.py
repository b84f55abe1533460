"""The World Bank income groups by fiscal year (data/income_history.csv, or any CSV of iso2,fiscal_year,income_group):
checked as a whole, then written in one transaction, or nothing is written."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import delete, select

from parliament_tracker.audit import record_change
from parliament_tracker.chambers.loader import DATA_DIR, RegistryDataError
from parliament_tracker.chambers.models import INCOME_GROUPS, Country, CountryIncomeGroup
from parliament_tracker.extensions import db

HISTORY_FILE = DATA_DIR / "income_history.csv"
COLUMNS = ("iso2", "fiscal_year", "income_group")


@dataclass
class HistoryReport:
    rows: int
    countries: int
    first_year: int | None
    last_year: int | None
    changed: bool = True


def read_history(path: Path, known: dict[str, int]) -> dict[tuple[int, int], str]:
    """{(country id, fiscal year): group} from the file; every bad row is named in one RegistryDataError."""
    errors, out = [], {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise RegistryDataError(f"{path.name}: the header must be {','.join(COLUMNS)}.")
        for line, row in enumerate(reader, start=2):
            iso2, year, group = ((row.get(c) or "").strip() for c in COLUMNS)
            iso2 = iso2.upper()
            if iso2 not in known:
                errors.append(f"line {line}: unknown country {iso2!r}")
            elif not year.isdigit() or not 1950 <= int(year) <= 2200:
                errors.append(f"line {line}: fiscal year {year!r} is not a year")
            elif group not in INCOME_GROUPS:
                errors.append(f"line {line}: unknown income group {group!r}")
            elif out.setdefault((known[iso2], int(year)), group) != group:
                errors.append(f"line {line}: {iso2} FY{year} is given twice with different groups")
    if errors:
        raise RegistryDataError(f"{path.name}: {len(errors)} bad rows: " + "; ".join(errors[:10]))
    return out


def load_income_history(path: Path = HISTORY_FILE, by=None) -> HistoryReport:
    """Replace the recorded income-group history with the file's (one commit, one audit record): a year the file no
    longer gives is dropped, so that the pages fall back to today's group for it rather than keep a stale one."""
    known = dict(db.session.execute(select(Country.iso2, Country.id)).all())
    history = read_history(path, known)
    table = CountryIncomeGroup.__table__
    current = {(c, y): g for c, y, g in db.session.execute(select(table.c.country_id, table.c.fiscal_year,
                                                                   table.c.income_group))}
    years = [y for _c, y in history]
    report = HistoryReport(len(history), len({c for c, _y in history}), min(years, default=None),
                           max(years, default=None), changed=current != history)
    if not report.changed:  # reloading the same file writes nothing, not even an audit record
        return report
    db.session.execute(delete(CountryIncomeGroup))
    db.session.execute(table.insert(), [
        {"country_id": c, "fiscal_year": y, "income_group": g} for (c, y), g in sorted(history.items())])
    before = len(current)
    # the history as a whole is the audited thing (thousands of rows, replaced together)
    audited = SimpleNamespace(__tablename__=CountryIncomeGroup.__tablename__, id=0, audit_label="income-group history")
    record_change("update", audited, before={"rows": before}, after={"rows": report.rows, "fiscal_years": [
        report.first_year, report.last_year]}, by=by, note=f"loaded from {path.name}")
    db.session.commit()
    return report
