"""coverage facts and activity counts by activity type and donor (a cube with "any" rows)

Every filter set, an activity type or a donor included, reads one slice (activity_type, donor_id) of the stored
coverage aggregates; '' / 0 are the rows of any type / any donor. The facts gain `<group>_first` columns (the
activities in which the chamber was the first of its region, income group, both, or of all chambers) from which
the activities reaching a region, an income group or confirmed records are counted. Both tables are recreated and filled from the
data there (a frozen copy of dashboards/facts.py's queries); SQLite stores them clustered on their key.

Revision ID: 0010_coverage_cube
Revises: 0009_mail
Create Date: 2026-12-01 23:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_coverage_cube'
down_revision = '0009_mail'
branch_labels = None
depends_on = None

SUMS = ('activities', 'participants', 'women', 'participants_with_sex', 'country_first', 'expert_activities',
        'expert_first', 'expert_region_first', 'expert_income_first', 'expert_region_income_first', 'any_first',
        'region_first', 'income_first', 'region_income_first')
VALUES = tuple(f'{prefix}{c}' for c in SUMS for prefix in ('', 'confirmed_'))
OLD_VALUES = tuple(f'{prefix}{c}' for prefix in ('', 'confirmed_') for c in SUMS[:7])  # 0003's columns
NULLABLE = {'participants', 'women', 'participants_with_sex', 'confirmed_participants', 'confirmed_women',
            'confirmed_participants_with_sex'}
FACT_KEYS = ('activity_type', 'donor_id', 'area_id', 'year', 'chamber_id')
COUNT_KEYS = ('activity_type', 'donor_id', 'area_id', 'year')


def _keys(keys):
    return [sa.Column(k, sa.String(30) if k == 'activity_type' else sa.Integer(), autoincrement=False,
                      nullable=False) for k in keys]


def _create():
    op.create_table('coverage_facts', *_keys(FACT_KEYS),
                    *(sa.Column(v, sa.Integer(), nullable=v in NULLABLE) for v in VALUES),
                    sa.PrimaryKeyConstraint(*FACT_KEYS, name=op.f('pk_coverage_facts')), sqlite_with_rowid=False)
    op.create_table('coverage_activity_counts', *_keys(COUNT_KEYS), sa.Column('activities', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*COUNT_KEYS, name=op.f('pk_coverage_activity_counts')),
                    sqlite_with_rowid=False)


def _fill():
    """The rows of the data already there: a frozen copy of dashboards/facts.py's queries."""
    p = sa.table('participations', sa.column('chamber_id'), sa.column('activity_id'), sa.column('role'),
                 sa.column('participants'), sa.column('women'), sa.column('status'))
    a = sa.table('activities', sa.column('id'), sa.column('area_id'), sa.column('start_date'),
                 sa.column('activity_type'), sa.column('deleted_at'))
    c = sa.table('chambers', sa.column('id'), sa.column('country_id'))
    k = sa.table('countries', sa.column('id'), sa.column('m49_region'), sa.column('income_group'))
    d = sa.table('activity_donors', sa.column('activity_id'), sa.column('donor_id'))
    groups = {'any': (), 'region': (k.c.m49_region,), 'income': (k.c.income_group,),
              'region_income': (k.c.m49_region, k.c.income_group), 'country': (c.c.country_id,)}
    lowest = []
    for group, by in groups.items():
        partition = (p.c.activity_id, p.c.role, *by)
        lowest += [sa.func.min(p.c.chamber_id).over(partition_by=partition).label(f'{group}_min'),
                   sa.func.min(sa.case((p.c.status == 'confirmed', p.c.chamber_id))).over(partition_by=partition)
                   .label(f'{group}_confirmed_min')]
    f = (sa.select(p.c.chamber_id, p.c.activity_id, p.c.role, p.c.status, p.c.participants, p.c.women, a.c.area_id,
                   a.c.activity_type, sa.cast(sa.extract('year', a.c.start_date), sa.Integer).label('year'), *lowest)
         .select_from(p.join(a, a.c.id == p.c.activity_id).join(c, c.c.id == p.c.chamber_id).join(k, k.c.id == c.c.country_id))
         .where(a.c.deleted_at.is_(None)).subquery('flagged'))
    beneficiary, expert = f.c.role == 'beneficiary', f.c.role == 'expert'
    confirmed, with_sex = f.c.status == 'confirmed', f.c.women.is_not(None)

    def total(condition, value=None):
        return sa.func.sum(sa.case((condition, 1), else_=0) if value is None else sa.case((condition, value)))

    def both(role, group):
        return (total(sa.and_(role, f.c[f'{group}_min'] == f.c.chamber_id)),
                total(sa.and_(role, confirmed, f.c[f'{group}_confirmed_min'] == f.c.chamber_id)))

    sums = {'activities': (total(beneficiary), total(sa.and_(beneficiary, confirmed))),
            'participants': (total(beneficiary, f.c.participants), total(sa.and_(beneficiary, confirmed), f.c.participants)),
            'women': (total(beneficiary, f.c.women), total(sa.and_(beneficiary, confirmed), f.c.women)),
            'participants_with_sex': (total(sa.and_(beneficiary, with_sex), f.c.participants),
                                      total(sa.and_(beneficiary, confirmed, with_sex), f.c.participants)),
            'country_first': both(beneficiary, 'country'),
            'expert_activities': (total(expert), total(sa.and_(expert, confirmed))),
            'expert_first': both(expert, 'any'),
            **{f'expert_{g}_first': both(expert, g) for g in ('region', 'income', 'region_income')},
            **{f'{g}_first': both(beneficiary, g) for g in ('any', 'region', 'income', 'region_income')}}
    values = [sums[n.removeprefix('confirmed_')][n.startswith('confirmed_')] for n in VALUES]
    facts = sa.table('coverage_facts', *(sa.column(n) for n in (*FACT_KEYS, *VALUES)))
    counts = sa.table('coverage_activity_counts', *(sa.column(n) for n in (*COUNT_KEYS, 'activities')))
    year = sa.cast(sa.extract('year', a.c.start_date), sa.Integer)
    for by_donor in (False, True):
        donor = d.c.donor_id if by_donor else sa.literal(0, sa.Integer)
        source, activities = (f.join(d, d.c.activity_id == f.c.activity_id), a.join(d, d.c.activity_id == a.c.id)) \
            if by_donor else (f, a)
        rows = (sa.select(f.c.activity_type, donor, f.c.area_id, f.c.year, f.c.chamber_id, *values).select_from(source)
                .group_by(f.c.activity_type, donor, f.c.area_id, f.c.year, f.c.chamber_id))
        op.execute(facts.insert().from_select((*FACT_KEYS, *VALUES), rows))
        per_area = (sa.select(a.c.activity_type, donor, a.c.area_id, year, sa.func.count()).select_from(activities)
                    .where(a.c.deleted_at.is_(None)).group_by(a.c.activity_type, donor, a.c.area_id, year))
        op.execute(counts.insert().from_select((*COUNT_KEYS, 'activities'), per_area))
    for table, keys, sums_of in ((facts, FACT_KEYS, VALUES), (counts, COUNT_KEYS, ('activities',))):
        kept = [table.c[key] for key in keys[1:]]
        any_type = (sa.select(sa.literal('', sa.String), *kept, *(sa.func.sum(table.c[v]) for v in sums_of))
                    .where(table.c.activity_type != '').group_by(*kept))
        op.execute(table.insert().from_select((*keys, *sums_of), any_type))


