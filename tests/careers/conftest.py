import pytest
from sqlalchemy.orm import Session

from searchlight.careers import demo as careers_demo
from searchlight.roles import demo as roles_demo
from searchlight.taxonomy import demo as taxonomy_demo


@pytest.fixture
def site(db: Session) -> Session:
    """The six seed roles published, with the demo FAQ."""
    taxonomy_demo.load(db_session=db)
    roles_demo.load(db_session=db)
    careers_demo.load(db_session=db)
    db.commit()
    return db
