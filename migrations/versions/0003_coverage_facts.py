"""coverage facts, filled from the data there; covering indexes for the dashboards

The facts are the beneficiary participations summed per chamber, area and year (dashboards/facts.py keeps them
current). Participations get an index by role and activity (expert supply); the activities' live index now
covers area and type (activity counts).

Revision ID: 0003_coverage_facts
Revises: 0002_profiles
Create Date: 2026-11-28 16:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003_coverage_facts'
down_revision = '0002_profiles'
branch_labels = None
depends_on = None

COUNTS = ('activities', 'participants', 'women', 'participants_with_sex', 'country_first')
COLUMNS = ('chamber_id', 'area_id', 'year', *COUNTS, *(f'confirmed_{c}' for c in COUNTS))


def _fill():
    """The facts of the data already there: a frozen copy of dashboards/facts.py's query at this revision."""
    participations = sa.table('participations', sa.column('chamber_id'), sa.column('activity_id'), sa.column('role'),
                              sa.column('participants'), sa.column('women'), sa.column('status'))
    activities = sa.table('activities', sa.column('id'), sa.column('area_id'), sa.column('start_date'),
                          sa.column('deleted_at'))
    chambers = sa.table('chambers', sa.column('id'), sa.column('country_id'))
    facts = sa.table('coverage_facts', *(sa.column(c) for c in COLUMNS))
    p, a, c = participations, activities, chambers

    per_activity_and_country = {'partition_by': (p.c.activity_id, c.c.country_id)}
    rows = (sa.select(p.c.chamber_id, a.c.area_id, sa.cast(sa.extract('year', a.c.start_date), sa.Integer).label('year'),
                      p.c.participants, p.c.women, p.c.status,
                      sa.func.min(p.c.chamber_id).over(**per_activity_and_country).label('first'),
                      sa.func.min(sa.case((p.c.status == 'confirmed', p.c.chamber_id))).over(**per_activity_and_country)
                      .label('first_confirmed'))
            .select_from(p.join(a, a.c.id == p.c.activity_id).join(c, c.c.id == p.c.chamber_id))
            .where(p.c.role == 'beneficiary', a.c.deleted_at.is_(None)).subquery('rows'))
    r = rows.c
    confirmed, with_sex = r.status == 'confirmed', r.women.is_not(None)
    select = (sa.select(r.chamber_id, r.area_id, r.year, sa.func.count(), sa.func.sum(r.participants),
                        sa.func.sum(r.women), sa.func.sum(sa.case((with_sex, r.participants))),
                        sa.func.sum(sa.case((r.chamber_id == r.first, 1), else_=0)),
                        sa.func.sum(sa.case((confirmed, 1), else_=0)), sa.func.sum(sa.case((confirmed, r.participants))),
                        sa.func.sum(sa.case((confirmed, r.women))),
                        sa.func.sum(sa.case((sa.and_(confirmed, with_sex), r.participants))),
                        sa.func.sum(sa.case((r.chamber_id == r.first_confirmed, 1), else_=0)))
              .group_by(r.chamber_id, r.area_id, r.year))
    op.execute(facts.insert().from_select(COLUMNS, select))


def upgrade():
    op.create_table('coverage_facts',
    sa.Column('chamber_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('area_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('activities', sa.Integer(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('women', sa.Integer(), nullable=True),
    sa.Column('participants_with_sex', sa.Integer(), nullable=True),
    sa.Column('country_first', sa.Integer(), nullable=False),
    sa.Column('confirmed_activities', sa.Integer(), nullable=False),
    sa.Column('confirmed_participants', sa.Integer(), nullable=True),
    sa.Column('confirmed_women', sa.Integer(), nullable=True),
    sa.Column('confirmed_participants_with_sex', sa.Integer(), nullable=True),
    sa.Column('confirmed_country_first', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('chamber_id', 'area_id', 'year', name=op.f('pk_coverage_facts'))
    )
    with op.batch_alter_table('coverage_facts', schema=None) as batch_op:
        batch_op.create_index('ix_coverage_facts_area_year', ['area_id', 'year'], unique=False)
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.create_index('ix_participations_role_activity', ['role', 'activity_id', 'chamber_id', 'status'],
                              unique=False)
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_live_start')
        batch_op.create_index('ix_activities_live_start', ['deleted_at', 'start_date', 'area_id', 'activity_type'],
                              unique=False)
    _fill()


def downgrade():
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_live_start')
        batch_op.create_index('ix_activities_live_start', ['deleted_at', 'start_date'], unique=False)
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.drop_index('ix_participations_role_activity')
    with op.batch_alter_table('coverage_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_coverage_facts_area_year')
    op.drop_table('coverage_facts')
