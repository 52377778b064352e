"""Migrations with data in the tables: up to head, a row in every table, down one step at a time
to nothing, and up again, on SQLite and PostgreSQL. A table added later gets its row from the
same code, so its downgrade is tested with data without anyone writing a line for it."""

import datetime as dt
import enum
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    inspect,
    select,
)
from sqlalchemy import Enum as SqlEnum

from searchlight.migrate import alembic_config, downgrade, upgrade
from searchlight.models_registry import load_all_models

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
# Values a column's CHECK constraint or the code's fixed vocabulary wants (table.column).
CHOSEN: dict[str, Any] = {}


def _value(table: Table, column: Any, number: int) -> Any:
    chosen = CHOSEN.get(f"{table.name}.{column.name}")
    if chosen is not None:
        return chosen
    kind = column.type
    python = getattr(kind, "impl", kind)
    if isinstance(kind, SqlEnum) and kind.enums:
        return kind.enums[0]
    if isinstance(python, DateTime):
        return WHEN
    if isinstance(python, Date):
        return WHEN.date()
    if isinstance(python, Boolean):
        return False
    if isinstance(python, Integer):
        return number
    if isinstance(python, Float | Numeric):
        return 0.5
    if isinstance(python, LargeBinary):
        return b"\x00\x01"
    if isinstance(python, JSON):
        return {"k": "v"} if "dict" in repr(getattr(column, "_annotation", "")) else []
    if isinstance(python, String | Text):
        length = getattr(python, "length", None) or 12
        return f"t{table.name}{column.name}{number}"[-length:]
    if isinstance(kind, enum.Enum):
        return next(iter(type(kind)))
    raise AssertionError(f"no test value for {table.name}.{column.name} ({kind!r})")


def insert_a_row_everywhere(connection: Connection) -> dict[str, Any]:
    """One row per table, in foreign-key order, every column filled; returns the keys."""
    keys: dict[str, Any] = {}
    for number, table in enumerate(load_all_models().metadata.sorted_tables, start=1):
        values: dict[str, Any] = {}
        for column in table.columns:
            foreign = next(iter(column.foreign_keys), None)
            if foreign is not None:
                target = foreign.column.table.name
                if target == table.name:
                    continue  # a row that points to itself: left empty
                values[column.name] = keys[target][foreign.column.name]
            elif column.primary_key and column.autoincrement in (True, "auto") and isinstance(
                    column.type, Integer):
                continue
            else:
                values[column.name] = _value(table, column, number)
        result = connection.execute(table.insert().values(**values))
        row = dict(values)
        if result.inserted_primary_key:
            for column, key in zip(table.primary_key.columns, result.inserted_primary_key,
                                   strict=True):
                row[column.name] = key
        keys[table.name] = row
    return keys


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in script.walk_revisions("base", "heads")]


def _count(connection: Connection, table: Table) -> int:
    return len(connection.execute(select(table)).all())


def test_it_migrates_down_and_up_with_a_row_in_every_table(engine: Engine, tmp_path):  # type: ignore[no-untyped-def]
    from searchlight.db import make_engine

    url = engine.url.render_as_string(hide_password=False)
    scratch = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}") if url.startswith(
        "sqlite") else engine
    try:
        upgrade(scratch)
        tables = load_all_models().metadata.sorted_tables
        with scratch.begin() as connection:
            insert_a_row_everywhere(connection)
            empty = [t.name for t in tables if _count(connection, t) == 0]
        assert len(tables) > 40 and not empty
        steps = _revisions()
        assert len(steps) > 10
        for step, revision in enumerate(steps):
            downgrade(scratch, "-1")
            left = set(inspect(scratch).get_table_names()) - {"alembic_version"}
            if step == len(steps) - 1:
                assert not {name for name in left if not name.startswith("procrastinate")}, (
                    revision, left)
        upgrade(scratch)
        with scratch.begin() as connection:
            insert_a_row_everywhere(connection)
    finally:
        if scratch is engine:  # PostgreSQL: the per-run database, left at head and empty
            downgrade(scratch, "base")
            upgrade(scratch)
        else:
            scratch.dispose()
