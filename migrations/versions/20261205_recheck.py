"""screening: the AI re-check of a shortlist (runs, entries) and its verdict cache

Revision ID: 20261205_32_recheck
Revises: 20261205_31_self_ids
Create Date: 2026-12-05 12:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261205_32_recheck'
down_revision: str | None = '20261205_31_self_ids'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'screening_quote_checks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('model', sa.String(length=260), nullable=False),
        sa.Column('prompt_hash', sa.String(length=64), nullable=False),
        sa.Column('quote_hash', sa.String(length=64), nullable=False),
        sa.Column('verdict', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.String(length=300), nullable=False),
        sa.Column('call_id', sa.Integer(), nullable=True),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['call_id'], ['llm_calls.id'],
                                name=op.f('fk_screening_quote_checks_call_id_llm_calls'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_quote_checks')),
        sa.UniqueConstraint('model', 'prompt_hash', 'quote_hash',
                            name=op.f('uq_screening_quote_checks_model')),
    )
    op.create_table(
        'screening_rechecks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('finished_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'],
                                name=op.f('fk_screening_rechecks_requested_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_screening_rechecks_role_id_roles'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_rechecks')),
    )
    op.create_index(op.f('ix_screening_rechecks_role_id'), 'screening_rechecks', ['role_id'],
                    unique=False)
    op.create_table(
        'screening_recheck_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('result_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('engine', sa.String(length=260), nullable=False),
        sa.Column('score_before', sa.Float(), nullable=True),
        sa.Column('score_after', sa.Float(), nullable=True),
        sa.Column('confirmed', sa.Integer(), nullable=False),
        sa.Column('weakened', sa.Integer(), nullable=False),
        sa.Column('removed', sa.Integer(), nullable=False),
        sa.Column('verdicts', sa.JSON(), nullable=False),
        sa.Column('checked_at', searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['result_id'], ['screening_results.id'],
                                name=op.f('fk_screening_recheck_entries_result_id_screening_results'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['run_id'], ['screening_rechecks.id'],
                                name=op.f('fk_screening_recheck_entries_run_id_screening_rechecks'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_recheck_entries')),
        sa.UniqueConstraint('run_id', 'position',
                            name=op.f('uq_screening_recheck_entries_run_id')),
    )
    op.create_index(op.f('ix_screening_recheck_entries_run_id'), 'screening_recheck_entries',
                    ['run_id'], unique=False)
    op.create_index(op.f('ix_screening_recheck_entries_result_id'),
                    'screening_recheck_entries', ['result_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_screening_recheck_entries_result_id'),
                  table_name='screening_recheck_entries')
    op.drop_index(op.f('ix_screening_recheck_entries_run_id'),
                  table_name='screening_recheck_entries')
    op.drop_table('screening_recheck_entries')
    op.drop_index(op.f('ix_screening_rechecks_role_id'), table_name='screening_rechecks')
    op.drop_table('screening_rechecks')
    op.drop_table('screening_quote_checks')
