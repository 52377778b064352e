"""A real database for every test: SQLite by default, PostgreSQL when TEST_DATABASE_URL says so.
The schema is built once by the real migrations; each test runs inside a transaction that is
rolled back, and every session the app opens joins it through a savepoint."""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

_TMP = Path(tempfile.mkdtemp(prefix="searchlight-tests-"))
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.sqlite3'}"
os.environ["DATABASE_URL"] = TEST_DATABASE_URL
os.environ["SEARCHLIGHT_ENV"] = "test"
os.environ["SEARCHLIGHT_DATA_DIR"] = str(_TMP / "data")
os.environ.setdefault("SEARCHLIGHT_CACHE_DIR", str(_TMP / "cache"))

from searchlight import db as database  # noqa: E402
from searchlight.config import get_settings  # noqa: E402
from searchlight.migrate import upgrade  # noqa: E402

pytest_plugins = ["tests.factories"]


def _fresh_postgres_database(url: str) -> None:
    """Each run (and each xdist worker) gets its own empty database."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def _worker_url(url: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or url.startswith("sqlite"):
        return url if not worker else url.replace("test.sqlite3", f"test-{worker}.sqlite3")
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    url = _worker_url(TEST_DATABASE_URL)
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    if url.startswith("postgresql"):
        _fresh_postgres_database(url)
    test_engine = database.engine_for(url)
    upgrade(test_engine)
    yield test_engine
    test_engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        outer = conn.begin()
        factory = lambda: Session(  # noqa: E731
            bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        with database.override_sessions(factory):
            yield conn
        outer.rollback()


@pytest.fixture
def db(connection: Connection) -> Iterator[Session]:
    session = database.open_session()
    yield session
    session.close()


@pytest.fixture
def app(connection: Connection):  # type: ignore[no-untyped-def]
    from searchlight.main import create_app

    return create_app()


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="http://testserver",
                    headers={"Accept-Language": "en"}) as test_client:
        yield test_client

# The fake OpenAI-compatible server and its `fake_llm` fixture, for every domain's AI tests.
pytest_plugins += ["tests.llm.fakeserver"]

# A local SMTP server (`smtp_server` fixture) for every domain that sends mail.
pytest_plugins += ["tests.mail.smtpserver"]
