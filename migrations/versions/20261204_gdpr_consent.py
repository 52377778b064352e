"""gdpr: purpose on candidates, consent records

Revision ID: 20261204_20_gdpr_consent
Revises: 20261204_26_survey
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261204_20_gdpr_consent"
down_revision: str | None = "20261204_26_survey"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("candidates", sa.Column("purpose", sa.String(length=32), nullable=False,
                                          server_default="recruitment"))
    op.create_table(
        "gdpr_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("notice_version", sa.Integer(), nullable=False),
        sa.Column("notice_language", sa.String(length=2), nullable=False),
        sa.Column("given_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"],
                                name=op.f("fk_gdpr_consents_candidate_id_candidates"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_gdpr_consents_recorded_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["withdrawn_by_id"], ["users.id"],
                                name=op.f("fk_gdpr_consents_withdrawn_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gdpr_consents")),
    )
    op.create_index(op.f("ix_gdpr_consents_candidate_id"), "gdpr_consents", ["candidate_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_gdpr_consents_candidate_id"), table_name="gdpr_consents")
    op.drop_table("gdpr_consents")
    op.drop_column("candidates", "purpose")  # SQLite 3.35+ drops a column in place
