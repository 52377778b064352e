"""gdpr: erasure requests and the erasure ledger

Revision ID: 20261204_21_gdpr_erasures
Revises: 20261204_20_gdpr_consent
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261204_21_gdpr_erasures"
down_revision: str | None = "20261204_20_gdpr_consent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gdpr_erasures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("carried_out_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("record_digests", sa.JSON(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("compacted_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"],
                                name=op.f("fk_gdpr_erasures_candidate_id_candidates"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["requested_by_id"], ["users.id"],
                                name=op.f("fk_gdpr_erasures_requested_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["users.id"],
                                name=op.f("fk_gdpr_erasures_confirmed_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gdpr_erasures")),
    )
    op.create_index(op.f("ix_gdpr_erasures_candidate_id"), "gdpr_erasures", ["candidate_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_gdpr_erasures_candidate_id"), table_name="gdpr_erasures")
    op.drop_table("gdpr_erasures")
