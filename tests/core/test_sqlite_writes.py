"""SQLite has one write lock and cannot turn a read into a write once another connection has
committed: such a write fails at once with "database is locked", whatever the busy timeout.
A transaction opened to write (a form post, a job's store step) therefore takes the lock when
it begins and waits its turn instead. These tests use a database file of their own, since the
suite's shared test connection cannot show two connections."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from searchlight.db import WRITES, end_unwritten_transaction, make_engine
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


def _writer_session(engine: Engine) -> Session:
    session = Session(engine)
    session.execution_options = session.execution_options.union({WRITES: True})
    return session


def _write_elsewhere(engine: Engine) -> float:
    """Seconds another connection waits to write (its busy timeout lowered to 0.2 s)."""
    started = time.monotonic()
    connection = sqlite3.connect(str(engine.url.database), timeout=0.2, isolation_level=None)
    try:
        connection.execute("UPDATE counts SET n = n + 10")
    except sqlite3.OperationalError as error:
        raise OperationalError("UPDATE counts", {}, error) from error
    finally:
        connection.close()
    return time.monotonic() - started


@on_sqlite
def test_it_lets_others_write_while_a_form_post_waits_for_a_model(file_engine):
    with _writer_session(file_engine) as session:
        session.execute(text("SELECT n FROM counts")).scalar_one()  # holds the write lock
        with pytest.raises(OperationalError, match="database is locked"):
            _write_elsewhere(file_engine)
        end_unwritten_transaction(session)  # nothing written yet: the lock goes
        assert _write_elsewhere(file_engine) < 0.2  # what happens while the model answers
        session.execute(text("UPDATE counts SET n = n + 1"))  # the answer is recorded
        session.commit()
    with file_engine.connect() as connection:
        assert connection.execute(text("SELECT n FROM counts")).scalar_one() == 11


@on_sqlite
def test_it_keeps_a_transaction_that_has_written_whole(file_engine):
    with _writer_session(file_engine) as session:
        session.execute(text("UPDATE counts SET n = n + 1"))
        end_unwritten_transaction(session)  # something written: the work stays one unit
        assert session.in_transaction()
        with pytest.raises(OperationalError, match="database is locked"):
            _write_elsewhere(file_engine)
        session.rollback()
    with file_engine.connect() as connection:
        assert connection.execute(text("SELECT n FROM counts")).scalar_one() == 0
