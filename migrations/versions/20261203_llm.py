"""llm: a record of every AI call, and the AI stop switch

Revision ID: 20261203_07_llm
Revises: 20261123_04_screening
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261203_07_llm"
down_revision: str | None = "20261203_06_pseudonyms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "llm_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("task", sa.String(length=100), nullable=False),
        sa.Column("engine", sa.String(length=40), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("prompt_template", sa.String(length=200), nullable=False),
        sa.Column("prompt_version", sa.String(length=40), nullable=False),
        sa.Column("template_hash", sa.String(length=64), nullable=False),
        sa.Column("prompt_hash", sa.String(length=64), nullable=False),
        sa.Column("input_hash", sa.String(length=64), nullable=False),
        sa.Column("output_hash", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("total_tokens", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_llm_calls")),
    )
    op.create_index(op.f("ix_llm_calls_created_at"), "llm_calls", ["created_at"])
    op.create_index(op.f("ix_llm_calls_task"), "llm_calls", ["task"])
    op.create_index(op.f("ix_llm_calls_outcome"), "llm_calls", ["outcome"])
    op.create_table(
        "ai_switch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stopped", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("changed_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("changed_by", sa.String(length=254), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_switch")),
    )


def downgrade() -> None:
    op.drop_table("ai_switch")
    op.drop_index(op.f("ix_llm_calls_outcome"), table_name="llm_calls")
    op.drop_index(op.f("ix_llm_calls_task"), table_name="llm_calls")
    op.drop_index(op.f("ix_llm_calls_created_at"), table_name="llm_calls")
    op.drop_table("llm_calls")
