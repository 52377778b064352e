"""challenge_versions: the document of every version of an assessment challenge

Revision ID: 20261204_30_challenges
Revises: 20261204_28_gdpr_employees
Create Date: 2026-12-04 09:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_30_challenges'
down_revision: str | None = '20261204_28_gdpr_employees'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'assessment_challenge_versions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('challenge_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('document', sa.JSON(), nullable=False),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['challenge_id'], ['assessment_challenges.id'],
            name=op.f('fk_assessment_challenge_versions_challenge_id_assessment_challenges'),
            ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_challenge_versions')),
        sa.UniqueConstraint('challenge_id', 'version',
                            name=op.f('uq_assessment_challenge_versions_challenge_id')),
    )
    with op.batch_alter_table('assessment_challenge_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_challenge_versions_challenge_id'),
                              ['challenge_id'], unique=False)
    # The current document of every existing challenge becomes its current version.
    op.execute(
        "INSERT INTO assessment_challenge_versions (challenge_id, version, document, created_at) "
        "SELECT id, version, document, updated_at FROM assessment_challenges")


def downgrade() -> None:
    with op.batch_alter_table('assessment_challenge_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_challenge_versions_challenge_id'))
    op.drop_table('assessment_challenge_versions')
