"""flask registry ...: load the chamber registry from its data file, export it as CSV."""

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from parliament_tracker.chambers.exports import REGISTRY_HEADER, registry_rows
from parliament_tracker.chambers.income_history import HISTORY_FILE, load_income_history
from parliament_tracker.chambers.loader import DATA_DIR, RegistryDataError, load_registry
from parliament_tracker.downloads import csv_chunks

registry_cli = AppGroup("registry", help="The registry of national parliamentary chambers.")


@registry_cli.command("load")
@click.option("--data-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=DATA_DIR,
              show_default=True, help="Folder holding countries.csv and chambers.csv.")
def load(data_dir: Path):
    """Add new chambers and update changed ones; never deletes a chamber."""
    try:
        report = load_registry(data_dir)
    except (RegistryDataError, OSError, KeyError) as error:
        raise click.ClickException(f"Registry not loaded, nothing written: {error}") from None
    click.echo(f"Registry: {len(report.created)} created, {len(report.updated)} updated, "
               f"{report.unchanged} unchanged.")
    for code in report.not_in_file:
        click.echo(f"Warning: {code} is in the database but not in the data file; left as it is.", err=True)
    if (data_dir / HISTORY_FILE.name).exists():
        _load_history(data_dir / HISTORY_FILE.name)


@registry_cli.command("income-groups")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=HISTORY_FILE)
def income_groups(path: Path):
    """Replace the World Bank income groups by fiscal year with those of a CSV (iso2,fiscal_year,income_group)."""
    _load_history(path)


def _load_history(path: Path) -> None:
    try:
        report = load_income_history(path)
    except (RegistryDataError, OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Income-group history not loaded, nothing written: {error}") from None
    click.echo(f"Income-group history: {report.rows} rows for {report.countries} countries, "
               f"FY{report.first_year}-FY{report.last_year}{'' if report.changed else ', unchanged'}.")


@registry_cli.command("export")
def export():
    """Write the registry as CSV to standard output."""
    for chunk in csv_chunks(REGISTRY_HEADER, registry_rows()):
        sys.stdout.write(chunk)
