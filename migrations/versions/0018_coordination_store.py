"""coordination stored: the work of each organisation per chamber, area, year and activity type (coordination_facts)
and the overlaps at the default window of 12 months (coordination_overlaps), filled from the data there

The coordination view paired every work row with its neighbours on each request: 2 s at today's size, and growing
with the square of the rows per chamber and area. dashboards/coordination_store.py explains the tables and keeps
them current from now on; this fills them once, with the same definitions written out here (a migration must not
change when the application's code does).

Revision ID: 0018_coordination_store
Revises: 0017_partners_may_edit
Create Date: 2026-12-02 21:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0018_coordination_store'
down_revision = '0017_partners_may_edit'
branch_labels = None
depends_on = None

WORKING_ROLES = ('implementing', 'co_organising')
FACT_KEYS = ('chamber_id', 'area_id', 'year', 'organisation_id', 'activity_type')
FACT_VALUES = ('activities', 'first_activity', 'last_activity', 'first_month', 'last_month')


def _create():
    op.create_table(
        'coordination_facts',
        *(sa.Column(c, sa.String(30) if c == 'activity_type' else sa.Integer(), primary_key=True,
                    autoincrement=False) for c in FACT_KEYS),
        *(sa.Column(c, sa.Integer(), nullable=False) for c in FACT_VALUES),
        sqlite_with_rowid=False)
    op.create_index('ix_coordination_facts_cell', 'coordination_facts', ['area_id', 'year', 'activity_type'])
    op.create_index('ix_coordination_facts_organisation', 'coordination_facts', ['organisation_id', 'chamber_id'])
    op.create_table(
        'coordination_overlaps',
        *(sa.Column(c, sa.Integer(), primary_key=True, autoincrement=False)
          for c in ('chamber_id', 'area_id', 'org_a', 'org_b')),
        sqlite_with_rowid=False)


def _fill():
    activities = sa.table('activities', sa.column('id'), sa.column('area_id'), sa.column('activity_type'),
                          sa.column('start_date', sa.Date), sa.column('deleted_at'),
                          sa.column('lead_organisation_id'))
    partners = sa.table('activity_partners', sa.column('activity_id'), sa.column('organisation_id'),
                        sa.column('role'))
    participations = sa.table('participations', sa.column('activity_id'), sa.column('chamber_id'),
                              sa.column('role'))
    organisations = sa.table('organisations', sa.column('id'), sa.column('activities_public', sa.Boolean))
    facts = sa.table('coordination_facts', *(sa.column(c) for c in (*FACT_KEYS, *FACT_VALUES)))
    overlaps = sa.table('coordination_overlaps', *(sa.column(c) for c in ('chamber_id', 'area_id', 'org_a', 'org_b')))
    a, p = activities, participations
    workers = sa.union(
        sa.select(a.c.id.label('activity_id'), a.c.lead_organisation_id.label('organisation_id')),
        sa.select(partners.c.activity_id, partners.c.organisation_id).where(partners.c.role.in_(WORKING_ROLES)),
    ).subquery('workers')
    year = sa.cast(sa.extract('year', a.c.start_date), sa.Integer)
    month = sa.cast(sa.extract('month', a.c.start_date), sa.Integer)
    public = sa.select(organisations.c.id).where(organisations.c.activities_public.is_(True))
    work = (sa.select(workers.c.activity_id, workers.c.organisation_id, p.c.chamber_id, a.c.area_id,
                      a.c.activity_type, year.label('year'), month.label('month'))
            .join(a, a.c.id == workers.c.activity_id)
            .join(p, sa.and_(p.c.activity_id == a.c.id, p.c.role == 'beneficiary'))
            .where(a.c.deleted_at.is_(None), a.c.lead_organisation_id.in_(public)).subquery('work'))
    op.execute(facts.insert().from_select(
        [*FACT_KEYS, *FACT_VALUES],
        sa.select(*(work.c[k] for k in FACT_KEYS), sa.func.count(sa.func.distinct(work.c.activity_id)),
                  sa.func.min(work.c.activity_id), sa.func.max(work.c.activity_id), sa.func.min(work.c.month),
                  sa.func.max(work.c.month)).group_by(*(work.c[k] for k in FACT_KEYS))))
    f = facts
    years = (sa.select(f.c.chamber_id, f.c.area_id, f.c.year, f.c.organisation_id,
                       sa.func.sum(f.c.activities).label('activities'),
                       sa.func.min(f.c.first_activity).label('first_activity'),
                       sa.func.min(f.c.first_month).label('first_month'),
                       sa.func.max(f.c.last_month).label('last_month'))
             .group_by(f.c.chamber_id, f.c.area_id, f.c.year, f.c.organisation_id).cte('years'))
    x, y = years.alias('x'), years.alias('y')
    same_one = sa.and_(x.c.activities == 1, y.c.activities == 1, x.c.first_activity == y.c.first_activity)
    paired = sa.and_(y.c.chamber_id == x.c.chamber_id, y.c.area_id == x.c.area_id,
                     y.c.organisation_id > x.c.organisation_id, y.c.year.between(x.c.year - 1, x.c.year + 1),
                     sa.or_(sa.and_(y.c.year == x.c.year, sa.not_(same_one)),
                            sa.and_(y.c.year == x.c.year + 1, 12 + y.c.first_month - x.c.last_month <= 12),
                            sa.and_(y.c.year == x.c.year - 1, 12 + x.c.first_month - y.c.last_month <= 12)))
    op.execute(overlaps.insert().from_select(
        ['chamber_id', 'area_id', 'org_a', 'org_b'],
        sa.select(x.c.chamber_id, x.c.area_id, x.c.organisation_id, y.c.organisation_id)
        .select_from(x).join(y, paired).distinct()))


def upgrade():
    _create()
    _fill()


def downgrade():
    op.drop_table('coordination_overlaps')
    op.drop_index('ix_coordination_facts_organisation', table_name='coordination_facts')
    op.drop_index('ix_coordination_facts_cell', table_name='coordination_facts')
    op.drop_table('coordination_facts')
