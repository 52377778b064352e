from alembic import context
from sqlalchemy import Connection

from searchlight.db import get_engine
from searchlight.models_registry import load_all_models

target_metadata = load_all_models().metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # procrastinate's queue tables (PostgreSQL) belong to procrastinate, not to our models
        include_name=lambda name, kind, _parent: not (
            kind == "table" and (name or "").startswith("procrastinate_")),
    )
    with context.begin_transaction():
        context.run_migrations()


# A connection handed in by searchlight.migrate (tests, CLI) wins over the configured URL.
given = context.config.attributes.get("connection")
if given is not None:
    run_migrations(given)
else:
    with get_engine().connect() as connection:
        run_migrations(connection)
