"""participations indexed by chamber, role and activity: a chamber's profile reads its own records from the index

The index on (chamber_id, role) becomes (chamber_id, role, activity_id): covering for the profile's per-chamber
counts and timeline, so SQLite no longer prefers the (role, activity_id, ...) index and reads every beneficiary
record of every chamber (a profile at full size: 324 ms cold, now under 100).

Revision ID: 0014_coverage
Revises: 0010_coverage_cube
Create Date: 2026-12-02 07:40:00

"""
from alembic import op


revision = '0014_coverage'
down_revision = '0010_coverage_cube'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_participations_chamber_role_activity', 'participations', ['chamber_id', 'role', 'activity_id'])
    op.drop_index('ix_participations_chamber_role', table_name='participations')


def downgrade():
    op.create_index('ix_participations_chamber_role', 'participations', ['chamber_id', 'role'])
    op.drop_index('ix_participations_chamber_role_activity', table_name='participations')
