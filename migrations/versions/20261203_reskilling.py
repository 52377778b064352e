"""reskilling: programmes, variants, phases, milestones, criteria, tracks, teams, people,
cohorts, enrolments, evidence, assessments, SEARCH scores, courses, value measurements

Revision ID: 20261203_09_reskilling
Revises: 20261203_08_content
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261203_09_reskilling'
down_revision: str | None = '20261203_08_content'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('reskilling_courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('cost_eur', sa.Integer(), nullable=True),
    sa.Column('hours', sa.Integer(), nullable=True),
    sa.Column('audience', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_courses')),
    sa.UniqueConstraint('key', name=op.f('uq_reskilling_courses_key'))
    )
    op.create_table('reskilling_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_nl', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('evidence_nl', sa.Text(), nullable=False),
    sa.Column('evidence_en', sa.Text(), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_criteria')),
    sa.UniqueConstraint('key', name=op.f('uq_reskilling_criteria_key'))
    )
    op.create_table('reskilling_tracks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=1), nullable=False),
    sa.Column('name_nl', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('description_nl', sa.Text(), nullable=False),
    sa.Column('description_en', sa.Text(), nullable=False),
    sa.Column('comparison', sa.JSON(), nullable=False),
    sa.Column('role_keys', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_tracks')),
    sa.UniqueConstraint('key', name=op.f('uq_reskilling_tracks_key'))
    )
    op.create_table('reskilling_programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('track', sa.String(length=1), nullable=False),
    sa.Column('title_nl', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=False),
    sa.Column('summary_nl', sa.Text(), nullable=False),
    sa.Column('summary_en', sa.Text(), nullable=False),
    sa.Column('duration_months', sa.Integer(), nullable=False),
    sa.Column('inconsistency_nl', sa.Text(), nullable=False),
    sa.Column('inconsistency_en', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolved_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_reskilling_programmes_resolved_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_programmes')),
    sa.UniqueConstraint('key', name=op.f('uq_reskilling_programmes_key'))
    )
    op.create_table('reskilling_teams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('track_key', sa.String(length=1), nullable=False),
    sa.Column('stage', sa.String(length=30), nullable=False),
    sa.Column('stage_since', sa.Date(), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lead_id'], ['users.id'], name=op.f('fk_reskilling_teams_lead_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_teams')),
    sa.UniqueConstraint('name', name=op.f('uq_reskilling_teams_name'))
    )
    op.create_table('reskilling_measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('maintenance_hours', sa.Double(), nullable=False),
    sa.Column('incidents_total', sa.Integer(), nullable=False),
    sa.Column('incidents_by_ai', sa.Integer(), nullable=False),
    sa.Column('lead_time_days', sa.Double(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_reskilling_measurements_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['reskilling_teams.id'], name=op.f('fk_reskilling_measurements_team_id_reskilling_teams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_measurements'))
    )
    with op.batch_alter_table('reskilling_measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_measurements_team_id'), ['team_id'], unique=False)

    op.create_table('reskilling_milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('goal_nl', sa.Text(), nullable=False),
    sa.Column('goal_en', sa.Text(), nullable=False),
    sa.Column('form_nl', sa.Text(), nullable=False),
    sa.Column('form_en', sa.Text(), nullable=False),
    sa.Column('form_kind', sa.String(length=40), nullable=False),
    sa.Column('beyond_duration', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['reskilling_programmes.id'], name=op.f('fk_reskilling_milestones_programme_id_reskilling_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_milestones'))
    )
    with op.batch_alter_table('reskilling_milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_milestones_programme_id'), ['programme_id'], unique=False)

    op.create_table('reskilling_people',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('part_time_factor', sa.Double(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lead_id'], ['users.id'], name=op.f('fk_reskilling_people_lead_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['reskilling_teams.id'], name=op.f('fk_reskilling_people_team_id_reskilling_teams'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reskilling_people_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_reskilling_people'))
    )
    with op.batch_alter_table('reskilling_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_people_lead_id'), ['lead_id'], unique=False)

    op.create_table('reskilling_variants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label_nl', sa.String(length=200), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['reskilling_programmes.id'], name=op.f('fk_reskilling_variants_programme_id_reskilling_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_variants')),
    sa.UniqueConstraint('programme_id', 'key', name=op.f('uq_reskilling_variants_programme_id'))
    )
    with op.batch_alter_table('reskilling_variants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_variants_programme_id'), ['programme_id'], unique=False)

    op.create_table('reskilling_cohorts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('holidays', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_reskilling_cohorts_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['reskilling_programmes.id'], name=op.f('fk_reskilling_cohorts_programme_id_reskilling_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variant_id'], ['reskilling_variants.id'], name=op.f('fk_reskilling_cohorts_variant_id_reskilling_variants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_cohorts'))
    )
    with op.batch_alter_table('reskilling_cohorts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_cohorts_programme_id'), ['programme_id'], unique=False)

    op.create_table('reskilling_phases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('month_from', sa.Integer(), nullable=False),
    sa.Column('month_to', sa.Integer(), nullable=False),
    sa.Column('description_nl', sa.Text(), nullable=False),
    sa.Column('description_en', sa.Text(), nullable=False),
    sa.Column('weeks', sa.Integer(), nullable=False),
    sa.Column('output_nl', sa.Text(), nullable=False),
    sa.Column('output_en', sa.Text(), nullable=False),
    sa.Column('note_nl', sa.Text(), nullable=False),
    sa.Column('note_en', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['variant_id'], ['reskilling_variants.id'], name=op.f('fk_reskilling_phases_variant_id_reskilling_variants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_phases'))
    )
    with op.batch_alter_table('reskilling_phases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_phases_variant_id'), ['variant_id'], unique=False)

    op.create_table('reskilling_enrolments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('target_role_key', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('plan', sa.JSON(), nullable=False),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['reskilling_cohorts.id'], name=op.f('fk_reskilling_enrolments_cohort_id_reskilling_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reskilling_enrolments_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_enrolments')),
    sa.UniqueConstraint('cohort_id', 'user_id', name=op.f('uq_reskilling_enrolments_cohort_id'))
    )
    with op.batch_alter_table('reskilling_enrolments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_enrolments_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reskilling_enrolments_user_id'), ['user_id'], unique=False)

    op.create_table('reskilling_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('milestone_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('assessed_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['reskilling_enrolments.id'], name=op.f('fk_reskilling_assessments_enrolment_id_reskilling_enrolments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['milestone_id'], ['reskilling_milestones.id'], name=op.f('fk_reskilling_assessments_milestone_id_reskilling_milestones'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_reskilling_assessments_reviewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_assessments')),
    sa.UniqueConstraint('enrolment_id', 'milestone_id', name=op.f('uq_reskilling_assessments_enrolment_id'))
    )
    with op.batch_alter_table('reskilling_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_assessments_enrolment_id'), ['enrolment_id'], unique=False)

    op.create_table('reskilling_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=True),
    sa.Column('milestone_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('media_type', sa.String(length=200), nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('self_rating', sa.Integer(), nullable=True),
    sa.Column('self_assessment', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=False),
    sa.Column('reviewed_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['reskilling_criteria.id'], name=op.f('fk_reskilling_evidence_criterion_id_reskilling_criteria'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['enrolment_id'], ['reskilling_enrolments.id'], name=op.f('fk_reskilling_evidence_enrolment_id_reskilling_enrolments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['milestone_id'], ['reskilling_milestones.id'], name=op.f('fk_reskilling_evidence_milestone_id_reskilling_milestones'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_reskilling_evidence_reviewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_evidence'))
    )
    with op.batch_alter_table('reskilling_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_evidence_enrolment_id'), ['enrolment_id'], unique=False)

    op.create_table('reskilling_search_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('milestone_id', sa.Integer(), nullable=True),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['reskilling_assessments.id'], name=op.f('fk_reskilling_search_scores_assessment_id_reskilling_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['reskilling_evidence.id'], name=op.f('fk_reskilling_search_scores_evidence_id_reskilling_evidence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['milestone_id'], ['reskilling_milestones.id'], name=op.f('fk_reskilling_search_scores_milestone_id_reskilling_milestones'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_reskilling_search_scores_reviewer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reskilling_search_scores_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reskilling_search_scores'))
    )
    with op.batch_alter_table('reskilling_search_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reskilling_search_scores_user_id'), ['user_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('reskilling_search_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_search_scores_user_id'))

    op.drop_table('reskilling_search_scores')
    with op.batch_alter_table('reskilling_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_evidence_enrolment_id'))

    op.drop_table('reskilling_evidence')
    with op.batch_alter_table('reskilling_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_assessments_enrolment_id'))

    op.drop_table('reskilling_assessments')
    with op.batch_alter_table('reskilling_enrolments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_enrolments_user_id'))
        batch_op.drop_index(batch_op.f('ix_reskilling_enrolments_cohort_id'))

    op.drop_table('reskilling_enrolments')
    with op.batch_alter_table('reskilling_phases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_phases_variant_id'))

    op.drop_table('reskilling_phases')
    with op.batch_alter_table('reskilling_cohorts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_cohorts_programme_id'))

    op.drop_table('reskilling_cohorts')
    with op.batch_alter_table('reskilling_variants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_variants_programme_id'))

    op.drop_table('reskilling_variants')
    with op.batch_alter_table('reskilling_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_people_lead_id'))

    op.drop_table('reskilling_people')
    with op.batch_alter_table('reskilling_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_milestones_programme_id'))

    op.drop_table('reskilling_milestones')
    with op.batch_alter_table('reskilling_measurements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reskilling_measurements_team_id'))

    op.drop_table('reskilling_measurements')
    op.drop_table('reskilling_teams')
    op.drop_table('reskilling_programmes')
    op.drop_table('reskilling_tracks')
    op.drop_table('reskilling_criteria')
    op.drop_table('reskilling_courses')

