"""country income groups by fiscal year (World Bank history)

Revision ID: 0007_income_history
Revises: 0006_edit_versions
Create Date: 2026-12-01 23:59:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0007_income_history'
down_revision = '0006_edit_versions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'country_income_groups',
        sa.Column('country_id', sa.Integer(), nullable=False),
        sa.Column('fiscal_year', sa.Integer(), nullable=False),
        sa.Column('income_group', sa.String(length=20), nullable=False),
        sa.CheckConstraint("income_group IN ('low', 'lower_middle', 'upper_middle', 'high')",
                           name=op.f('ck_country_income_groups_known_group')),
        sa.CheckConstraint('fiscal_year BETWEEN 1950 AND 2200', name=op.f('ck_country_income_groups_plausible_year')),
        sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_country_income_groups_country_id_countries'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('country_id', 'fiscal_year', name=op.f('pk_country_income_groups')),
    )


def downgrade():
    op.drop_table('country_income_groups')
