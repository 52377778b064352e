"""Demo data for the taxonomy: the built-in bilingual skills (ESCO is imported separately)."""

from sqlalchemy.orm import Session

from searchlight.taxonomy.service import sync_builtin


def load(*, db_session: Session) -> None:
    sync_builtin(db_session=db_session)
