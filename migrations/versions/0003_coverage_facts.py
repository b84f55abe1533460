"""coverage facts, filled from the data there; covering indexes for the dashboards

The facts are the participations summed per chamber, area and year, and the live activities counted per area,
year and type (dashboards/facts.py keeps them current). Participations get an index by role and activity (expert supply); the activities' live index now
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

SUMS = ('activities', 'participants', 'women', 'participants_with_sex', 'country_first')
EXPERTS = ('expert_activities', 'expert_first')
COLUMNS = ('chamber_id', 'area_id', 'year', *SUMS, *(f'confirmed_{c}' for c in SUMS), *EXPERTS,
           *(f'confirmed_{c}' for c in EXPERTS))
COUNT_COLUMNS = ('area_id', 'year', 'activity_type', 'activities')


def _fill():
    """The facts and counts of the data already there: a frozen copy of dashboards/facts.py's queries."""
    p = sa.table('participations', sa.column('chamber_id'), sa.column('activity_id'), sa.column('role'),
                 sa.column('participants'), sa.column('women'), sa.column('status'))
    a = sa.table('activities', sa.column('id'), sa.column('area_id'), sa.column('start_date'),
                 sa.column('activity_type'), sa.column('deleted_at'))
    c = sa.table('chambers', sa.column('id'), sa.column('country_id'))
    year = sa.cast(sa.extract('year', a.c.start_date), sa.Integer)
    beneficiary, expert = p.c.role == 'beneficiary', p.c.role == 'expert'
    confirmed, with_sex = p.c.status == 'confirmed', p.c.women.is_not(None)
    # the beneficiary part, in the same activity, of the other chamber of the country with a lower id
    other_chamber, sibling_chamber = c.alias('other_chamber'), c.alias('sibling_chamber')
    sibling, other_expert = p.alias('sibling'), p.alias('other_expert')
    nearest_lower = (sa.select(sa.func.max(other_chamber.c.id))
                     .where(other_chamber.c.country_id == c.c.country_id, other_chamber.c.id < c.c.id)
                     .correlate(c).scalar_subquery())
    on_sibling = sa.and_(sibling.c.role == 'beneficiary', sibling.c.activity_id == p.c.activity_id,
                         sibling.c.chamber_id == sibling_chamber.c.id)
    first = sibling.c.activity_id.is_(None)
    first_confirmed = sa.or_(sibling.c.activity_id.is_(None), sibling.c.status != 'confirmed')

    def earlier_expert(*extra):
        return sa.exists().where(other_expert.c.activity_id == p.c.activity_id, other_expert.c.role == 'expert',
                                 other_expert.c.chamber_id < p.c.chamber_id, *extra)

    def total(condition, value=None):
        return sa.func.sum(sa.case((condition, 1), else_=0) if value is None else sa.case((condition, value)))

    facts = (sa.select(p.c.chamber_id, a.c.area_id, year, total(beneficiary), total(beneficiary, p.c.participants),
                       total(beneficiary, p.c.women), total(sa.and_(beneficiary, with_sex), p.c.participants),
                       total(sa.and_(beneficiary, first)),
                       total(sa.and_(beneficiary, confirmed)), total(sa.and_(beneficiary, confirmed), p.c.participants),
                       total(sa.and_(beneficiary, confirmed), p.c.women),
                       total(sa.and_(beneficiary, confirmed, with_sex), p.c.participants),
                       total(sa.and_(beneficiary, confirmed, first_confirmed)),
                       total(expert), total(sa.and_(expert, ~earlier_expert())),
                       total(sa.and_(expert, confirmed)),
                       total(sa.and_(expert, confirmed, ~earlier_expert(other_expert.c.status == 'confirmed'))))
             .select_from(p.join(a, a.c.id == p.c.activity_id).join(c, c.c.id == p.c.chamber_id)
                          .outerjoin(sibling_chamber, sibling_chamber.c.id == nearest_lower)
                          .outerjoin(sibling, on_sibling))
             .where(a.c.deleted_at.is_(None))
             .group_by(p.c.chamber_id, a.c.area_id, year))
    op.execute(sa.table('coverage_facts', *(sa.column(n) for n in COLUMNS)).insert().from_select(COLUMNS, facts))
    counts = (sa.select(a.c.area_id, year, a.c.activity_type, sa.func.count()).where(a.c.deleted_at.is_(None))
              .group_by(a.c.area_id, year, a.c.activity_type))
    op.execute(sa.table('coverage_activity_counts', *(sa.column(n) for n in COUNT_COLUMNS)).insert()
               .from_select(COUNT_COLUMNS, counts))


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
    sa.Column('expert_activities', sa.Integer(), nullable=False),
    sa.Column('expert_first', sa.Integer(), nullable=False),
    sa.Column('confirmed_expert_activities', sa.Integer(), nullable=False),
    sa.Column('confirmed_expert_first', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('chamber_id', 'area_id', 'year', name=op.f('pk_coverage_facts'))
    )
    op.create_table('coverage_activity_counts',
    sa.Column('area_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('activity_type', sa.String(length=30), nullable=False),
    sa.Column('activities', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('area_id', 'year', 'activity_type', name=op.f('pk_coverage_activity_counts'))
    )
    with op.batch_alter_table('coverage_facts', schema=None) as batch_op:
        batch_op.create_index('ix_coverage_facts_area_year', ['area_id', 'year'], unique=False)
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.create_index('ix_participations_role_activity', ['role', 'activity_id', 'status', 'chamber_id'],
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
    op.drop_table('coverage_activity_counts')
    op.drop_table('coverage_facts')
