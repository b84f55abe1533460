"""flask activities ...: command-line use cases of the activities feature."""

import json
import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from parliament_tracker.activities.import_writer import ImportConflict, ImportRefused, commit_import
from parliament_tracker.activities.imports import preview_import
from parliament_tracker.activities.reconcile import MapError, parse_map
from parliament_tracker.organisations.services import get_organisation_by_name

activities_cli = AppGroup("activities", help="Activities and participations.")


@activities_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and report; write nothing.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--map", "maps", multiple=True, metavar="COLUMN:VALUE[|COUNTRY]=TARGET",
              help="Answer a value for every row that has it: chamber:Bundesrat|Austria=AT-UC, type:research "
                   "study=research, donor:EC=European Commission, donor:New Fund=+ (creates the donor).")
@click.option("--no-remember", is_flag=True, help="Do not save the --map answers as aliases for later imports.")
@click.option("--organisation", help="Lead organisation of the new activities (see flask organisations list); the "
                                     "home organisation when omitted.")
def import_file(file: Path, dry_run: bool, output: str, maps: tuple[str, ...], no_remember: bool,
                organisation: str | None):
    """Import a CSV or XLSX sheet of participations (one chamber per row); all rows or none.

    Exits with status 1 when anything was refused (a file error, a row in error, an ambiguous row)."""
    try:
        choices = [parse_map(m) for m in maps]
    except MapError as error:
        raise click.UsageError(str(error)) from None
    lead = get_organisation_by_name(organisation) if organisation else None
    if organisation and lead is None:
        raise click.UsageError(f"No organisation named {organisation!r} (see: flask organisations list).")
    if dry_run:
        report = preview_import(file, file.name, choices=choices)
    else:
        try:
            report = commit_import(file, file.name, choices=choices, remember=not no_remember,
                                   organisation=lead)
        except ImportRefused as refused:
            report = refused.report
        except ImportConflict as conflict:
            raise click.ClickException(str(conflict)) from None
    if output == "json":
        _print_json(report)
    else:
        _print_text(report, dry_run)
    if not report.ok:
        sys.exit(1)


def _print_json(report) -> None:
    """One JSON object, its rows written one at a time (a file of any size prints in flat memory)."""
    head = json.dumps(report.head_json(), ensure_ascii=False)
    click.echo('{"rows": [', nl=False)
    for number, row in enumerate(report.rows):
        click.echo(("," if number else "") + json.dumps(row.as_json(), ensure_ascii=False), nl=False)
    click.echo("], " + head[1:])


def _print_text(report, dry_run: bool) -> None:
    if report.file_error:
        click.echo(f"File refused, nothing written: {report.file_error}", err=True)
        return
    for notice in report.notices:
        click.echo(notice)
    for activity in report.review.activities.values():
        problems = "; ".join(p.message for p in activity.problems.values())
        click.echo(f"activity {activity.ref} (rows {', '.join(map(str, activity.rows[:20]))}): {problems}", err=True)
    for row in report.rows:
        if row.status in ("error", "ambiguous") and (row.message or not row.activity_problem):
            click.echo(f"row {row.row}: {row.status}: {row.fault}: {row.message}", err=True)
    for pending in report.review.pending.values():
        where = f"|{pending.country}" if pending.country else ""
        click.echo(f"to answer: --map \"{pending.column}:{pending.value}{where}=...\" ({pending.count} rows)",
                   err=True)
    s = report.summary
    verb = "would be" if dry_run or not report.ok else "were"
    click.echo(f"Activities: {s.activities_created} created, {s.activities_updated} updated; participations: "
               f"{s.participations_created} created, {s.participations_updated} updated ({verb} written); "
               f"{s.errors} errors, {s.ambiguous} ambiguous.")
    if not report.ok:
        click.echo("Nothing was written: fix or remove the rows above, or answer them with --map, then import again.",
                   err=True)
    elif report.remembered:
        click.echo(f"{report.remembered} answers remembered as aliases.")


aliases_cli = AppGroup("aliases", help="The import's remembered answers (aliases).")


@aliases_cli.command("list")
def aliases_list():
    """Every alias: column, value (and country), what it means, who saved it."""
    from parliament_tracker.activities.aliases import list_aliases

    for a in list_aliases():
        where = f" ({a.country})" if a.country else ""
        who = a.created_by.email if a.created_by else "-"
        click.echo(f"{a.column_name}: {a.value}{where} = {a.target}  [{who}, {a.updated_at:%Y-%m-%d}]")


@aliases_cli.command("export")
def aliases_export():
    """The aliases as CSV on standard output (column,value,country,target,created_by,created_at,updated_at)."""
    from parliament_tracker.activities.aliases import export_aliases_csv

    click.echo(export_aliases_csv(), nl=False)


@aliases_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def aliases_import(file: Path):
    """Add or change aliases from a CSV (columns column, value, country, target): all rows or none."""
    from parliament_tracker.activities.aliases import AliasError, import_aliases_csv

    try:
        count = import_aliases_csv(file.read_text(encoding="utf-8-sig"))
    except (AliasError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Nothing imported: {error}") from None
    click.echo(f"{count} aliases saved.")
