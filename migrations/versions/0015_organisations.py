"""organisations: donors become organisations (same ids), every activity gets a lead organisation (the centre for
every activity recorded so far) and partner organisations with a role (today's donor links: the funding role);
staff belong to an organisation (the centre's so far); organisation names are translatable

Revision ID: 0015_organisations
Revises: 0012_languages
Create Date: 2026-12-02 13:40:00

"""
import datetime

from alembic import op
import sqlalchemy as sa


revision = '0015_organisations'
down_revision = '0012_languages'
branch_labels = None
depends_on = None

TYPES = ("un_agency", "inter_parliamentary", "parliament", "ngo", "donor_agency", "private_sector", "academic")
ROLES = ("implementing", "co_organising", "funding")
OLD_SUBJECTS = ("activity_areas.label", "assessment_categories.label", "assessment_questions.text",
                "assessment_questions.scale")
SUBJECTS = (*OLD_SUBJECTS, "organisations.name", "organisations.short_name")
HOME = "Global Centre for ICT in Parliament"
HOME_NAMES = {"fr": "Centre mondial pour les TIC au Parlement", "es": "Centro Global para las TIC en el Parlamento",
              "ar": "المركز العالمي لتكنولوجيا المعلومات والاتصالات في البرلمان"}


def _in(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade():
    bind = op.get_bind()
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=40), nullable=False),
    sa.Column('org_type', sa.String(length=30), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('iati_id', sa.String(length=60), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('activities_public', sa.Boolean(), nullable=False),
    sa.Column('is_home', sa.Boolean(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(_in('org_type', TYPES), name=op.f('ck_organisations_org_type_known')),
    sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_organisations_country_id_countries'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('iati_id', name=op.f('uq_organisations_iati_id')),
    sa.UniqueConstraint('name', name=op.f('uq_organisations_name'))
    )
    op.create_index('uq_organisations_home', 'organisations', ['is_home'], unique=True,
                    sqlite_where=sa.text('is_home'), postgresql_where=sa.text('is_home'))
    now = datetime.datetime(2026, 12, 2)
    # the donors keep their ids, so that every link and stored figure keyed by a donor id stays true
    bind.execute(sa.text(
        "INSERT INTO organisations (id, name, short_name, org_type, website, activities_public, is_home, is_demo, "
        "created_at) SELECT id, name, '', 'donor_agency', '', :yes, :no, is_demo, :now FROM donors"),
        {"yes": True, "no": False, "now": now})
    home = bind.execute(sa.text("SELECT id FROM organisations WHERE name = :n"), {"n": HOME}).scalar()
    if home is None:
        home = bind.execute(sa.text("SELECT coalesce(max(id), 0) + 1 FROM organisations")).scalar()
        bind.execute(sa.text(
            "INSERT INTO organisations (id, name, short_name, org_type, iati_id, website, activities_public, "
            "is_home, is_demo, created_at) VALUES (:id, :name, 'GCICTP', 'un_agency', NULL, '', :yes, :yes, :no, "
            ":now)"), {"id": home, "name": HOME, "yes": True, "no": False, "now": now})
    else:
        bind.execute(sa.text("UPDATE organisations SET is_home = :yes, org_type = 'un_agency' WHERE id = :id"),
                     {"yes": True, "id": home})
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("SELECT setval(pg_get_serial_sequence('organisations', 'id'), "
                             "(SELECT max(id) FROM organisations))"))

    op.create_table('organisation_chambers',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('chamber_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chamber_id'], ['chambers.id'], name=op.f('fk_organisation_chambers_chamber_id_chambers'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_organisation_chambers_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organisation_id', 'chamber_id', name=op.f('pk_organisation_chambers'))
    )
    op.create_table('activity_partners',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint(_in('role', ROLES), name=op.f('ck_activity_partners_role_known')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_partners_activity_id_activities'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_activity_partners_organisation_id_organisations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('activity_id', 'organisation_id', name=op.f('pk_activity_partners'))
    )
    op.create_index('ix_activity_partners_organisation_role', 'activity_partners',
                    ['organisation_id', 'role', 'activity_id'])
    bind.execute(sa.text("INSERT INTO activity_partners (activity_id, organisation_id, role) "
                         "SELECT activity_id, donor_id, 'funding' FROM activity_donors"))
    op.drop_table('activity_donors')

    with op.batch_alter_table('activities') as batch:
        batch.add_column(sa.Column('lead_organisation_id', sa.Integer(), nullable=True))
    bind.execute(sa.text("UPDATE activities SET lead_organisation_id = :home"), {"home": home})
    with op.batch_alter_table('activities') as batch:
        batch.alter_column('lead_organisation_id', existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(op.f('fk_activities_lead_organisation_id_organisations'), 'organisations',
                                 ['lead_organisation_id'], ['id'], ondelete='RESTRICT')
        batch.create_index(op.f('ix_activities_lead_organisation_id'), ['lead_organisation_id'])

    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('is_org_admin', sa.Boolean(), nullable=False, server_default=sa.false()))
    bind.execute(sa.text("UPDATE users SET organisation_id = donor_id"))
    bind.execute(sa.text("UPDATE users SET organisation_id = :home WHERE role = 'staff'"), {"home": home})
    with op.batch_alter_table('users') as batch:
        batch.alter_column('is_org_admin', server_default=None)
        batch.drop_index('ix_users_donor_id')
        batch.drop_constraint('fk_users_donor_id_donors', type_='foreignkey')
        batch.drop_column('donor_id')
        batch.create_foreign_key(op.f('fk_users_organisation_id_organisations'), 'organisations',
                                 ['organisation_id'], ['id'], ondelete='SET NULL')
        batch.create_index(op.f('ix_users_organisation_id'), ['organisation_id'])
    op.drop_table('donors')

    with op.batch_alter_table('content_translations') as batch:
        batch.drop_constraint(op.f('ck_content_translations_subject_known'), type_='check')
        batch.create_check_constraint(op.f('ck_content_translations_subject_known'), _in('subject', SUBJECTS))
    _copy_any_slice_to(bind, home)
    bind.execute(sa.text("INSERT INTO content_translations (subject, row_id, locale, text, updated_at) "
                         "VALUES ('organisations.name', :id, :locale, :text, :now)"),
                 [{"id": home, "locale": locale, "text": text, "now": now} for locale, text in HOME_NAMES.items()])


def _copy_any_slice_to(bind, home):
    """The stored coverage aggregates gain the home organisation's own slice: it leads every activity so far and
    they are all public, so its rows are exactly the rows of every public activity (donor_id 0)."""
    for table in ("coverage_facts", "coverage_activity_counts"):
        columns = [c["name"] for c in sa.inspect(bind).get_columns(table)]
        chosen = ", ".join(":home" if c == "donor_id" else c for c in columns)
        bind.execute(sa.text(f"DELETE FROM {table} WHERE donor_id = :home"), {"home": home})
        bind.execute(sa.text(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {chosen} FROM {table} "
                             "WHERE donor_id = 0"), {"home": home})


def downgrade():
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM content_translations WHERE subject LIKE 'organisations.%'"))
    # the organisations' own slices go; the funding ones stay, keyed by the same ids as donors
    home = bind.execute(sa.text("SELECT id FROM organisations WHERE is_home")).scalar()
    for table in ("coverage_facts", "coverage_activity_counts"):
        bind.execute(sa.text(f"DELETE FROM {table} WHERE donor_id = :home OR donor_id IN (SELECT id FROM "
                             "organisations WHERE id NOT IN (SELECT organisation_id FROM activity_partners WHERE "
                             "role = 'funding'))"), {"home": home})
    with op.batch_alter_table('content_translations') as batch:
        batch.drop_constraint(op.f('ck_content_translations_subject_known'), type_='check')
        batch.create_check_constraint(op.f('ck_content_translations_subject_known'), _in('subject', OLD_SUBJECTS))
    op.create_table('donors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donors')),
    sa.UniqueConstraint('name', name=op.f('uq_donors_name'))
    )
    # every organisation that funded something or has a donor account becomes a donor again
    bind.execute(sa.text(
        "INSERT INTO donors (id, name, is_demo) SELECT id, name, is_demo FROM organisations WHERE id IN "
        "(SELECT organisation_id FROM activity_partners WHERE role = 'funding') OR id IN "
        "(SELECT organisation_id FROM users WHERE role = 'donor')"))
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('donor_id', sa.Integer(), nullable=True))
    bind.execute(sa.text("UPDATE users SET donor_id = organisation_id WHERE role = 'donor'"))
    with op.batch_alter_table('users') as batch:
        batch.drop_index('ix_users_organisation_id')
        batch.drop_constraint('fk_users_organisation_id_organisations', type_='foreignkey')
        batch.drop_column('organisation_id')
        batch.drop_column('is_org_admin')
        batch.create_foreign_key('fk_users_donor_id_donors', 'donors', ['donor_id'], ['id'], ondelete='SET NULL')
        batch.create_index('ix_users_donor_id', ['donor_id'])
    op.create_table('activity_donors',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('donor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_donors_activity_id_activities'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['donor_id'], ['donors.id'], name=op.f('fk_activity_donors_donor_id_donors'),
                            ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('activity_id', 'donor_id', name=op.f('pk_activity_donors'))
    )
    op.create_index('ix_activity_donors_donor_id', 'activity_donors', ['donor_id'])
    bind.execute(sa.text("INSERT INTO activity_donors (activity_id, donor_id) "
                         "SELECT activity_id, organisation_id FROM activity_partners WHERE role = 'funding'"))
    with op.batch_alter_table('activities') as batch:
        batch.drop_index('ix_activities_lead_organisation_id')
        batch.drop_constraint('fk_activities_lead_organisation_id_organisations', type_='foreignkey')
        batch.drop_column('lead_organisation_id')
    op.drop_table('activity_partners')
    op.drop_table('organisation_chambers')
    op.drop_index('uq_organisations_home', table_name='organisations')
    op.drop_table('organisations')
