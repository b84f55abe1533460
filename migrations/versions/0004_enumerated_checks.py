"""check constraints on every enumerated column: activity type, participation role and status, chamber type and
status, country region and income group, account role

The values are frozen here as the models list them today (activities/models.py, chambers/models.py,
auth/models.py); a new value needs a migration that replaces the constraint. On SQLite each table is rebuilt in
batch mode (env.py turns foreign key enforcement off around the rebuild and checks the keys after it); on
PostgreSQL the constraints are added, and either refuses a row already holding another value.

Revision ID: 0004_enumerated_checks
Revises: 0003_coverage_facts
Create Date: 2026-12-01 23:50:00

"""
from alembic import op


revision = '0004_enumerated_checks'
down_revision = '0003_coverage_facts'
branch_labels = None
depends_on = None

CHECKS = {
    'activities': [
        ('ck_activities_activity_type_known', 'activity_type', ('workshop', 'training', 'conference', 'research',
                                                                'mission', 'study_visit', 'webinar',
                                                                'information_service'), False),
    ],
    'participations': [
        ('ck_participations_role_known', 'role', ('beneficiary', 'expert'), False),
        ('ck_participations_status_known', 'status', ('claimed', 'confirmed', 'disputed'), False),
    ],
    'chambers': [
        ('ck_chambers_chamber_type_known', 'chamber_type', ('unicameral', 'lower', 'upper'), False),
        ('ck_chambers_status_known', 'status', ('active', 'suspended', 'dissolved', 'transitional'), False),
    ],
    'countries': [
        ('ck_countries_m49_region_known', 'm49_region', ('Africa', 'Americas', 'Asia', 'Europe', 'Oceania'), False),
        ('ck_countries_income_group_known', 'income_group', ('low', 'lower_middle', 'upper_middle', 'high'), True),
    ],
    'users': [
        ('ck_users_role_known', 'role', ('admin', 'staff', 'parliament', 'donor'), False),
    ],
}


def _condition(column, values, nullable):
    condition = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f'{column} IS NULL OR {condition}' if nullable else condition


def upgrade():
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, column, values, nullable in checks:
                batch_op.create_check_constraint(op.f(name), _condition(column, values, nullable))


def downgrade():
    for table, checks in reversed(CHECKS.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, *_ in reversed(checks):
                batch_op.drop_constraint(op.f(name), type_='check')
