"""flask activities ... and flask demo ...: command-line use cases of the activities feature."""

import click
from flask.cli import AppGroup

from parliament_tracker.activities import demo

activities_cli = AppGroup("activities", help="Activities and participations.")
demo_cli = AppGroup("demo", help="Clearly labelled synthetic demo data.")


@demo_cli.command("load")
def demo_load():
    """Add about ten years of synthetic history; does nothing if it is already loaded."""
    if demo.demo_present():
        click.echo("Demo data already loaded; nothing to do.")
        return
    try:
        report = demo.load_demo()
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Demo data loaded: {report.activities} activities, {report.participations} participations.")


@demo_cli.command("clear")
def demo_clear():
    """Remove exactly the demo activities and demo donors, nothing else."""
    report = demo.clear_demo()
    click.echo(f"Demo data removed: {report.activities} activities, {report.participations} participations.")
