"""screening: CV analyses, results per role version, resumable batches

Revision ID: 20261123_04_screening
Revises: 20261123_03_candidates
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261123_04_screening"
down_revision: str | None = "20261123_03_candidates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cv_analyses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("redacted_text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("passages", sa.JSON(), nullable=False),
        sa.Column("passage_sections", sa.JSON(), nullable=False),
        sa.Column("squashed", sa.Text(), nullable=False),
        sa.Column("unit_owners", sa.JSON(), nullable=False),
        sa.Column("unit_vectors", sa.LargeBinary(), nullable=False),
        sa.Column("dated_passages", sa.JSON(), nullable=False),
        sa.Column("total_years", sa.Double(), nullable=True),
        sa.Column("years_by_sector", sa.JSON(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("embedder", sa.String(length=120), nullable=False),
        sa.Column("analysed_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_cv_analyses_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv_analyses")),
        sa.UniqueConstraint("document_id", name=op.f("uq_cv_analyses_document_id")),
    )
    op.create_table(
        "cv_terms",
        sa.Column("analysis_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("passages", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["cv_analyses.id"],
            name=op.f("fk_cv_terms_analysis_id_cv_analyses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("analysis_id", "term", name=op.f("pk_cv_terms")),
    )
    op.create_index("ix_cv_terms_term", "cv_terms", ["term"], unique=False)
    op.create_table(
        "screening_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("analysis_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("role_version_id", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Double(), nullable=True),
        sa.Column("coverage", sa.Double(), nullable=False),
        sa.Column("needs_human_check", sa.Boolean(), nullable=False),
        sa.Column("dimensions", sa.JSON(), nullable=False),
        sa.Column("item_strengths", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("engine_version", sa.String(length=60), nullable=False),
        sa.Column("input_hash", sa.String(length=64), nullable=False),
        sa.Column("scored_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revealed_by_id", sa.Integer(), nullable=True),
        sa.Column("revealed_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["cv_analyses.id"],
            name=op.f("fk_screening_results_analysis_id_cv_analyses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_screening_results_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revealed_by_id"],
            ["users.id"],
            name=op.f("fk_screening_results_revealed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["roles.id"],
            name=op.f("fk_screening_results_role_id_roles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_version_id"],
            ["role_versions.id"],
            name=op.f("fk_screening_results_role_version_id_role_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_results")),
        sa.UniqueConstraint(
            "analysis_id", "role_version_id", name=op.f("uq_screening_results_analysis_id")
        ),
    )
    op.create_index(
        op.f("ix_screening_results_candidate_id"),
        "screening_results",
        ["candidate_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_screening_results_role_id"), "screening_results", ["role_id"], unique=False
    )
    op.create_index(
        "ix_screening_results_role_rank",
        "screening_results",
        ["role_version_id", "overall"],
        unique=False,
    )
    op.create_table(
        "screening_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", searchlight.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_screening_batches_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["roles.id"],
            name=op.f("fk_screening_batches_role_id_roles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_batches")),
    )
    op.create_index(
        op.f("ix_screening_batches_role_id"), "screening_batches", ["role_id"], unique=False
    )
    op.create_table(
        "screening_batch_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("spool_path", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error_code", sa.String(length=40), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["screening_batches.id"],
            name=op.f("fk_screening_batch_files_batch_id_screening_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_screening_batch_files_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_batch_files")),
        sa.UniqueConstraint("batch_id", "position", name=op.f("uq_screening_batch_files_batch_id")),
    )
    op.create_index(
        op.f("ix_screening_batch_files_batch_id"),
        "screening_batch_files",
        ["batch_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("screening_batch_files")
    op.drop_table("screening_batches")
    op.drop_table("screening_results")
    op.drop_table("cv_terms")
    op.drop_table("cv_analyses")
