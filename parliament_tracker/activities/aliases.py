"""Remembered answers of the import (aliases): saved from the choices of a committed import, listed, changed and
deleted by people, exported and imported as CSV; every change audited in its own transaction."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import select

from parliament_tracker.activities.models import ACTIVITY_TYPES, ActivityArea, ImportAlias
from parliament_tracker.activities.reconcile import COLUMNS, CREATE, Choice, choice_key
from parliament_tracker.audit import record_change, snapshot
from parliament_tracker.chambers.models import Chamber
from parliament_tracker.database import unit_of_work
from parliament_tracker.domain import DomainError
from parliament_tracker.downloads import csv_text
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation

FIELDS = ("column_name", "value", "country", "target")
CSV_HEADER = ("column", "value", "country", "target", "created_by", "created_at", "updated_at")


class AliasError(DomainError):
    """An alias that cannot be saved (unknown column or target); nothing was written."""


def check_target(column: str, target: str) -> str:
    """The canonical target (a chamber code upper-cased, an existing donor's name); AliasError when unknown."""
    target = target.strip()
    if column == "chamber":
        code = db.session.scalar(select(Chamber.code).where(Chamber.code == target.upper()))
    elif column == "area":
        code = db.session.scalar(select(ActivityArea.code).where(ActivityArea.code == target))
    elif column == "type":
        code = target if target in ACTIVITY_TYPES else None
    elif column == "donor":
        code = db.session.scalar(select(Organisation.name).where(Organisation.name == target))
    else:
        raise AliasError(_("Unknown column %(c)r; use one of %(cols)s.", c=column[:20], cols=", ".join(COLUMNS)))
    if code is None:
        raise AliasError(_("%(t)r is not a known %(c)s.", t=target[:60], c=column), "target")
    return code


def _find(choice: Choice) -> ImportAlias | None:
    column, value_key, country_key = choice.key
    return db.session.scalar(select(ImportAlias).where(ImportAlias.column_name == column,
                                                       ImportAlias.value_key == value_key,
                                                       ImportAlias.country_key == country_key))


def _save(choice: Choice, target: str, by) -> ImportAlias:
    """Add or change the alias for choice's value (no commit: the caller's transaction writes it)."""
    alias = _find(choice)
    _column, value_key, country_key = choice.key
    if alias is None:
        alias = ImportAlias(column_name=choice.column, value=choice.value, value_key=value_key,
                            country=choice.country, country_key=country_key, target=target,
                            created_by_id=getattr(by, "id", None))
        db.session.add(alias)
        record_change("create", alias, before=None, after=snapshot(alias, FIELDS), by=by, note="import alias")
    elif alias.target != target:
        before = snapshot(alias, FIELDS)
        alias.target = target
        record_change("update", alias, before=before, after=snapshot(alias, FIELDS), by=by, note="import alias")
    return alias


def remember_choices(choices: Iterable[Choice], by) -> int:
    """Save the choices a committed import used, inside its transaction; a donor created by a choice is
    remembered under its new name. A choice that only repeats the value is not worth remembering."""
    count = 0
    for choice in choices:
        target = choice.target
        if choice.column == "donor" and target.startswith(CREATE):
            target = target[len(CREATE):].strip() or choice.value
        if choice_key(choice.column, target)[1] == choice.key[1]:
            continue
        _save(choice, target, by)
        count += 1
    return count


def list_aliases() -> list[ImportAlias]:
    return list(db.session.scalars(select(ImportAlias).order_by(ImportAlias.column_name, ImportAlias.value_key,
                                                                ImportAlias.country_key)))


def get_alias_or_404(alias_id: int) -> ImportAlias:
    return db.get_or_404(ImportAlias, alias_id)


def update_alias(alias: ImportAlias, target: str, by) -> ImportAlias:
    """Point alias at another target (checked to exist) and audit it."""
    with unit_of_work():
        checked = check_target(alias.column_name, target)
        before = snapshot(alias, FIELDS)
        alias.target = checked
        record_change("update", alias, before=before, after=snapshot(alias, FIELDS), by=by, note="import alias")
    return alias


def delete_alias(alias: ImportAlias, by) -> None:
    with unit_of_work():
        record_change("delete", alias, before=snapshot(alias, FIELDS), after=None, by=by, note="import alias")
        db.session.delete(alias)


def alias_rows() -> list[tuple]:
    """Every alias as a row under CSV_HEADER."""
    return [(a.column_name, a.value, a.country, a.target, a.created_by.email if a.created_by else "",
             a.created_at.isoformat(timespec="seconds"), a.updated_at.isoformat(timespec="seconds"))
            for a in list_aliases()]


def export_aliases_csv() -> str:
    return csv_text(CSV_HEADER, alias_rows())


def import_aliases_csv(text: str, by=None) -> int:
    """Add or change the aliases of a CSV (columns column, value, country, target; others ignored): all rows or
    none; AliasError names the first bad row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or not {"column", "value", "target"} <= set(reader.fieldnames):
        raise AliasError(_("The first row must name the columns column, value, country and target."))
    count = 0
    with unit_of_work():
        for number, row in enumerate(reader, start=2):
            column, value = (row.get("column") or "").strip().lower(), (row.get("value") or "").strip()
            if not value:
                raise AliasError(_("Row %(n)s: the value is empty.", n=number))
            try:
                target = check_target(column, row.get("target") or "")
            except AliasError as error:
                raise AliasError(_("Row %(n)s: %(e)s", n=number, e=error)) from None
            country = (row.get("country") or "").strip() if column == "chamber" else ""
            _save(Choice(column, value[:200], target, country[:120]), target, by)
            count += 1
    return count
