#!/usr/bin/env python3
"""Standalone validator for countries.csv and chambers.csv (not imported by the app).

Usage:  python check_data.py [DATA_DIR]
Needs:  pycountry (pip install pycountry==26.2.16)
Prints counts; exits 1 if any problem is found.
"""
import csv
import datetime
import os
import re
import sys
from collections import Counter, defaultdict

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = sys.argv[1] if len(sys.argv) > 1 else HERE

COUNTRY_HEADER = ["iso2", "un_member", "m49_region", "m49_subregion",
                  "m49_intermediate_region", "income_group", "ipu_groups", "note"]
CHAMBER_HEADER = ["code", "iso2", "chamber_type", "name", "official_names", "other_names",
                  "seats", "status", "status_note", "established", "ended"]

REGIONS = {
    "Africa": {"Northern Africa", "Sub-Saharan Africa"},
    "Americas": {"Latin America and the Caribbean", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
}
INTERMEDIATE = {
    "Sub-Saharan Africa": {"Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"},
    "Latin America and the Caribbean": {"Caribbean", "Central America", "South America"},
    "Northern Europe": {"Channel Islands"},
}
INCOME = {"", "low", "lower_middle", "upper_middle", "high"}
IPU_GROUPS = {"african", "arab", "asia_pacific", "eurasia", "grulac", "twelve_plus"}
CHAMBER_TYPES = {"unicameral", "lower", "upper"}
STATUSES = {"active", "suspended", "dissolved", "transitional"}
CODE_RE = re.compile(r"^[A-Z]{2}-(LC|UC)$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
MIN_ROWS, MAX_ROWS = 265, 280

# The 193 UN Member States (ISO 3166-1 alpha-2). State of Palestine (PS) is NOT in this list.
UN_MEMBERS = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ
CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI
FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM
JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG
MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK
PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD
TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
""".split()
ALLOWED_NON_MEMBERS = {"PS"}  # extra rows, un_member = no
FORBIDDEN = {"XK", "TW", "VA", "EH"}  # Kosovo, Taiwan, Holy See, Western Sahara

problems = []


def problem(msg):
    problems.append(msg)


def read(name, header):
    path = os.path.join(DATA_DIR, name)
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        problem(f"{name}: has a UTF-8 BOM")
        raw = raw[1:]
    rows = list(csv.reader(raw.splitlines(True)))
    if not rows:
        problem(f"{name}: empty file")
        return []
    if rows[0] != header:
        problem(f"{name}: header is {rows[0]!r}, expected {header!r}")
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            problem(f"{name}:{i}: {len(r)} fields, expected {len(header)}: {r!r}")
            continue
        for col, val in zip(header, r, strict=False):
            if val != val.strip():
                problem(f"{name}:{i}: {col} has leading/trailing whitespace: {val!r}")
            if "\n" in val or "\r" in val:
                problem(f"{name}:{i}: {col} contains a line break")
        out.append(dict(zip(header, r, strict=False), _line=i))
    return out


def check_date(label, val):
    if not val:
        return None
    if not DATE_RE.match(val):
        problem(f"{label}: date {val!r} is not YYYY or YYYY-MM-DD")
        return None
    try:
        if len(val) == 4:
            return datetime.date(int(val), 1, 1)
        return datetime.date.fromisoformat(val)
    except ValueError:
        problem(f"{label}: invalid date {val!r}")
        return None


def check_list_field(label, val):
    if not val:
        return
    parts = val.split("|")
    for p in parts:
        if not p or p != p.strip():
            problem(f"{label}: empty or padded element in {val!r}")
    if len(set(parts)) != len(parts):
        problem(f"{label}: duplicate element in {val!r}")


def main():
    # --- the hard-coded member list itself
    if len(UN_MEMBERS) != 193:
        problem(f"UN_MEMBERS has {len(UN_MEMBERS)} entries, expected 193")
    if len(set(UN_MEMBERS)) != len(UN_MEMBERS):
        problem("UN_MEMBERS has duplicates")
    for c in UN_MEMBERS:
        if pycountry.countries.get(alpha_2=c) is None:
            problem(f"UN_MEMBERS: {c} unknown to pycountry")

    countries = read("countries.csv", COUNTRY_HEADER)
    chambers = read("chambers.csv", CHAMBER_HEADER)

    # --- countries
    cmap = {}
    for r in countries:
        lab = f"countries.csv:{r['_line']} ({r['iso2']})"
        iso2 = r["iso2"]
        if iso2 in cmap:
            problem(f"{lab}: duplicate iso2")
        cmap[iso2] = r
        if not re.match(r"^[A-Z]{2}$", iso2) or pycountry.countries.get(alpha_2=iso2) is None:
            problem(f"{lab}: iso2 not found in pycountry")
        if iso2 in FORBIDDEN:
            problem(f"{lab}: {iso2} must not be in the registry")
        if r["un_member"] not in ("yes", "no"):
            problem(f"{lab}: un_member must be yes/no")
        if r["un_member"] == "yes" and iso2 not in UN_MEMBERS:
            problem(f"{lab}: marked UN member but not in the list of 193")
        if r["un_member"] == "no":
            if iso2 in UN_MEMBERS:
                problem(f"{lab}: is a UN member but marked no")
            if iso2 not in ALLOWED_NON_MEMBERS:
                problem(f"{lab}: unexpected non-member row")
            if not r["note"]:
                problem(f"{lab}: non-member row needs a note")
        reg, sub, inter = r["m49_region"], r["m49_subregion"], r["m49_intermediate_region"]
        if reg not in REGIONS:
            problem(f"{lab}: m49_region {reg!r} not allowed")
        elif sub not in REGIONS[reg]:
            problem(f"{lab}: m49_subregion {sub!r} not allowed for {reg}")
        if sub in ("Sub-Saharan Africa", "Latin America and the Caribbean"):
            if inter not in INTERMEDIATE[sub]:
                problem(f"{lab}: m49_intermediate_region {inter!r} required/invalid for {sub}")
        elif inter and inter not in INTERMEDIATE.get(sub, set()):
            problem(f"{lab}: m49_intermediate_region {inter!r} not valid for {sub}")
        if r["income_group"] not in INCOME:
            problem(f"{lab}: income_group {r['income_group']!r} not allowed")
        if r["ipu_groups"]:
            gs = r["ipu_groups"].split(";")
            if len(set(gs)) != len(gs):
                problem(f"{lab}: duplicate ipu group")
            for g in gs:
                if g not in IPU_GROUPS:
                    problem(f"{lab}: ipu group {g!r} not allowed")

    missing = sorted(set(UN_MEMBERS) - set(cmap))
    if missing:
        problem(f"countries.csv: UN members missing: {' '.join(missing)}")

    # --- chambers
    codes = set()
    per_country = defaultdict(list)
    for r in chambers:
        lab = f"chambers.csv:{r['_line']} ({r['code']})"
        code, iso2, ctype, status = r["code"], r["iso2"], r["chamber_type"], r["status"]
        if not CODE_RE.match(code):
            problem(f"{lab}: code does not match ^[A-Z]{{2}}-(LC|UC)$")
        if code in codes:
            problem(f"{lab}: duplicate code")
        codes.add(code)
        if code[:2] != iso2:
            problem(f"{lab}: code prefix differs from iso2 {iso2}")
        if pycountry.countries.get(alpha_2=iso2) is None:
            problem(f"{lab}: iso2 not in pycountry")
        if iso2 not in cmap:
            problem(f"{lab}: iso2 {iso2} not in countries.csv")
        if ctype not in CHAMBER_TYPES:
            problem(f"{lab}: chamber_type {ctype!r} not allowed")
        if status not in STATUSES:
            problem(f"{lab}: status {status!r} not allowed")
        if ctype in ("unicameral", "lower") and not code.endswith("-LC"):
            problem(f"{lab}: {ctype} chamber must have an -LC code")
        if ctype == "upper" and not code.endswith("-UC"):
            problem(f"{lab}: upper chamber must have a -UC code")
        if not r["name"]:
            problem(f"{lab}: empty name")
        check_list_field(f"{lab} official_names", r["official_names"])
        check_list_field(f"{lab} other_names", r["other_names"])
        if r["seats"]:
            if not re.match(r"^[1-9][0-9]*$", r["seats"]):
                problem(f"{lab}: seats {r['seats']!r} is not a positive integer")
        if status != "active" and not r["status_note"]:
            problem(f"{lab}: non-active row needs a status_note")
        est = check_date(f"{lab} established", r["established"])
        end = check_date(f"{lab} ended", r["ended"])
        if status == "dissolved" and not r["ended"]:
            problem(f"{lab}: dissolved row needs an ended date")
        if r["ended"] and status != "dissolved":
            problem(f"{lab}: ended set on a row that is not dissolved")
        if est and end and end < est:
            problem(f"{lab}: ended before established")
        per_country[iso2].append(r)

    for iso2 in cmap:
        if iso2 not in per_country:
            problem(f"countries.csv: {iso2} has no chamber")
    for iso2, rows in per_country.items():
        types = sorted(r["chamber_type"] for r in rows)
        if types == ["unicameral"]:
            if rows[0]["code"] != f"{iso2}-LC":
                problem(f"{iso2}: unicameral chamber must be {iso2}-LC")
        elif types == ["lower", "upper"]:
            got = {r["chamber_type"]: r["code"] for r in rows}
            if got["lower"] != f"{iso2}-LC" or got["upper"] != f"{iso2}-UC":
                problem(f"{iso2}: bicameral codes must be {iso2}-LC (lower) and {iso2}-UC (upper)")
        else:
            problem(f"{iso2}: invalid chamber set {types} (need one unicameral, or one lower + one upper)")

    if not (MIN_ROWS <= len(chambers) <= MAX_ROWS):
        problem(f"chambers.csv: {len(chambers)} rows, expected {MIN_ROWS}-{MAX_ROWS}")

    # --- report
    n_bi = sum(1 for rows in per_country.values() if len(rows) == 2)
    print(f"countries: {len(countries)} "
          f"(UN members {sum(r['un_member'] == 'yes' for r in countries)}, "
          f"extra {sum(r['un_member'] == 'no' for r in countries)}); "
          f"unicameral {len(per_country) - n_bi}, bicameral {n_bi}")
    print(f"chambers: {len(chambers)}")
    print("  by type:  " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['chamber_type'] for r in chambers).items())))
    print("  by status: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['status'] for r in chambers).items())))
    print("  by region: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(cmap[r['iso2']]['m49_region'] for r in chambers if r['iso2'] in cmap).items())))
    print("countries by income: " + ", ".join(f"{k or '(unclassified)'} {v}" for k, v in sorted(Counter(r['income_group'] for r in countries).items())))
    print("countries by IPU group: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(g for r in countries for g in r['ipu_groups'].split(';') if g).items()))
          + f", none {sum(1 for r in countries if not r['ipu_groups'])}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    print("\nOK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
