"""`searchlight roles ...`: import, export and list role profiles."""

import typer

roles_app = typer.Typer(help="Role profiles (JTBD + SEARCH).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(roles_app, name="roles")
