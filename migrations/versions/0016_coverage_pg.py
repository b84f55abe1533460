"""coverage facts clustered on their key on PostgreSQL: each slice read from a few contiguous pages

PostgreSQL keeps no table in key order (SQLite's WITHOUT ROWID tables are): the facts of one slice lay scattered
over the heap (the "any" slice's 22,236 rows at today's size on 3,156 pages, one page per seven rows), so every
coverage query read six to seven times the pages it needed. CLUSTER orders the existing rows once; from then on
facts.rebuild inserts in key order (facts._Aggregate.fill). A no-op on SQLite.

Revision ID: 0016_coverage_pg
Revises: 0012_languages
Create Date: 2026-12-02 14:30:00

"""
from alembic import op


revision = '0016_coverage_pg'
down_revision = '0012_languages'
branch_labels = None
depends_on = None

TABLES = ('coverage_facts', 'coverage_activity_counts')


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        op.execute(f'CLUSTER {table} USING pk_{table}')
        op.execute(f'ANALYZE {table}')


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:  # the rows stay where they are; only the table's remembered clustering index goes
        op.execute(f'ALTER TABLE {table} SET WITHOUT CLUSTER')
