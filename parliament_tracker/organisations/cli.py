"""flask organisations ...: the organisations that support parliaments, from scripts."""

import click
from flask.cli import AppGroup

from parliament_tracker.organisations.models import ORGANISATION_TYPES
from parliament_tracker.organisations.services import OrganisationError, create_organisation, list_organisations

organisations_cli = AppGroup("organisations", help="Organisations that support parliaments.")


@organisations_cli.command("create")
@click.argument("name")
@click.option("--type", "org_type", required=True, type=click.Choice(ORGANISATION_TYPES))
@click.option("--short", "short_name", default="", help="Short name or acronym (e.g. UNDP).")
@click.option("--iati-id", default=None, help="IATI organisation identifier (e.g. XM-DAC-41114).")
@click.option("--website", default="", help="Its website.")
@click.option("--private", is_flag=True, help="Its activities count in its own dashboards only.")
def create(name, org_type, short_name, iati_id, website, private):
    """Create an organisation; exits non-zero and writes nothing when the name or IATI id is taken."""
    try:
        organisation = create_organisation(name, org_type=org_type, short_name=short_name, iati_id=iati_id,
                                           website=website, activities_public=not private)
    except OrganisationError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created organisation {organisation.name} ({organisation.org_type}, id {organisation.id}).")


@organisations_cli.command("list")
def list_command():
    """Every organisation: id, type, short name, IATI identifier, public or private, and the home one marked."""
    for o in list_organisations():
        flags = ", ".join(f for f in ("home" if o.is_home else "", "private" if not o.activities_public else "") if f)
        click.echo("\t".join((str(o.id), o.org_type, o.short_name or "-", o.iati_id or "-", o.name)
                             + ((f"({flags})",) if flags else ())))
