"""flask organisations create / list: the same rules as the admin's form (the service checks them), nothing written
on a refusal."""

from sqlalchemy import func, select

from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Organisation))


def test_create_and_list(runner):
    result = runner.invoke(args=["organisations", "create", "United Nations Development Programme", "--type",
                                 "un_agency", "--short", "UNDP", "--iati-id", "XM-DAC-41114", "--private"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(args=["organisations", "list"]).output
    assert "UNDP\tXM-DAC-41114\tUnited Nations Development Programme\t(private)" in listed


def test_refusals_exit_non_zero_and_write_nothing(runner):
    runner.invoke(args=["organisations", "create", "UNDP", "--type", "un_agency", "--iati-id", "XM-DAC-41114"])
    before = _count()
    for args, message in ((["Other", "--type", "ngo", "--iati-id", "XM-DAC-41114"], "belongs to another"),
                          (["Other", "--type", "ngo", "--iati-id", "41114"], "registration agency"),
                          (["UNDP", "--type", "ngo"], "exists already"),
                          (["Other", "--type", "ngo", "--website", "javascript:alert(1)"], "https://")):
        result = runner.invoke(args=["organisations", "create", *args])
        assert result.exit_code != 0 and message in result.output, (args, result.output)
    assert _count() == before
