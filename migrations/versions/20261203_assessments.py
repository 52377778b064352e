"""assessments: the challenge library

Revision ID: 20261203_11_assessments
Revises: 20261203_09_reskilling
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261203_11_assessments"
down_revision: str | None = "20261203_09_reskilling"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assessment_challenges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("role_keys", sa.JSON(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", searchlight.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name="fk_assessment_challenges_created_by_id_users",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_challenges")),
        sa.UniqueConstraint("key", name=op.f("uq_assessment_challenges_key")),
    )


def downgrade() -> None:
    op.drop_table("assessment_challenges")
