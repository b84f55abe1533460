"""flask coverage ...: upkeep of the coverage facts the dashboards read (see facts.py)."""

import click
from flask.cli import AppGroup

from parliament_tracker.dashboards.facts import differences, rebuild_facts

coverage_cli = AppGroup("coverage", help="Coverage dashboards' stored facts.")


@coverage_cli.command("check")
def check():
    """Compare the stored facts with the participations; exit 1 when they differ (then run `flask coverage
    rebuild`)."""
    extra, missing = differences()
    if extra or missing:
        click.echo(f"coverage facts are out of date: {len(extra)} rows to remove, {len(missing)} to add", err=True)
        raise SystemExit(1)
    click.echo("coverage facts are current")


@coverage_cli.command("rebuild")
def rebuild():
    """Recompute the stored facts from the participations (after data was changed outside the application)."""
    click.echo(f"coverage facts rebuilt: {rebuild_facts()} rows")
