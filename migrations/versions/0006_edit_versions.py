"""version counters on participations and chamber contacts: a stale edit is refused (409), never applied

Revision ID: 0006_edit_versions
Revises: 0005_import_aliases
Create Date: 2026-12-01 23:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0006_edit_versions'
down_revision = '0005_import_aliases'
branch_labels = None
depends_on = None

TABLES = ('participations', 'chamber_contacts')


def upgrade():
    for table in TABLES:
        # A plain ADD COLUMN (no batch copy of a large participations table on SQLite); existing rows start at
        # version 1 as new ones do, and the server default stays: it is harmless and dropping it needs the copy.
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
