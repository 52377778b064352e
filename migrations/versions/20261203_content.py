"""content: organisation facts, texts and their versions

Revision ID: 20261203_08_content
Revises: 20261203_07_llm
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261203_08_content"
down_revision: str | None = "20261203_07_llm"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["users.id"], name=f"fk_{table}_{column}_users",
                                   ondelete="SET NULL")


def upgrade() -> None:
    text_columns = [sa.Column(f"{name}_{lang}", sa.Text(), nullable=False)
                    for name in ("about", "benefits", "tone", "apply") for lang in ("nl", "en")]
    op.create_table(
        "content_organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sector_nl", sa.String(length=200), nullable=False),
        sa.Column("sector_en", sa.String(length=200), nullable=False),
        *text_columns,
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        _user_fk("content_organisation", "updated_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_organisation")),
    )
    op.create_table(
        "content_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("approved_version", sa.Integer(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name=op.f("fk_content_texts_role_id_roles"),
                                ondelete="CASCADE"),
        _user_fk("content_texts", "approved_by_id"),
        _user_fk("content_texts", "created_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_texts")),
    )
    op.create_index("ix_content_texts_role_id", "content_texts", ["role_id"], unique=False)
    op.create_table(
        "content_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("role_version", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("engine_name", sa.String(length=80), nullable=False),
        sa.Column("engine_model", sa.String(length=200), nullable=False),
        sa.Column("llm_call_id", sa.Integer(), nullable=True),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["text_id"], ["content_texts.id"],
                                name=op.f("fk_content_versions_text_id_content_texts"),
                                ondelete="CASCADE"),
        _user_fk("content_versions", "created_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_versions")),
        sa.UniqueConstraint("text_id", "number", name=op.f("uq_content_versions_text_id")),
    )
    op.create_index("ix_content_versions_text_id", "content_versions", ["text_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_content_versions_text_id", table_name="content_versions")
    op.drop_table("content_versions")
    op.drop_index("ix_content_texts_role_id", table_name="content_texts")
    op.drop_table("content_texts")
    op.drop_table("content_organisation")
