"""jobs: procrastinate's queue tables and functions on PostgreSQL (nothing on SQLite, where the
server runs the jobs itself)

Revision ID: 20261203_05_jobs
Revises: 20261123_04_screening
"""

import re
from collections.abc import Sequence

from alembic import op

revision: str = "20261203_05_jobs"
down_revision: str | None = "20261123_04_screening"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _schema() -> str:
    # The schema of the pinned procrastinate version (pyproject.toml); a later version's own
    # migrations go into a later revision.
    from procrastinate.schema import SchemaManager

    return SchemaManager.get_schema()


def _run(sql: str) -> None:
    # Straight to psycopg without parameters: the schema has $$-quoted functions and % signs.
    cursor = op.get_bind().connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    tables = re.findall(r"^CREATE TABLE (procrastinate_\w+)", schema, re.MULTILINE)
    functions = re.findall(r"^CREATE FUNCTION (procrastinate_\w+)", schema, re.MULTILINE)
    types = re.findall(r"^CREATE TYPE (procrastinate_\w+)", schema, re.MULTILINE)
    _run("".join([*(f"DROP TABLE IF EXISTS {t} CASCADE;" for t in tables),
                  *(f"DROP FUNCTION IF EXISTS {f} CASCADE;" for f in functions),
                  *(f"DROP TYPE IF EXISTS {t} CASCADE;" for t in types)]))
