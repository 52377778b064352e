"""pseudonyms: a candidate who entered through screening stays pseudonymous until revealed

Revision ID: 20261203_06_pseudonyms
Revises: 20261123_04_screening
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import searchlight.db

revision: str = "20261203_06_pseudonyms"
down_revision: str | None = "20261203_05_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Candidates that screening created: a CV analysis, legitimate interest, and neither a source
# nor an owner (what screening's ingest writes; a recruiter's own record has an owner).
_SCREENED = """
    legal_basis = 'legitimate_interest' AND source_id IS NULL AND owner_id IS NULL
    AND EXISTS (SELECT 1 FROM documents d JOIN cv_analyses a ON a.document_id = d.id
                WHERE d.candidate_id = candidates.id)
"""


def upgrade() -> None:
    with op.batch_alter_table("candidates") as batch:
        batch.add_column(sa.Column("pseudonym", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("identity_revealed_at", searchlight.db.UTCDateTime(timezone=True),
                                     nullable=True))
        batch.add_column(sa.Column("identity_revealed_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_candidates_identity_revealed_by_id_users", "users",
                                 ["identity_revealed_by_id"], ["id"], ondelete="SET NULL")
    op.execute(f"""
        UPDATE candidates SET pseudonym = (
            SELECT MIN(a.id) FROM documents d JOIN cv_analyses a ON a.document_id = d.id
            WHERE d.candidate_id = candidates.id)
        WHERE {_SCREENED}
    """)
    # Those already revealed on a screening result stay revealed, by the same person.
    op.execute("""
        UPDATE candidates SET
            identity_revealed_at = (SELECT MIN(r.revealed_at) FROM screening_results r
                                    WHERE r.candidate_id = candidates.id),
            identity_revealed_by_id = (SELECT MIN(r.revealed_by_id) FROM screening_results r
                                       WHERE r.candidate_id = candidates.id
                                       AND r.revealed_at IS NOT NULL)
        WHERE pseudonym IS NOT NULL AND EXISTS (
            SELECT 1 FROM screening_results r
            WHERE r.candidate_id = candidates.id AND r.revealed_at IS NOT NULL)
    """)


def downgrade() -> None:
    with op.batch_alter_table("candidates") as batch:
        batch.drop_constraint("fk_candidates_identity_revealed_by_id_users", type_="foreignkey")
        batch.drop_column("identity_revealed_by_id")
        batch.drop_column("identity_revealed_at")
        batch.drop_column("pseudonym")
