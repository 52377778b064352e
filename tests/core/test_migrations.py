"""Migrations go up and down cleanly and match the models, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from searchlight.migrate import downgrade, upgrade
from searchlight.models_registry import load_all_models


def _scratch_url(engine_url: str, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if engine_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
    return engine_url  # PostgreSQL: the per-run test database, restored to head afterwards


def test_it_matches_the_models_after_upgrade(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": False,
            # procrastinate's queue (PostgreSQL) is its own schema, not our models
            "include_name": lambda name, kind, _parent: not (
                kind == "table" and (name or "").startswith("procrastinate_")),
        })
        differences = compare_metadata(context, load_all_models().metadata)
    assert differences == []


def test_it_downgrades_to_nothing_and_back(engine, tmp_path):
    from searchlight.db import make_engine

    url = _scratch_url(engine.url.render_as_string(hide_password=False), tmp_path)
    scratch = make_engine(url) if url.startswith("sqlite") else engine
    if scratch is not engine:
        upgrade(scratch)
    downgrade(scratch, "base")
    assert set(inspect(scratch).get_table_names()) <= {"alembic_version"}
    upgrade(scratch)
    assert "users" in inspect(scratch).get_table_names()
    if scratch is not engine:
        scratch.dispose()
