import pytest
from sqlalchemy.orm import Session

from searchlight.reskilling import demo as reskilling_demo
from searchlight.roles import demo as roles_demo
from searchlight.taxonomy import demo as taxonomy_demo


@pytest.fixture
def plan(db: Session) -> Session:
    """Seed 001 loaded: programmes, criteria, tracks with their roles, teams and courses."""
    taxonomy_demo.load(db_session=db)
    roles_demo.load(db_session=db)
    reskilling_demo.load(db_session=db)
    db.flush()
    return db
