"""flask users ...: create accounts from scripts, and the demo accounts of make run."""

import os
import sys

import click
from flask.cli import AppGroup

from parliament_tracker.auth import services, tokens
from parliament_tracker.chambers.services import get_chamber_by_code
from parliament_tracker.database import unit_of_work
from parliament_tracker.organisations.services import get_or_create_organisation, get_organisation_by_name

users_cli = AppGroup("users", help="Manage user accounts.")

DEMO_ACCOUNTS = (
    ("admin@demo.parliament-tracker.local", "admin", (), None),
    ("staff@demo.parliament-tracker.local", "staff", (), None),
    ("parliament@demo.parliament-tracker.local", "parliament", ("KE-LC", "KE-UC"), None),
    ("donor@demo.parliament-tracker.local", "donor", (), "[Demo] European Commission"),
)


def _read_password(option: str | None) -> str:
    if option:
        return option
    if os.environ.get("PT_USER_PASSWORD"):
        return os.environ["PT_USER_PASSWORD"]
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(("admin", "staff", "parliament", "donor")))
@click.option("--chamber", "chambers", multiple=True, help="Chamber code, for parliament accounts (repeatable).")
@click.option("--donor", help="Donor name, for donor accounts; created if new.")
@click.option("--organisation", help="For staff: the organisation they work for (see flask organisations list); "
                                     "the home organisation when omitted.")
@click.option("--org-admin", is_flag=True, help="For staff: may manage their organisation's staff accounts.")
@click.option("--name", default="", help="The person's name.")
@click.option("--password", help="Otherwise read from $PT_USER_PASSWORD or standard input.")
def create(email, role, chambers, donor, organisation, org_admin, name, password):
    """Create an account; exits non-zero and writes nothing when anything is wrong."""
    found = []
    for code in chambers:
        chamber = get_chamber_by_code(code)
        if chamber is None:
            raise click.UsageError(f"No chamber with code {code!r} in the registry (see: flask registry export).")
        found.append(chamber)
    employer = None
    if donor and role != "donor":
        raise click.UsageError("--donor is for donor accounts (staff take --organisation).")
    if organisation:
        if role != "staff":
            raise click.UsageError("--organisation is for staff accounts (donor accounts take --donor).")
        employer = get_organisation_by_name(organisation)
        if employer is None:
            raise click.UsageError(f"No organisation named {organisation!r} (see: flask organisations list).")
    if org_admin and role != "staff":
        raise click.UsageError("--org-admin is for staff accounts.")
    try:
        with unit_of_work():  # a donor named here is created only with its account
            donor_obj = get_or_create_organisation(donor) if donor else employer
            user = services.create_user(email, _read_password(password), role, name=name, chambers=found,
                                        donor=donor_obj, org_admin=org_admin)
    except services.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role} account {user.email}.")


@users_cli.command("create-demo")
def create_demo():
    """Create one demo account per role, printing each password once; existing ones are left alone."""
    for email, role, codes, donor in DEMO_ACCOUNTS:
        if services.get_user_by_email(email) is not None:
            click.echo(f"{role:>10}: {email} (exists; password printed when it was created)")
            continue
        chambers = [c for c in (get_chamber_by_code(code) for code in codes) if c is not None]
        if codes and not chambers:
            raise click.ClickException("Load the registry first: flask registry load")
        password = services.generate_password()
        with unit_of_work():
            donor_obj = get_or_create_organisation(donor, is_demo=True) if donor else None
            services.create_user(email, password, role, name=f"Demo {role}", chambers=chambers, donor=donor_obj)
        click.echo(f"{role:>10}: {email}  password: {password}")


tokens_cli = AppGroup("tokens", help="Personal API tokens.")


@tokens_cli.command("create")
@click.argument("email")
@click.option("--name", required=True, help="What the token is for.")
@click.option("--expires-days", type=click.IntRange(1, tokens.MAX_EXPIRY_DAYS), default=None,
              help="Expires after this many days (default: never).")
def create_token(email, name, expires_days):
    """Create a token for the account with EMAIL; the token alone is printed on the last line, once."""
    user = services.get_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account with e-mail {email!r}.")
    if not user.active:
        raise click.ClickException(f"The account {user.email} is disabled; its tokens would not work.")
    try:
        token, secret = tokens.create_token(user, name, expires_days)
    except tokens.TokenError as error:
        raise click.ClickException(str(error)) from None
    expiry = token.expires_at.strftime("%Y-%m-%d %H:%M UTC") if token.expires_at else "never"
    click.echo(f"Token {token.name!r} for {user.email} ({user.role}); expires: {expiry}. Shown only now:")
    click.echo(secret)
