"""flask activities ...: command-line use cases of the activities feature."""

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from parliament_tracker.activities.import_writer import ImportConflict, ImportRefused, commit_import
from parliament_tracker.activities.imports import preview_import

activities_cli = AppGroup("activities", help="Activities and participations.")


@activities_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and report; write nothing.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def import_file(file: Path, dry_run: bool, output: str):
    """Import a CSV or XLSX sheet of participations (one chamber per row); all rows or none.

    Exits with status 1 when anything was refused (a file error, a row in error, an ambiguous row)."""
    max_rows = current_app.config.get("IMPORT_MAX_ROWS", 100_000)
    if dry_run:
        report = preview_import(file, file.name, max_rows=max_rows)
    else:
        try:
            report = commit_import(file, file.name, max_rows=max_rows)
        except ImportRefused as refused:
            report = refused.report
        except ImportConflict as conflict:
            raise click.ClickException(str(conflict)) from None
    if output == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        _print_text(report, dry_run)
    if not report.ok:
        sys.exit(1)


def _print_text(report, dry_run: bool) -> None:
    if report.file_error:
        click.echo(f"File refused, nothing written: {report.file_error}", err=True)
        return
    for notice in report.notices:
        click.echo(notice)
    for row in report.rows:
        if row.status in ("error", "ambiguous"):
            click.echo(f"row {row.row}: {row.status}: {row.message}", err=True)
    s = report.summary
    verb = "would be" if dry_run or not report.ok else "were"
    click.echo(f"Activities: {s.activities_created} created, {s.activities_updated} updated; participations: "
               f"{s.participations_created} created, {s.participations_updated} updated ({verb} written); "
               f"{s.errors} errors, {s.ambiguous} ambiguous.")
    if not report.ok:
        click.echo("Nothing was written: fix or remove the rows above, then import again.", err=True)
