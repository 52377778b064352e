"""scarcity: labour-market figures per occupation code and the occupation of a role

Revision ID: 20261204_24_scarcity
Revises: 20261204_22_decision_reviews
Create Date: 2026-12-04 06:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = '20261204_24_scarcity'
down_revision: str | None = '20261204_22_decision_reviews'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'analytics_labour_market',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=200), nullable=False),
        sa.Column('period', sa.String(length=20), nullable=False),
        sa.Column('label', sa.String(length=300), nullable=False),
        sa.Column('vacancies', sa.Integer(), nullable=False),
        sa.Column('job_seekers', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=200), nullable=False),
        sa.Column('imported_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_analytics_labour_market')),
        sa.UniqueConstraint('code', 'period', name=op.f('uq_analytics_labour_market_code')),
    )
    op.create_index(op.f('ix_analytics_labour_market_code'), 'analytics_labour_market', ['code'],
                    unique=False)
    op.create_table(
        'analytics_role_occupations',
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=200), nullable=False),
        sa.Column('set_by_id', sa.Integer(), nullable=True),
        sa.Column('set_at', searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['role_id'], ['roles.id'],
                                name=op.f('fk_analytics_role_occupations_role_id_roles'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['set_by_id'], ['users.id'],
                                name=op.f('fk_analytics_role_occupations_set_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('role_id', name=op.f('pk_analytics_role_occupations')),
    )


def downgrade() -> None:
    op.drop_table('analytics_role_occupations')
    op.drop_index(op.f('ix_analytics_labour_market_code'), table_name='analytics_labour_market')
    op.drop_table('analytics_labour_market')
