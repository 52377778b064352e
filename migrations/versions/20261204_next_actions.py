"""next actions: decisions on suggestions (done, snoozed, dismissed) and recruiters' limits

Revision ID: 20261204_25_next_actions
Revises: 20261204_24_scarcity
Create Date: 2026-12-04 06:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_25_next_actions'
down_revision: str | None = '20261204_24_scarcity'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'next_action_decisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('action_key', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('role_key', sa.String(length=80), nullable=False),
        sa.Column('decision', sa.String(length=10), nullable=False),
        sa.Column('snoozed_until', searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_next_action_decisions_user_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_next_action_decisions')),
    )
    op.create_index('ix_next_action_decisions_key', 'next_action_decisions',
                    ['action_key', 'decided_at'], unique=False)
    op.create_table(
        'next_action_limits',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('wait_days', sa.Integer(), nullable=False),
        sa.Column('message_days', sa.Integer(), nullable=False),
        sa.Column('updated_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_next_action_limits_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', name=op.f('pk_next_action_limits')),
    )


def downgrade() -> None:
    op.drop_table('next_action_limits')
    op.drop_index('ix_next_action_decisions_key', table_name='next_action_decisions')
    op.drop_table('next_action_decisions')
