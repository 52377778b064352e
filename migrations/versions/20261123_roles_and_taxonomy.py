"""roles and taxonomy

Revision ID: 20261123_02_roles
Revises: 20261123_01_core
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import searchlight.db  # noqa: F401

revision: str = "20261123_02_roles"
down_revision: str | None = "20261123_01_core"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
