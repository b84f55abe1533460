"""coverage on PostgreSQL: facts clustered on their key, indexed by slice and chamber; live activities' dates

Three causes of PostgreSQL's slow cold coverage, found with EXPLAIN (ANALYZE, BUFFERS) at ten times today's data:

PostgreSQL keeps no table in key order (SQLite's WITHOUT ROWID tables are): the facts of one slice lay scattered
over the heap (the "any" slice's 22,236 rows at today's size on 3,156 pages, one page per seven rows), so every
coverage query read six to seven times the pages it needed. CLUSTER orders the existing rows once; from then on
facts.rebuild inserts in key order (facts._Aggregate.fill).

A region, income group or period keeps the chambers in scope (`chamber_id IN (...)`): the primary key has the
chamber last, so each chamber's rows of the slice were a scan of the whole slice (7,488 pages for 39 chambers,
70 ms at 10x): (activity_type, donor_id, chamber_id) finds them directly. SQLite, whose
slices are already contiguous, met the targets without it and gets none (not measured with it).

A no-op on SQLite.

The recorded years (min and max start date of the live activities) were two parallel scans of the activities on
PostgreSQL (50 ms at 10x), whose planner does not read `deleted_at IS NULL` as an equality on the leading column of
ix_activities_live_start: a partial index on the start date of the live activities makes them two probes. SQLite
already probes that index (dashboards/queries.py).

Revision ID: 0016_coverage_pg
Revises: 0015_organisations
Create Date: 2026-12-02 14:30:00

"""
from alembic import op


revision = '0016_coverage_pg'
down_revision = '0015_organisations'
branch_labels = None
depends_on = None

TABLES = ('coverage_facts', 'coverage_activity_counts')


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.create_index('ix_coverage_facts_slice_chamber', 'coverage_facts', ['activity_type', 'donor_id', 'chamber_id'])
    op.create_index('ix_activities_live_start_date', 'activities', ['start_date'],
                    postgresql_where='deleted_at IS NULL')
    for table in TABLES:
        op.execute(f'CLUSTER {table} USING pk_{table}')
        op.execute(f'ANALYZE {table}')


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.drop_index('ix_coverage_facts_slice_chamber', table_name='coverage_facts')
    op.drop_index('ix_activities_live_start_date', table_name='activities')
    for table in TABLES:  # the rows stay where they are; only the table's remembered clustering index goes
        op.execute(f'ALTER TABLE {table} SET WITHOUT CLUSTER')
