"""gdpr: erasure of employees (a waiting request names a user account) and the two-phase ledger
(each erasure's key, shared with its lines in the ledger file)

Revision ID: 20261204_28_gdpr_employees
Revises: 20261204_27_rate_counters
Create Date: 2026-12-04 10:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_28_gdpr_employees"
down_revision: str | None = "20261204_27_rate_counters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("gdpr_erasures") as batch:
        batch.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ledger_key", sa.String(length=32), nullable=True))
        batch.create_foreign_key("fk_gdpr_erasures_user_id_users", "users", ["user_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_gdpr_erasures_user_id", ["user_id"])
        batch.create_unique_constraint("uq_gdpr_erasures_ledger_key", ["ledger_key"])


def downgrade() -> None:
    with op.batch_alter_table("gdpr_erasures") as batch:
        batch.drop_constraint("uq_gdpr_erasures_ledger_key", type_="unique")
        batch.drop_index("ix_gdpr_erasures_user_id")
        batch.drop_constraint("fk_gdpr_erasures_user_id_users", type_="foreignkey")
        batch.drop_column("ledger_key")
        batch.drop_column("user_id")
