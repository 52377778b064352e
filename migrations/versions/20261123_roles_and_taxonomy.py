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


def downgrade() -> None:
    op.drop_table("role_versions")
    op.drop_table("roles")
