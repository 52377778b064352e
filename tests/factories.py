"""Test data: named users (alice the recruiter, bob the hiring manager, charlie an employee who
should not see candidates, dora the admin, lena the L&D lead, eve a second employee) and a way
to log a client in as one of them."""

from dataclasses import dataclass
from functools import lru_cache

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from searchlight.auth import service as auth_service
from searchlight.auth.models import User
from searchlight.deps import SESSION_COOKIE

PASSWORD = "correct horse battery"


@lru_cache
def _password_hash() -> str:
    # Hashing with argon2 is deliberately slow; once per run is enough for test users.
    return auth_service.hash_password(PASSWORD)


def make_user(db: Session, name: str, role: str, *, locale: str = "en") -> User:
    user = User(email=f"{name.lower()}@example.org", full_name=name, role=role,
                password_hash=_password_hash(), locale=locale)
    db.add(user)
    db.flush()
    return user


@dataclass
class LoggedIn:
    client: TestClient
    user: User
    csrf_token: str

    def post(self, url: str, **kwargs):  # type: ignore[no-untyped-def]
        data = dict(kwargs.pop("data", None) or {})
        if "json" not in kwargs and "content" not in kwargs:
            data.setdefault("csrf_token", self.csrf_token)
        headers = {"X-CSRF-Token": self.csrf_token, **kwargs.pop("headers", {})}
        return self.client.post(url, data=data or None, headers=headers, **kwargs)

    def get(self, url: str, **kwargs):  # type: ignore[no-untyped-def]
        return self.client.get(url, **kwargs)


def log_in(client: TestClient, db: Session, user: User) -> LoggedIn:
    token, record = auth_service.start_session(db_session=db, user=user)
    db.commit()
    client.cookies.set(SESSION_COOKIE, token)
    return LoggedIn(client=client, user=user, csrf_token=record.csrf_token)


@pytest.fixture
def alice(db: Session) -> User:
    return make_user(db, "Alice", "recruiter")


@pytest.fixture
def bob(db: Session) -> User:
    return make_user(db, "Bob", "hiring_manager")


@pytest.fixture
def charlie(db: Session) -> User:
    return make_user(db, "Charlie", "employee")


@pytest.fixture
def dora(db: Session) -> User:
    return make_user(db, "Dora", "admin")


@pytest.fixture
def lena(db: Session) -> User:
    """The L&D lead (reskilling)."""
    return make_user(db, "Lena", "ld_lead")


@pytest.fixture
def eve(db: Session) -> User:
    """A second employee, who must not see charlie's development data."""
    return make_user(db, "Eve", "employee")


@pytest.fixture
def as_alice(client: TestClient, db: Session, alice: User) -> LoggedIn:
    return log_in(client, db, alice)


@pytest.fixture
def as_bob(client: TestClient, db: Session, bob: User) -> LoggedIn:
    return log_in(client, db, bob)


@pytest.fixture
def as_charlie(client: TestClient, db: Session, charlie: User) -> LoggedIn:
    return log_in(client, db, charlie)


@pytest.fixture
def as_dora(client: TestClient, db: Session, dora: User) -> LoggedIn:
    return log_in(client, db, dora)


@pytest.fixture
def as_lena(client: TestClient, db: Session, lena: User) -> LoggedIn:
    return log_in(client, db, lena)


@pytest.fixture
def as_eve(client: TestClient, db: Session, eve: User) -> LoggedIn:
    return log_in(client, db, eve)
