"""The `searchlight` command: one sub-command group per domain."""

import importlib

import typer

from searchlight.cli import core

app = typer.Typer(help="Searchlight: recruit and reskill with the SEARCH profile.",
                  no_args_is_help=True, pretty_exceptions_enable=False)

# Modules under searchlight.cli that add their commands with `register(app)`.
COMMAND_MODULES = (
    "core", "demo", "roles", "taxonomy", "candidates", "screening", "anonymise", "matching",
    "analytics",
    "content",
    "ai",
)


def build_app() -> typer.Typer:
    core.register(app)
    for name in COMMAND_MODULES[1:]:
        importlib.import_module(f"searchlight.cli.{name}").register(app)
    return app


def main() -> None:
    build_app()()
