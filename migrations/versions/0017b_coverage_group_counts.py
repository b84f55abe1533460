"""coverage: the activities that reached a past fiscal year's income group, stored (coverage_group_counts)

A filter set whose income group had other countries in the period's last fiscal year than today summed its
activity and expert-activity counts from the participations on every request (the facts' `income_first` columns
partition by today's groups): 1.3 s cold at ten times today's data. The new table holds, per slice (type,
organisation), fiscal year, income group, region (or '' for any), area and year up to the fiscal year, the live
activities in which a chamber of the group took part (beneficiary, confirmed beneficiary, expert, confirmed expert),
for the groups whose countries differ from today's only. Filled here from the data already there: a frozen copy of
dashboards/facts.py's query, in SQL.

Revision ID: 0017b_coverage_group_counts
Revises: 0016_coverage_pg
Create Date: 2026-12-02 17:40:00

"""
import sqlalchemy as sa
from alembic import op


revision = '0017b_coverage_group_counts'
down_revision = '0016_coverage_pg'
branch_labels = None
depends_on = None

KEYS = ('activity_type', 'donor_id', 'fiscal_year', 'income_group', 'region', 'area_id', 'year')
VALUES = ('activities', 'confirmed_activities', 'expert_activities', 'confirmed_expert_activities')

MEMBERS = """
WITH fiscal_years AS (SELECT DISTINCT fiscal_year FROM country_income_groups),
moved AS (
  SELECT y.fiscal_year, k.m49_region, coalesce(h.income_group, k.income_group) AS then_group,
         k.income_group AS now_group
  FROM fiscal_years y CROSS JOIN countries k
  LEFT JOIN country_income_groups h ON h.country_id = k.id AND h.fiscal_year = y.fiscal_year
  WHERE coalesce(h.income_group, k.income_group) IS NOT NULL
    AND (k.income_group IS NULL OR coalesce(h.income_group, k.income_group) <> k.income_group)),
moved_groups AS (
  SELECT fiscal_year, '' AS region, then_group AS income_group FROM moved
  UNION SELECT fiscal_year, '', now_group FROM moved WHERE now_group IS NOT NULL
  UNION SELECT fiscal_year, m49_region, then_group FROM moved
  UNION SELECT fiscal_year, m49_region, now_group FROM moved WHERE now_group IS NOT NULL),
members AS (
  SELECT c.id AS chamber_id, g.fiscal_year, g.region, g.income_group
  FROM chambers c JOIN countries k ON k.id = c.country_id
  JOIN moved_groups g ON g.region = '' OR g.region = k.m49_region
  LEFT JOIN country_income_groups h ON h.country_id = k.id AND h.fiscal_year = g.fiscal_year
  WHERE coalesce(h.income_group, k.income_group) = g.income_group),
grouped AS (
  SELECT p.activity_id, p.role, p.status, a.area_id, a.activity_type, {year} AS year,
         a.lead_organisation_id AS lead_id, m.fiscal_year, m.region, m.income_group,
         CASE WHEN a.lead_organisation_id IN (SELECT id FROM organisations WHERE activities_public) THEN 1
              ELSE 0 END AS public
  FROM participations p JOIN activities a ON a.id = p.activity_id
  JOIN members m ON m.chamber_id = p.chamber_id AND m.fiscal_year >= {year}
  WHERE a.deleted_at IS NULL),
linked AS (
  SELECT {organisation} AS donor_id, g.* FROM grouped g {partners})
SELECT activity_type, donor_id, fiscal_year, income_group, region, area_id, year,
  count(DISTINCT CASE WHEN role = 'beneficiary' THEN activity_id END),
  count(DISTINCT CASE WHEN role = 'beneficiary' AND status = 'confirmed' THEN activity_id END),
  count(DISTINCT CASE WHEN role = 'expert' THEN activity_id END),
  count(DISTINCT CASE WHEN role = 'expert' AND status = 'confirmed' THEN activity_id END)
FROM linked GROUP BY activity_type, donor_id, fiscal_year, income_group, region, area_id, year
"""
# the rows once with donor 0 (the public activities), once per lead, once per partner of a public activity
SLICES = (("0", "WHERE g.public = 1"), ("g.lead_id", ""),
          ("ap.organisation_id", "JOIN activity_partners ap ON ap.activity_id = g.activity_id WHERE g.public = 1"))


def upgrade():
    op.create_table('coverage_group_counts',
                    sa.Column('activity_type', sa.String(length=30), nullable=False),
                    sa.Column('donor_id', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('fiscal_year', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('income_group', sa.String(length=20), nullable=False),
                    sa.Column('region', sa.String(length=40), nullable=False),
                    sa.Column('area_id', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
                    *(sa.Column(v, sa.Integer(), nullable=False) for v in VALUES),
                    sa.PrimaryKeyConstraint(*KEYS, name=op.f('pk_coverage_group_counts')), sqlite_with_rowid=False)
    bind = op.get_bind()
    year = ("CAST(EXTRACT(year FROM a.start_date) AS INTEGER)" if bind.dialect.name == "postgresql"
            else "CAST(strftime('%Y', a.start_date) AS INTEGER)")
    columns = ", ".join((*KEYS, *VALUES))
    for organisation, partners in SLICES:
        select = MEMBERS.format(year=year, organisation=organisation, partners=partners)
        bind.execute(sa.text(f"INSERT INTO coverage_group_counts ({columns}) {select}"))
    # the rows of any type: the sums of the typed rows (each activity has one type)
    kept = ", ".join(KEYS[1:])
    bind.execute(sa.text(f"INSERT INTO coverage_group_counts ({columns}) SELECT '', {kept}, "
                         + ", ".join(f"sum({v})" for v in VALUES)
                         + f" FROM coverage_group_counts WHERE activity_type <> '' GROUP BY {kept}"))


def downgrade():
    op.drop_table('coverage_group_counts')
