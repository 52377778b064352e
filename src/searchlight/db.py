"""Engine, sessions and the declarative base. SQLite by default, PostgreSQL by DATABASE_URL."""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, DateTime, Engine, MetaData, Table, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from searchlight.config import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both SQLite (which drops tzinfo) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use searchlight.db.utcnow()")
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


def utcnow() -> datetime:
    return datetime.now(UTC)


WRITES = "searchlight_writes"  # execution option: this transaction is there to write
_CHANGES_AT_BEGIN = "searchlight_changes_at_begin"  # SQLite's change count when it began
# Session.info key, set by the session's owner: before a slow call, commit whatever was written
# (a job's step whose only writes are the AI layer's records of its earlier calls).
COMMITS_BEFORE_SLOW_CALLS = "searchlight_commits_before_slow_calls"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted content is overwritten with zeros, so an erasure leaves no trace in free pages.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()
        # pysqlite's own transaction handling breaks SAVEPOINTs; let SQLAlchemy emit BEGIN.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A transaction that will write takes the write lock when it begins (waiting up to the
        # busy timeout): SQLite cannot turn a read into a write once another connection has
        # committed, it fails at once with "database is locked".
        writes = connection.get_execution_options().get(WRITES, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
        connection.info[_CHANGES_AT_BEGIN] = connection.connection.dbapi_connection.total_changes


def end_unwritten_transaction(db_session: Session) -> None:
    """Before a slow call outside the database (a remote model): on SQLite, end the session's
    transaction when it has changed nothing yet, so the call holds neither the write lock (a
    form post takes it when it begins) nor a read that can no longer turn into a write. The
    next query begins a fresh transaction. On PostgreSQL, or once something was written, this
    does nothing: the request's work stays one transaction. A session marked
    `COMMITS_BEFORE_SLOW_CALLS` is committed on SQLite whatever it wrote."""
    if (db_session.get_bind().dialect.name != "sqlite" or not db_session.in_transaction()
            or db_session.in_nested_transaction()):
        return
    if db_session.info.get(COMMITS_BEFORE_SLOW_CALLS):
        db_session.commit()
        return
    if db_session.new or db_session.dirty or db_session.deleted:
        return
    connection = db_session.connection()
    begun_at = connection.info.get(_CHANGES_AT_BEGIN)
    raw: Any = connection.connection.dbapi_connection
    if begun_at is not None and raw is not None and raw.total_changes == begun_at:
        db_session.commit()


_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def json_dumps(value: Any) -> str:
    """How JSON columns are written: orjson (several times faster than the standard library on
    the large result columns a re-rank writes), and the standard library for anything orjson
    refuses, so what can be stored never depends on the speed-up."""
    try:
        return orjson.dumps(value, option=_ORJSON_OPTIONS).decode()
    except TypeError:
        return json.dumps(value)


def json_loads(text: str | bytes) -> Any:
    """How JSON columns are read; the standard library takes what orjson refuses (NaN)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def insert_rows(*, connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one shape in the connection's transaction, as fast as the database
    allows: COPY on PostgreSQL (a re-rank writes 10,000 rows; one INSERT per row spent most of
    its time waiting on the server), elsewhere one executemany of values that went through each
    column type's own bind processing once per value (SQLAlchemy's per-row parameter handling
    was a third of a re-rank on SQLite). Rows must give every column that has a Python-side
    default: neither path applies them."""
    if not rows:
        return
    columns = list(rows[0])
    missing = [c.name for c in table.columns if c.default is not None and c.name not in columns]
    if missing:
        raise ValueError(f"insert_rows into {table.name}: give {', '.join(missing)}")
    if connection.dialect.name != "postgresql":
        dialect = connection.dialect
        processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                      for name in columns]
        names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
        connection.exec_driver_sql(
            # table and column names come from the model, quoted; values are bound
            f"INSERT INTO {dialect.identifier_preparer.quote(table.name)} ({names}) "  # nosec B608
            f"VALUES ({', '.join('?' for _ in columns)})",
            [tuple(value if process is None else process(value) for process, value
                   in zip(processors, (row[name] for name in columns), strict=True))
             for row in rows])
        return
    as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([json_dumps(row[name]) if name in as_json and row[name] is not None
                                else row[name] for name in columns])
    finally:
        cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False},
                               json_serializer=json_dumps, json_deserializer=json_loads)
        _configure_sqlite(engine)
        return engine
    # No server-side prepared statements: psycopg would switch to a generic plan after five
    # runs, which ignores the selectivity of filter values (a list page went from 16 to 140 ms).
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10,
                         connect_args={"prepare_threshold": None},
                         json_serializer=json_dumps, json_deserializer=json_loads)


@lru_cache
def engine_for(url: str) -> Engine:
    return make_engine(url)


def get_engine() -> Engine:
    return engine_for(get_settings().database_url)


@lru_cache
def _session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=engine_for(url), expire_on_commit=False)


_factory_override: Callable[[], Session] | None = None


def open_session(*, writes: bool = False) -> Session:
    """Every request and command gets its session here; tests swap the factory once. `writes`:
    the session is there to write (a form post, a job's store step); on SQLite each of its
    transactions then starts with the write lock."""
    session = (_factory_override or _session_factory(get_settings().database_url))()
    if writes:
        session.execution_options = session.execution_options.union({WRITES: True})
    return session


@contextmanager
def override_sessions(factory: Callable[[], Session]) -> Iterator[None]:
    global _factory_override
    previous, _factory_override = _factory_override, factory
    try:
        yield
    finally:
        _factory_override = previous


@contextmanager
def transaction(*, writes: bool = False) -> Iterator[Session]:
    """A unit of work for CLI commands and background jobs: commit on success, else roll back.
    `writes`: see `open_session`."""
    session = open_session(writes=writes)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
