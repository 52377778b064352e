"""fairness: voluntary self-identification for the bias audit (single-use invitations, answers)

Revision ID: 20261205_31_self_ids
Revises: 20261204_30_challenges
Create Date: 2026-12-05 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261205_31_self_ids'
down_revision: str | None = '20261204_30_challenges'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'fairness_self_id_invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=2), nullable=False),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['application_id'], ['applications.id'],
            name=op.f('fk_fairness_self_id_invitations_application_id_applications'),
            ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fairness_self_id_invitations')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_fairness_self_id_invitations_token_hash')),
    )
    op.create_index(op.f('ix_fairness_self_id_invitations_application_id'),
                    'fairness_self_id_invitations', ['application_id'], unique=False)
    op.create_table(
        'fairness_self_ids',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('answers', sa.JSON(), nullable=False),
        sa.Column('stages_reached', sa.JSON(), nullable=True),
        sa.Column('scores', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_fairness_self_ids_application_id_applications'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_fairness_self_ids_role_id_roles'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fairness_self_ids')),
        sa.UniqueConstraint('application_id', name=op.f('uq_fairness_self_ids_application_id')),
    )
    op.create_index(op.f('ix_fairness_self_ids_role_id'), 'fairness_self_ids', ['role_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_fairness_self_ids_role_id'), table_name='fairness_self_ids')
    op.drop_table('fairness_self_ids')
    op.drop_index(op.f('ix_fairness_self_id_invitations_application_id'),
                  table_name='fairness_self_id_invitations')
    op.drop_table('fairness_self_id_invitations')
