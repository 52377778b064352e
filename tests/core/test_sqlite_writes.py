"""SQLite has one write lock and cannot turn a read into a write once another connection has
committed: such a write fails at once with "database is locked", whatever the busy timeout.
A transaction opened to write (a form post, a job's store step) therefore takes the lock when
it begins and waits its turn instead. These tests use a database file of their own, since the
suite's shared test connection cannot show two connections."""

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from searchlight.db import WRITES, make_engine
from tests.conftest import TEST_DATABASE_URL

on_sqlite = pytest.mark.skipif(not TEST_DATABASE_URL.startswith("sqlite"),
                               reason="SQLite's locking")


@pytest.fixture
def file_engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'locks.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE counts (n INTEGER)"))
        connection.execute(text("INSERT INTO counts VALUES (0)"))
    return engine


def _read_then_write(engine: Engine, *, writes: bool, meanwhile: threading.Event,
                     done: threading.Event) -> None:
    """Read, let another connection commit a write in between, then write."""
    with Session(engine) as session:
        if writes:
            session.execution_options = session.execution_options.union({WRITES: True})
        with session.begin():
            session.execute(text("SELECT n FROM counts")).scalar_one()
            meanwhile.set()
            done.wait(timeout=0.5)  # the other writer commits now, or waits for this one
            session.execute(text("UPDATE counts SET n = n + 1"))


def _other_writer(engine: Engine, meanwhile: threading.Event, done: threading.Event) -> None:
    meanwhile.wait(timeout=5)
    with engine.begin() as connection:
        connection.execute(text("UPDATE counts SET n = n + 10"))
    done.set()


def _race(engine: Engine, *, writes: bool) -> int:
    meanwhile, done = threading.Event(), threading.Event()
    other = threading.Thread(target=_other_writer, args=(engine, meanwhile, done))
    other.start()
    try:
        _read_then_write(engine, writes=writes, meanwhile=meanwhile, done=done)
    finally:
        other.join(timeout=15)
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT n FROM counts")).scalar_one())


@on_sqlite
def test_it_shows_why_a_read_that_then_writes_fails_without_the_write_lock(file_engine):
    with pytest.raises(OperationalError, match="database is locked"):
        _race(file_engine, writes=False)
    with file_engine.connect() as connection:  # only the other writer's change is there
        assert connection.execute(text("SELECT n FROM counts")).scalar_one() == 10


@on_sqlite
def test_it_lets_a_transaction_opened_to_write_wait_its_turn_and_both_writes_count(file_engine):
    assert _race(file_engine, writes=True) == 11


def test_it_opens_a_form_posts_session_to_write_and_a_pages_session_to_read(client, monkeypatch):
    from searchlight import deps

    opened: list[str] = []
    real = deps.open_session

    def recording(*, writes: bool = False) -> Session:
        opened.append("write" if writes else "read")
        return real(writes=writes)

    monkeypatch.setattr(deps, "open_session", recording)
    client.get("/login")
    client.post("/login", data={"email": "nobody@example.org", "password": "x"})
    assert opened == ["read", "write"]
