"""Turn the World Bank's OGHIST.xlsx (historical income classifications, sheet "Country Analytical History") into
income_history.csv: one row per registry country and fiscal year it was classified in. Run when the World Bank
publishes a new year (every July):

    python -m parliament_tracker.chambers.data.oghist_to_csv OGHIST.xlsx > parliament_tracker/chambers/data/income_history.csv

Years marked ".." (not classified) are left out: the application then falls back to today's group, visibly.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry
from openpyxl import load_workbook

GROUPS = {"L": "low", "LM": "lower_middle", "LM*": "lower_middle", "UM": "upper_middle", "H": "high"}
HERE = Path(__file__).resolve().parent


def convert(path: Path, out) -> int:
    registry = {row["iso2"] for row in csv.DictReader((HERE / "countries.csv").open(encoding="utf-8"))}
    rows = list(load_workbook(path, read_only=True)["Country Analytical History"].iter_rows(values_only=True))
    header = next(r for r in rows if r[1] == "Bank's fiscal year:")
    labelled = {i: 2000 + int(h[2:]) if int(h[2:]) < 80 else 1900 + int(h[2:])
                for i, h in enumerate(header) if isinstance(h, str) and h.startswith("FY") and h[2:].isdigit()}
    # some year headings are formulas without a stored value (FY18-FY21 in the 2025 file): the columns run one
    # fiscal year each, so a column's year follows from its position, checked against every labelled column
    offsets = {year - i for i, year in labelled.items()}
    if len(offsets) != 1:
        raise SystemExit("OGHIST: the fiscal-year columns are not one per year; check the sheet by hand")
    offset = offsets.pop()
    years = {i: i + offset for i in range(min(labelled), max(labelled) + 1)}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["iso2", "fiscal_year", "income_group"])
    written = 0
    for row in rows:
        country = pycountry.countries.get(alpha_3=str(row[0])) if row[0] and len(str(row[0])) == 3 else None
        if country is None or country.alpha_2 not in registry:
            continue
        for i, year in sorted(years.items(), key=lambda item: item[1]):
            group = GROUPS.get(str(row[i]).strip()) if row[i] else None
            if group:
                writer.writerow([country.alpha_2, year, group])
                written += 1
    return written


if __name__ == "__main__":
    print(f"{convert(Path(sys.argv[1]), sys.stdout)} rows", file=sys.stderr)
