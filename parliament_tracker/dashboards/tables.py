"""The matrix and gap tables, and the header and rows of every table's download."""

from __future__ import annotations

from flask import abort

from parliament_tracker.dashboards import coordination
from parliament_tracker.dashboards.panels import Panel, column_label, coverage_panels
from parliament_tracker.dashboards.report import coverage_report, gaps_report, matrix_report
from parliament_tracker.dashboards.scope import CoverageFilters
from parliament_tracker.downloads import HXL_SAMPLE_ROWS, hxl_row
from parliament_tracker.i18n import gettext as _
from parliament_tracker.labels import label
from parliament_tracker.localised import (
    LangText,
    chamber_name,
    country_name_iso3,
    date_text,
    locale_code,
    official_languages,
    region_name,
)

PAGE_SIZE = 50
MATRIX_LEAD = ["code", "chamber", "chamber_type", "status", "country", "region", "income_group"]
GAPS_HEADER = ["code", "chamber", "chamber_type", "status", "country", "region", "subregion", "income_group",
               "last_reached", "other_areas"]


def matrix_table(report: dict, areas: dict[str, str], sort: str | None = None, descending: bool = False) -> Panel:
    """One row per chamber: its activities in each area, the total and its breadth, sorted by any column."""
    codes = report["areas"]
    header = MATRIX_LEAD + codes + ["total", "breadth"]
    rows = [[r["code"], _chamber(r), label("chamber_type", r["chamber_type"]), label("status", r["status"]),
             country_name_iso3(r["iso3"], r["country"]), region_name(r["m49_region"]),
             label("income_group", r["income_group"]), *[int(r[c] or 0) for c in codes], int(r["total"]),
             int(r["breadth"])] for r in report["rows"]]
    if sort in header:
        i = header.index(sort)
        rows.sort(key=lambda row: (row[i] is None, row[i]), reverse=descending)
    return Panel("matrix", "", header, rows)


def _chamber(row: dict) -> LangText:
    """A row's chamber name in the reader's language where the registry holds one, else the English name, which
    the page marks lang="en" (the text keeps its language for the template; a download writes it as text)."""
    name, lang = chamber_name(row["name"], row.get("official_names") or "", official_languages(row.get("iso2") or ""))
    return LangText(name, lang)


def heat(rows: list[list], first: int, last: int) -> list[list[int]]:
    """Per row, a shade from 0 (none) to 4 for each of the columns first..last-1, in quarters of that column's
    largest value: the matrix's cells are shaded by how many activities they hold, against the same column."""
    tops = [max((r[i] for r in rows), default=0) or 1 for i in range(first, last)]
    return [[0 if not r[i] else min(4, 1 + (4 * r[i] - 1) // top) for i, top in zip(range(first, last), tops,
                                                                                    strict=True)] for r in rows]


def page_of(rows: list, page: int | None, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    """(the rows of a page, the page number, the number of pages); a page out of range is the nearest one."""
    pages = max(1, -(-len(rows) // size))
    page = min(max(page or 1, 1), pages)
    return rows[(page - 1) * size:page * size], page, pages


def gaps_table(report: dict, areas: dict[str, str]) -> Panel:
    """The chambers not reached under the filters, with their classifications, the date they were last reached
    ("never reached" when they never were) and the other areas they were reached in during the period."""
    never = _("never reached")
    return Panel("gaps", "", GAPS_HEADER, [
        [r["code"], _chamber(r), label("chamber_type", r["chamber_type"]), label("status", r["status"]),
         country_name_iso3(r["iso3"], r["country"]), region_name(r["m49_region"]), region_name(r["m49_subregion"]),
         label("income_group", r["income_group"]), date_text(r["last_reached"]) if r["last_reached"] else never,
         ", ".join(areas.get(a, a) for a in r["other_areas"])] for r in report["rows"]])


def csv_rows(name: str, filters: CoverageFilters, areas: dict[str, str]) -> tuple[str, list[str], list[list], list]:
    """The title, header (column keys) and rows of the named chart or table under filters, and the recorded years
    (for the period's words); 404 for an unknown name."""
    if name == "matrix":
        report = matrix_report(filters)
        table, title = matrix_table(report, areas), _("Chamber-by-area matrix")
    elif name == "gaps":
        report = gaps_report(filters)
        table, title = gaps_table(report, areas), _("Chambers not reached")
    else:
        report = coverage_report(filters)
        table = coverage_panels(report, areas, filters.area).get(name) or abort(404)
        title = table.title
    return title, table.header, table.rows, report["recorded_years"]


def download_header(header: list[str], rows: list[list], areas: dict[str, str]) -> tuple[list[str], list[str]]:
    """(the column names of a download, their HXL hashtags). English keeps the column keys ("chambers_reached"),
    which scripts read; another language names each column as the page does ("Chambers reached" in its words).
    The hashtags are read from the keys either way, so ?hxl=1 tags a French file as an English one."""
    tags = hxl_row(header, rows[:HXL_SAMPLE_ROWS])
    if locale_code() == "en":
        return header, tags
    return [column_label(key, areas) for key in header], tags


OVERLAP_HEADER = ["chamber", "area", "organisation_a", "organisation_b", "activity_id", "activity_title",
                  "activity_start", "activity_organisation"]


def overlap_rows(found: list[coordination.Overlap]) -> list[list]:
    """The overlaps as the download's rows: one per overlap and activity (OVERLAP_HEADER's columns)."""
    return [[o.chamber_code, o.area_code, *o.organisations, a.id, a.title, a.start_date.isoformat(), a.organisation]
            for o in found for a in o.activities]
