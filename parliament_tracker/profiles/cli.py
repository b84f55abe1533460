"""flask demo ...: the clearly labelled synthetic history, its participations and self-assessments."""

import click
from flask.cli import AppGroup

from parliament_tracker.activities import demo
from parliament_tracker.profiles.demo import clear_demo_assessments, load_demo_assessments

demo_cli = AppGroup("demo", help="Clearly labelled synthetic demo data.")


@demo_cli.command("load")
def demo_load():
    """Add about ten years of synthetic history and self-assessments; does nothing if already loaded."""
    if demo.demo_present():
        click.echo("Demo data already loaded; nothing to do.")
        return
    try:
        report = demo.load_demo()
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    assessments = load_demo_assessments()
    click.echo(f"Demo data loaded: {report.activities} activities, {report.participations} participations, "
               f"{assessments} self-assessments.")


@demo_cli.command("clear")
def demo_clear():
    """Remove exactly the demo activities, donors and self-assessments, nothing else."""
    report = demo.clear_demo()
    assessments = clear_demo_assessments()
    click.echo(f"Demo data removed: {report.activities} activities, {report.participations} participations, "
               f"{assessments} self-assessments.")