def upgrade():
    op.drop_table('coverage_activity_counts')
    with op.batch_alter_table('coverage_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_coverage_facts_area_year')
    op.drop_table('coverage_facts')
    _create()
    _fill()


def downgrade():
    """Back to 0003's tables, which are this cube's ANY_DONOR slice (and, for the facts, its ANY_TYPE rows)."""
    op.rename_table('coverage_facts', 'coverage_facts_cube')
    op.rename_table('coverage_activity_counts', 'coverage_activity_counts_cube')
    old_keys = [sa.Column(k, sa.Integer(), autoincrement=False, nullable=False) for k in ('chamber_id', 'area_id', 'year')]
    op.create_table('coverage_facts', *old_keys,
                    *(sa.Column(v, sa.Integer(), nullable=v in NULLABLE) for v in OLD_VALUES),
                    sa.PrimaryKeyConstraint('chamber_id', 'area_id', 'year', name=op.f('pk_coverage_facts')))
    with op.batch_alter_table('coverage_facts', schema=None) as batch_op:
        batch_op.create_index('ix_coverage_facts_area_year', ['area_id', 'year'], unique=False)
    op.create_table('coverage_activity_counts',
                    sa.Column('area_id', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('activity_type', sa.String(length=30), nullable=False),
                    sa.Column('activities', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('area_id', 'year', 'activity_type', name=op.f('pk_coverage_activity_counts')))
    columns = ', '.join(('chamber_id', 'area_id', 'year', *OLD_VALUES))
    op.execute(f"INSERT INTO coverage_facts ({columns}) SELECT {columns} FROM coverage_facts_cube "
               "WHERE activity_type = '' AND donor_id = 0")
    op.execute("INSERT INTO coverage_activity_counts (area_id, year, activity_type, activities) "
               "SELECT area_id, year, activity_type, activities FROM coverage_activity_counts_cube "
               "WHERE activity_type != '' AND donor_id = 0")
    op.drop_table('coverage_facts_cube')
    op.drop_table('coverage_activity_counts_cube')
