"""screening: passage stances and dated jobs with their passages

Revision ID: 20261204_21_screening_stance
Revises: 20261204_20_source_costs
Create Date: 2026-12-04 05:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '20261204_21_screening_stance'
down_revision: str | None = '20261204_20_source_costs'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: analyses stored before keep scoring as they did (no stances, all dated work).
    with op.batch_alter_table('cv_analyses') as batch_op:
        batch_op.add_column(sa.Column('passage_stances', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('jobs', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cv_analyses') as batch_op:
        batch_op.drop_column('jobs')
        batch_op.drop_column('passage_stances')
