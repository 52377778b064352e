"""Fixtures for the bias audit: audrey the auditor, and the careers site's published roles."""

import pytest
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from tests.careers.conftest import site as careers_site
from tests.factories import LoggedIn, log_in, make_user

site = careers_site  # the six seed roles published, with the demo FAQ


@pytest.fixture
def audrey(db: Session) -> User:
    """The auditor: the only role that reads the bias audit."""
    return make_user(db, "Audrey", "auditor")


@pytest.fixture
def as_audrey(client, db: Session, audrey: User) -> LoggedIn:  # type: ignore[no-untyped-def]
    return log_in(client, db, audrey)
