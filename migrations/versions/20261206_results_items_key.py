"""screening: `items_key` on results, so a weights-only re-rank compares one column

Results stored before it have none and are re-ranked the full way once, which writes it.

Revision ID: 20261206_33_items_key
Revises: 20261205_32_recheck
Create Date: 2026-12-06 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '20261206_33_items_key'
down_revision: str | None = '20261205_32_recheck'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('screening_results') as batch_op:
        batch_op.add_column(sa.Column('items_key', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('screening_results') as batch_op:
        batch_op.drop_column('items_key')
