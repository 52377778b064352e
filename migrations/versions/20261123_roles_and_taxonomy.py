"""roles and taxonomy

Revision ID: 20261123_02_roles
Revises: 20261123_01_core
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261123_02_roles"
down_revision: str | None = "20261123_01_core"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("title_nl", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("hiring_manager_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["hiring_manager_id"], ["users.id"],
                                name=op.f("fk_roles_hiring_manager_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roles")),
        sa.UniqueConstraint("key", name=op.f("uq_roles_key")),
    )
    op.create_index(op.f("ix_roles_hiring_manager_id"), "roles", ["hiring_manager_id"])
    op.create_table(
        "role_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_role_versions_created_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"],
                                name=op.f("fk_role_versions_role_id_roles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_versions")),
        sa.UniqueConstraint("role_id", "number", name=op.f("uq_role_versions_role_id")),
    )
    op.create_index(op.f("ix_role_versions_role_id"), "role_versions", ["role_id"])
    _create_taxonomy_tables()


def _create_taxonomy_tables() -> None:
    op.create_table(
        "skill_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("esco_uri", sa.String(length=200), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_nl", sa.String(length=300), nullable=False),
        sa.Column("label_en", sa.String(length=300), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("description_nl", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["skill_groups.id"],
                                name=op.f("fk_skill_groups_parent_id_skill_groups"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_groups")),
        sa.UniqueConstraint("esco_uri", name=op.f("uq_skill_groups_esco_uri")),
        sa.UniqueConstraint("key", name=op.f("uq_skill_groups_key")),
    )
    op.create_index(op.f("ix_skill_groups_parent_id"), "skill_groups", ["parent_id"])
    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("label_nl", sa.String(length=300), nullable=False),
        sa.Column("label_en", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("esco_uri", sa.String(length=200), nullable=True),
        sa.Column("skill_type", sa.String(length=40), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("description_nl", sa.Text(), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("esco_uri", name=op.f("uq_skills_esco_uri")),
        sa.UniqueConstraint("key", name=op.f("uq_skills_key")),
    )
    op.create_index(op.f("ix_skills_kind"), "skills", ["kind"])
    op.create_index(op.f("ix_skills_source"), "skills", ["source"])
    op.create_table(
        "skill_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("normalized", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["skill_id"], ["skills.id"],
                                name=op.f("fk_skill_labels_skill_id_skills"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_labels")),
        sa.UniqueConstraint("skill_id", "language", "text", name=op.f("uq_skill_labels_skill_id")),
    )
    op.create_index(op.f("ix_skill_labels_skill_id"), "skill_labels", ["skill_id"])
    op.create_index(op.f("ix_skill_labels_normalized"), "skill_labels", ["normalized"])
    op.create_table(
        "skill_group_members",
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["skill_groups.id"],
                                name=op.f("fk_skill_group_members_group_id_skill_groups"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["skill_id"], ["skills.id"],
                                name=op.f("fk_skill_group_members_skill_id_skills"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("skill_id", "group_id", name=op.f("pk_skill_group_members")),
    )
    op.create_index(op.f("ix_skill_group_members_group_id"), "skill_group_members", ["group_id"])
    op.create_table(
        "occupations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("esco_uri", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("isco_group", sa.String(length=10), nullable=False),
        sa.Column("label_en", sa.String(length=300), nullable=False),
        sa.Column("label_nl", sa.String(length=300), nullable=False),
        sa.Column("alt_labels_en", sa.JSON(), nullable=False),
        sa.Column("alt_labels_nl", sa.JSON(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("description_nl", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupations")),
        sa.UniqueConstraint("esco_uri", name=op.f("uq_occupations_esco_uri")),
    )


def downgrade() -> None:
    for table in ("occupations", "skill_group_members", "skill_labels", "skills", "skill_groups"):
        op.drop_table(table)
    op.drop_table("role_versions")
    op.drop_table("roles")
