"""survey: single-use invitations and anonymous responses after a procedure ends

Revision ID: 20261204_26_survey
Revises: 20261204_18_assessment_flow
Create Date: 2026-12-04 07:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_26_survey'
down_revision: str | None = '20261204_18_assessment_flow'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'survey_invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('audience', sa.String(length=20), nullable=False),
        sa.Column('language', sa.String(length=2), nullable=False),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_survey_invitations_application_id_applications'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_survey_invitations_role_id_roles'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_invitations')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_survey_invitations_token_hash')),
    )
    op.create_index(op.f('ix_survey_invitations_application_id'), 'survey_invitations',
                    ['application_id'], unique=False)
    op.create_table(
        'survey_responses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('audience', sa.String(length=20), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('clarity', sa.Integer(), nullable=True),
        sa.Column('fairness', sa.Integer(), nullable=True),
        sa.Column('speed', sa.Integer(), nullable=True),
        sa.Column('ai_use', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_survey_responses_role_id_roles'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    )
    op.create_index(op.f('ix_survey_responses_role_id'), 'survey_responses', ['role_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_survey_responses_role_id'), table_name='survey_responses')
    op.drop_table('survey_responses')
    op.drop_index(op.f('ix_survey_invitations_application_id'), table_name='survey_invitations')
    op.drop_table('survey_invitations')
