"""Demo sources: the channels and agencies of the recruitment handbook (the same list a real
installation loads with `searchlight candidates load-sources`)."""

from sqlalchemy.orm import Session

from searchlight.crm.sources import ensure_default_sources


def load(*, db_session: Session) -> None:
    ensure_default_sources(db_session=db_session)
