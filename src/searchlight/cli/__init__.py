"""The `searchlight` command: one sub-command group per domain."""

import importlib
import sys

import typer
from sqlalchemy.exc import DBAPIError

from searchlight.cli import core

app = typer.Typer(help="Searchlight: recruit and reskill with the SEARCH profile.",
                  no_args_is_help=True, pretty_exceptions_enable=False)

# Modules under searchlight.cli that add their commands with `register(app)`.
COMMAND_MODULES = (
    "core", "demo", "roles", "taxonomy", "candidates", "screening", "anonymise", "matching",
    "analytics",
    "worker",
    "content",
    "ai",
    "reskilling",
    "assessments",
    "bias",
    "interviews",
    "actions",
)


def build_app() -> typer.Typer:
    core.register(app)
    for name in COMMAND_MODULES[1:]:
        importlib.import_module(f"searchlight.cli.{name}").register(app)
    return app


class DatabaseNotReady(Exception):
    """The database cannot be reached or lacks migrations: said in one line, no traceback."""


def database_problem(error: DBAPIError | None = None) -> str | None:
    """One line saying what is wrong with the configured database, or None when it is fine
    (then `error`, if any, is a real bug)."""
    from sqlalchemy.engine import make_url

    from searchlight.config import get_settings
    from searchlight.db import get_engine
    from searchlight.migrate import schema_is_current

    url = make_url(get_settings().database_url).render_as_string(hide_password=True)
    try:
        current = schema_is_current(get_engine())
    except DBAPIError as unreachable:
        reason = str(unreachable.orig or unreachable).strip().splitlines()[0]
        return (f"Cannot reach the database at {url} ({reason}); check DATABASE_URL and that "
                "the server runs, then run `searchlight migrate`.")
    if not current:
        return (f"The database at {url} is not set up or not up to date: "
                "run `searchlight migrate` first.")
    return None


def main() -> None:
    try:
        build_app()()
    except (DBAPIError, DatabaseNotReady) as error:
        problem = str(error) if isinstance(error, DatabaseNotReady) else database_problem(error)
        if problem is None:
            raise
        print(f"error: {problem}", file=sys.stderr)  # noqa: T201 - the one line a user sees
        raise SystemExit(1) from None
