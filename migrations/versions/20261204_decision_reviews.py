"""decision reviews: a contested decision on a candidate and its human re-review

Revision ID: 20261204_22_decision_reviews
Revises: 20261204_21_screening_stance
Create Date: 2026-12-04 06:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_22_decision_reviews'
down_revision: str | None = '20261204_21_screening_stance'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('decision_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('decision_kind', sa.String(length=16), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('assigned_to_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('changed', sa.Boolean(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_decision_reviews_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_decision_reviews_requested_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assigned_to_id'], ['users.id'], name=op.f('fk_decision_reviews_assigned_to_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_decision_reviews_reviewed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_reviews'))
    )
    with op.batch_alter_table('decision_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_reviews_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_reviews_assigned_to_id'), ['assigned_to_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('decision_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_reviews_assigned_to_id'))
        batch_op.drop_index(batch_op.f('ix_decision_reviews_candidate_id'))
    op.drop_table('decision_reviews')
