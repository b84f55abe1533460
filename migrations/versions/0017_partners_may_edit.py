"""partners may edit: the lead organisation of an activity may let the staff of its implementing and co-organising
partners edit it and its participations (activities.partners_may_edit, false for every activity so far)

Revision ID: 0017_partners_may_edit
Revises: 0016_coverage_pg
Create Date: 2026-12-02 17:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0017_partners_may_edit'
down_revision = '0016_coverage_pg'
branch_labels = None
depends_on = None


def upgrade():
    # ADD COLUMN with a constant default: no table rebuild on SQLite; the server default stays (the model declares
    # it too) so that bulk loaders naming the columns they know still insert rows
    op.add_column('activities', sa.Column('partners_may_edit', sa.Boolean(), nullable=False,
                                          server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('activities') as batch:
        batch.drop_column('partners_may_edit')
