"""flask users create and create-demo, driven as a script would."""

from sqlalchemy import func, select

from parliament_tracker.auth.models import User
from parliament_tracker.auth.services import authenticate
from parliament_tracker.extensions import db
from tests import factories


def _count():
    return db.session.scalar(select(func.count(User.id)))


def test_create_staff_with_password_option(runner):
    result = runner.invoke(args=["users", "create", "a@example.org", "--role", "staff",
                                 "--password", "long enough pw"])
    assert result.exit_code == 0, result.output
    assert authenticate("a@example.org", "long enough pw").role == "staff"


def test_create_reads_password_from_environment_and_stdin(runner):
    env = runner.invoke(args=["users", "create", "b@example.org", "--role", "staff"],
                        env={"PT_USER_PASSWORD": "from the environment"})
    assert env.exit_code == 0, env.output
    stdin = runner.invoke(args=["users", "create", "c@example.org", "--role", "admin"], input="from standard in\n")
    assert stdin.exit_code == 0, stdin.output
    assert authenticate("b@example.org", "from the environment")
    assert authenticate("c@example.org", "from standard in")


def test_create_parliament_account_with_chambers_and_donor_account_with_new_donor(runner):
    factories.make_chamber("KE-LC", "lower")
    factories.make_chamber("KE-UC", "upper")
    result = runner.invoke(args=["users", "create", "p@example.org", "--role", "parliament", "--chamber", "ke-lc",
                                 "--chamber", "KE-UC", "--password", "long enough pw"])
    assert result.exit_code == 0, result.output
    donor = runner.invoke(args=["users", "create", "d@example.org", "--role", "donor", "--donor", "Sida",
                                "--password", "long enough pw"])
    assert donor.exit_code == 0, donor.output
    assert [c.code for c in authenticate("p@example.org", "long enough pw").chambers] == ["KE-LC", "KE-UC"]
    assert authenticate("d@example.org", "long enough pw").donor.name == "Sida"


def test_bad_arguments_exit_non_zero_and_write_nothing(runner):
    before = _count()
    cases = [
        ["users", "create", "x@example.org", "--role", "wizard", "--password", "long enough pw"],
        ["users", "create", "x@example.org", "--role", "parliament", "--chamber", "ZZ-LC", "--password", "long pw 123"],
        ["users", "create", "x@example.org", "--role", "parliament", "--password", "long enough pw"],
        ["users", "create", "x@example.org", "--role", "staff", "--password", "short"],
        ["users", "create", "x@example.org", "--role", "donor", "--password", "long enough pw"],
    ]
    for args in cases:
        result = runner.invoke(args=args)
        assert result.exit_code != 0, (args, result.output)
        assert "Traceback" not in result.output
    donor_without_account = runner.invoke(args=["users", "create", "x@example.org", "--role", "staff", "--donor",
                                                "Ghost Donor", "--password", "long enough pw"])
    assert donor_without_account.exit_code != 0
    assert _count() == before
    from parliament_tracker.organisations.services import get_organisation_by_name
    assert get_organisation_by_name("Ghost Donor") is None


def test_create_demo_prints_passwords_once(runner):
    factories.make_chamber("KE-LC", "lower")
    factories.make_chamber("KE-UC", "upper")
    first = runner.invoke(args=["users", "create-demo"])
    assert first.exit_code == 0, first.output
    assert first.output.count("password:") == 4
    second = runner.invoke(args=["users", "create-demo"])
    assert second.exit_code == 0 and "password:" not in second.output
    assert _count() == 4
