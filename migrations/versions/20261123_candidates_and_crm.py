"""candidates and crm: candidates, documents, pipelines, applications, sources, tags, pools,
activities

Revision ID: 20261123_03_candidates
Revises: 20261123_02_roles
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261123_03_candidates"
down_revision: str | None = "20261123_02_roles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("crm_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("specialisation_nl", sa.String(length=300), nullable=False),
        sa.Column("specialisation_en", sa.String(length=300), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_crm_sources_key"))
    )
    op.create_table("crm_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_crm_tags_name"))
    )
    op.create_table("candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("email_key", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("legal_basis", sa.String(length=32), nullable=True),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_expires_on", sa.Date(), nullable=True),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_candidates_owner_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["source_id"], ["crm_sources.id"], name=op.f("fk_candidates_source_id_crm_sources"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates"))
    )
    op.create_index("ix_candidates_created_at_id", "candidates", ["created_at", "id"], unique=False)
    op.create_index(op.f("ix_candidates_email_key"), "candidates", ["email_key"], unique=False)
    op.create_index("ix_candidates_name_key_id", "candidates", ["name_key", "id"], unique=False)
    op.create_index(op.f("ix_candidates_owner_id"), "candidates", ["owner_id"], unique=False)
    op.create_index(op.f("ix_candidates_source_id"), "candidates", ["source_id"], unique=False)
    op.create_index("ix_candidates_updated_at_id", "candidates", ["updated_at", "id"], unique=False)
    op.create_table("crm_talent_pools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_crm_talent_pools_owner_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_talent_pools")),
        sa.UniqueConstraint("name", name=op.f("uq_crm_talent_pools_name"))
    )
    op.create_table("applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("role_version", sa.Integer(), nullable=False),
        sa.Column("stage_key", sa.String(length=40), nullable=False),
        sa.Column("stage_entered_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_applications_candidate_id_candidates"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_applications_created_by_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name=op.f("fk_applications_role_id_roles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("candidate_id", "role_id", name=op.f("uq_applications_candidate_id"))
    )
    op.create_index("ix_applications_role_id_stage_key", "applications", ["role_id", "stage_key", "candidate_id"], unique=False)
    op.create_index("ix_applications_stage_key_candidate_id", "applications", ["stage_key", "candidate_id"], unique=False)
    op.create_table("candidate_search_terms",
        sa.Column("term", sa.String(length=100).with_variant(sa.String(length=100, collation="C"), "postgresql"), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_candidate_search_terms_candidate_id_candidates"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("term", "candidate_id", name=op.f("pk_candidate_search_terms"))
    )
    op.create_index("ix_candidate_search_terms_candidate_id", "candidate_search_terms", ["candidate_id", "term"], unique=False)
    op.create_table("crm_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_crm_activities_author_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_crm_activities_candidate_id_candidates"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_activities"))
    )
    op.create_index("ix_crm_activities_candidate_id", "crm_activities", ["candidate_id", "occurred_at"], unique=False)
    op.create_table("crm_candidate_tags",
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_crm_candidate_tags_candidate_id_candidates"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["crm_tags.id"], name=op.f("fk_crm_candidate_tags_tag_id_crm_tags"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tag_id", "candidate_id", name=op.f("pk_crm_candidate_tags"))
    )
    op.create_index("ix_crm_candidate_tags_candidate_id", "crm_candidate_tags", ["candidate_id"], unique=False)
    op.create_table("crm_pool_members",
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["users.id"], name=op.f("fk_crm_pool_members_added_by_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_crm_pool_members_candidate_id_candidates"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pool_id"], ["crm_talent_pools.id"], name=op.f("fk_crm_pool_members_pool_id_crm_talent_pools"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pool_id", "candidate_id", name=op.f("pk_crm_pool_members"))
    )
    op.create_index("ix_crm_pool_members_candidate_id", "crm_pool_members", ["candidate_id"], unique=False)
    op.create_table("documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("storage_path", sa.String(length=300), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], name=op.f("fk_documents_candidate_id_candidates"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash"))
    )
    op.create_index(op.f("ix_documents_candidate_id"), "documents", ["candidate_id"], unique=False)
    op.create_table("pipeline_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("name_nl", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name=op.f("fk_pipeline_stages_role_id_roles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pipeline_stages")),
        sa.UniqueConstraint("role_id", "key", name=op.f("uq_pipeline_stages_role_id"))
    )
    op.create_table("application_stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(length=40), nullable=True),
        sa.Column("to_stage", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("moved_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_application_stage_changes_actor_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], name=op.f("fk_application_stage_changes_application_id_applications"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_stage_changes"))
    )
    op.create_index(op.f("ix_application_stage_changes_application_id"), "application_stage_changes", ["application_id"], unique=False)


def downgrade() -> None:
    op.drop_table("application_stage_changes")
    op.drop_table("pipeline_stages")
    op.drop_table("documents")
    op.drop_table("crm_pool_members")
    op.drop_table("crm_candidate_tags")
    op.drop_table("crm_activities")
    op.drop_table("candidate_search_terms")
    op.drop_table("applications")
    op.drop_table("crm_talent_pools")
    op.drop_table("candidates")
    op.drop_table("crm_tags")
    op.drop_table("crm_sources")
