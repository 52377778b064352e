import pytest
from sqlalchemy.orm import Session

from searchlight.content import demo as content_demo
from searchlight.roles import demo
from searchlight.roles.models import Role
from searchlight.roles.service import get_by_key


@pytest.fixture
def seeded(db: Session) -> Session:
    """The six handbook roles and the demo organisation facts."""
    demo.load(db_session=db)
    content_demo.load(db_session=db)
    db.flush()
    return db


@pytest.fixture
def ml_engineer(seeded: Session) -> Role:
    return get_by_key(db_session=seeded, key="ml-engineer")
