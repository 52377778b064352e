"""audit entries are append-only in the database too: triggers refuse UPDATE and DELETE

Revision ID: 20261204_16_audit
Revises: 20261204_17_careers
"""
from collections.abc import Sequence

from alembic import op

revision: str = "20261204_16_audit"
down_revision: str | None = "20261204_17_careers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "audit entries are append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END;
            $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "
                   "audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()")
        op.execute("CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()")
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_entries_no_{event.lower()} BEFORE {event} ON "
                       f"audit_entries BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries")
        op.execute("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries")
        op.execute("DROP FUNCTION IF EXISTS audit_entries_append_only()")
    else:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_entries_no_{event}")
