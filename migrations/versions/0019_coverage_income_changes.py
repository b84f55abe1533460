"""coverage income changes: the activities that reached each income group as it was in each fiscal year, stored as
their changes per fiscal year (coverage_income_changes), filled from the data there

A period whose last fiscal year's income groups are not today's counted its activities from the participations
on every request (766 ms at ten times today's data). dashboards/income_changes.py explains the table and keeps it
current from now on; this fills it once, with the same definitions written out here (a migration must not change
when the application's code does).

Revision ID: 0019_coverage_income_changes
Revises: 0018_coordination_store
Create Date: 2026-12-03 12:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0019_coverage_income_changes'
down_revision = '0018_coordination_store'
branch_labels = None
depends_on = None

KEYS = ('activity_type', 'donor_id', 'income_group', 'region', 'area_id', 'year', 'fiscal_year')
VALUES = ('activities', 'confirmed_activities', 'expert_activities', 'confirmed_expert_activities')
KINDS = {('beneficiary', 0): 'activities', ('beneficiary', 1): 'confirmed_activities',
         ('expert', 0): 'expert_activities', ('expert', 1): 'confirmed_expert_activities'}


def _create():
    strings = {'activity_type': 30, 'income_group': 20, 'region': 40}
    op.create_table(
        'coverage_income_changes',
        *(sa.Column(c, sa.String(strings[c]) if c in strings else sa.Integer(), primary_key=True,
                    autoincrement=False) for c in KEYS),
        *(sa.Column(c, sa.Integer(), nullable=False) for c in VALUES),
        sqlite_with_rowid=False)
    op.create_index('ix_coverage_income_changes_cell', 'coverage_income_changes', ['area_id', 'year', 'activity_type'])


def _changes():
    """Per live activity, income group, region ('' any) and fiscal year: +1 / -1 where it starts or stops reaching
    the group (each country's runs of one group, from the activity's year, merged into islands: one ends where the
    next run starts after every earlier one ended, and the next begins there)."""
    history = sa.table('country_income_groups', sa.column('country_id'), sa.column('fiscal_year'),
                       sa.column('income_group'))
    countries = sa.table('countries', sa.column('id'), sa.column('income_group'), sa.column('m49_region'))
    chambers = sa.table('chambers', sa.column('id'), sa.column('country_id'))
    activities = sa.table('activities', sa.column('id'), sa.column('start_date', sa.Date), sa.column('deleted_at'))
    parts = sa.table('participations', sa.column('activity_id'), sa.column('chamber_id'), sa.column('role'),
                     sa.column('status'))
    recorded = sa.select(history.c.fiscal_year).distinct().subquery('recorded')
    then = history.alias('then')
    group = sa.func.coalesce(then.c.income_group, countries.c.income_group)
    yearly = (sa.select(countries.c.id.label('country_id'), recorded.c.fiscal_year, group.label('income_group'),
                        countries.c.m49_region.label('region'))
              .select_from(countries.join(recorded, sa.true()))
              .outerjoin(then, sa.and_(then.c.country_id == countries.c.id,
                                       then.c.fiscal_year == recorded.c.fiscal_year))
              .where(group.is_not(None)).subquery('yearly'))
    run = yearly.c.fiscal_year - sa.func.row_number().over(
        partition_by=(yearly.c.country_id, yearly.c.income_group), order_by=yearly.c.fiscal_year)
    ranked = sa.select(yearly, run.label('run')).subquery('ranked')
    runs = (sa.select(ranked.c.country_id, ranked.c.income_group, ranked.c.region,
                      sa.func.min(ranked.c.fiscal_year).label('first_year'),
                      sa.func.max(ranked.c.fiscal_year).label('last_year'))
            .group_by(ranked.c.country_id, ranked.c.income_group, ranked.c.region, ranked.c.run).subquery('runs'))
    year = sa.cast(sa.extract('year', activities.c.start_date), sa.Integer)
    reached = (sa.select(parts.c.activity_id, parts.c.role, chambers.c.country_id,
                         sa.func.max(sa.case((parts.c.status == 'confirmed', 1), else_=0)).label('confirmed'),
                         sa.func.min(year).label('year'))
               .select_from(parts.join(activities, activities.c.id == parts.c.activity_id)
                            .join(chambers, chambers.c.id == parts.c.chamber_id))
               .where(activities.c.deleted_at.is_(None))
               .group_by(parts.c.activity_id, parts.c.role, chambers.c.country_id).subquery('reached'))
    start = sa.case((runs.c.first_year > reached.c.year, runs.c.first_year), else_=reached.c.year)
    spans = (sa.select(reached.c.activity_id, reached.c.role, reached.c.confirmed, runs.c.income_group,
                       runs.c.region, start.label('first_year'), runs.c.last_year)
             .join(runs, runs.c.country_id == reached.c.country_id)
             .where(runs.c.last_year >= reached.c.year).cte('spans'))
    s = spans.c
    ways = sa.union_all(*(sa.select(s.activity_id, s.role, sa.literal(confirmed, sa.Integer).label('confirmed_only'),
                                    s.income_group,
                                    (s.region if in_region else sa.literal('', sa.String)).label('region'),
                                    s.first_year, s.last_year).where(*([s.confirmed == 1] if confirmed else []))
                          for in_region in (False, True) for confirmed in (0, 1))).subquery('ways')
    w = ways.c
    key, order = (w.activity_id, w.role, w.confirmed_only, w.income_group, w.region), (w.first_year, w.last_year)

    def over(function):
        return function.over(partition_by=key, order_by=order, rows=(None, 0))

    edges = sa.select(ways, over(sa.func.row_number()).label('position'), over(sa.func.max(w.last_year)).label('ended'),
                      over(sa.func.lead(w.first_year)).label('following')).cte('edges')
    e = edges.c
    head = (e.activity_id, e.role, e.confirmed_only, e.income_group, e.region)
    last_recorded = sa.select(sa.func.max(history.c.fiscal_year)).scalar_subquery()
    apart = e.following > e.ended + 1
    steps = sa.union_all(
        sa.select(*head, e.first_year.label('fiscal_year'), sa.literal(1, sa.Integer).label('step')).where(e.position == 1),
        sa.select(*head, e.following, sa.literal(1, sa.Integer)).where(apart),
        sa.select(*head, e.ended + 1, sa.literal(-1, sa.Integer))
        .where(sa.or_(e.following.is_(None), apart), e.ended < last_recorded)).subquery('steps')
    t = steps.c
    sums = [sa.func.sum(sa.case((sa.and_(t.role == role, t.confirmed_only == confirmed), t.step), else_=0)).label(name)
            for (role, confirmed), name in KINDS.items()]
    return (sa.select(t.activity_id, t.income_group, t.region, t.fiscal_year, *sums)
            .group_by(t.activity_id, t.income_group, t.region, t.fiscal_year).subquery('changes'))


def _fill():
    activities = sa.table('activities', sa.column('id'), sa.column('area_id'), sa.column('activity_type'),
                          sa.column('start_date', sa.Date), sa.column('lead_organisation_id'))
    organisations = sa.table('organisations', sa.column('id'), sa.column('activities_public', sa.Boolean))
    partners = sa.table('activity_partners', sa.column('activity_id'), sa.column('organisation_id'))
    table = sa.table('coverage_income_changes', *(sa.column(c) for c in (*KEYS, *VALUES)))
    changes = _changes()
    public = sa.case((activities.c.lead_organisation_id.in_(
        sa.select(organisations.c.id).where(organisations.c.activities_public.is_(True))), 1), else_=0)
    a = (sa.select(changes, activities.c.activity_type, activities.c.area_id,
                   sa.cast(sa.extract('year', activities.c.start_date), sa.Integer).label('year'),
                   activities.c.lead_organisation_id.label('lead_id'), public.label('public'))
         .join(activities, activities.c.id == changes.c.activity_id).subquery('changed'))
    # an organisation's slice: the activities it leads, and the public ones it partners in; the public ones in 0
    linked = sa.union_all(
        sa.select(a, sa.literal(0, sa.Integer).label('donor_id')).where(a.c.public == 1),
        sa.select(a, a.c.lead_id.label('donor_id')),
        sa.select(a, partners.c.organisation_id.label('donor_id'))
        .join(partners, partners.c.activity_id == a.c.activity_id).where(a.c.public == 1)).subquery('linked')
    x = linked.c
    keys = [x[k] for k in KEYS]
    op.execute(table.insert().from_select([*KEYS, *VALUES], sa.select(*keys, *(sa.func.sum(x[v]) for v in VALUES))
                                          .group_by(*keys)
                                          .having(sa.or_(*(sa.func.sum(x[v]) != 0 for v in VALUES)))))
    typed = table.alias('typed')
    kept = [typed.c[k] for k in KEYS[1:]]
    op.execute(table.insert().from_select([*KEYS, *VALUES], sa.select(sa.literal('', sa.String), *kept,
                                                                *(sa.func.sum(typed.c[v]) for v in VALUES))
                                          .where(typed.c.activity_type != '').group_by(*kept)
                                          .having(sa.or_(*(sa.func.sum(typed.c[v]) != 0 for v in VALUES)))))


def upgrade():
    _create()
    _fill()


def downgrade():
    op.drop_index('ix_coverage_income_changes_cell', table_name='coverage_income_changes')
    op.drop_table('coverage_income_changes')
