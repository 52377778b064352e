"""source costs: money spent on a channel or agency, for cost per hire

Revision ID: 20261204_20_source_costs
Revises: 20261204_13_interviews
Create Date: 2026-12-04 05:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_20_source_costs'
down_revision: str | None = '20261204_13_interviews'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'crm_source_costs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('role_id', sa.Integer(), nullable=True),
        sa.Column('spent_on', sa.Date(), nullable=False),
        sa.Column('amount_cents', sa.Integer(), nullable=False),
        sa.Column('note', sa.String(length=300), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['source_id'], ['crm_sources.id'],
                                name=op.f('fk_crm_source_costs_source_id_crm_sources'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_crm_source_costs_role_id_roles'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_crm_source_costs_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_crm_source_costs')),
    )
    op.create_index('ix_crm_source_costs_source_id', 'crm_source_costs',
                    ['source_id', 'spent_on'], unique=False)
    op.create_index(op.f('ix_crm_source_costs_role_id'), 'crm_source_costs', ['role_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_crm_source_costs_role_id'), table_name='crm_source_costs')
    op.drop_index('ix_crm_source_costs_source_id', table_name='crm_source_costs')
    op.drop_table('crm_source_costs')
