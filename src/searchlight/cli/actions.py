"""`searchlight next-actions`: the suggested actions with their reasons, as JSON or a list."""

import json
import sys

import typer
from rich.markup import escape
from sqlalchemy import select

from searchlight.actions import service
from searchlight.actions.suggest import Limits
from searchlight.candidates.pipeline import role_by_key
from searchlight.cli.console import err, out
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.roles.models import Role


def next_actions(
    role: str | None = typer.Option(None, "--role", help="A role key; all active roles when "
                                                          "left out (then idle channels too)."),
    wait_days: int = typer.Option(5, "--wait-days", help="Days a strong candidate may wait."),
    message_days: int = typer.Option(7, "--message-days",
                                     help="Days a candidate may go without a message."),
    output: str = typer.Option("table", "--format", help="json or table."),
) -> None:
    """Suggested next actions per role with the reason behind each; done, snoozed and dismissed
    ones are left out."""
    try:
        with transaction() as db:
            roles = ([role_by_key(db_session=db, key=role)] if role else
                     list(db.scalars(select(Role).where(Role.is_active).order_by(Role.key))))
            found = service.collect(db_session=db, roles=roles, channels=role is None,
                                    limits=Limits(wait_days=wait_days,
                                                  message_days=message_days))
    except DomainError as problem:
        err.print(f"[red]{escape(problem.message)}[/red]")
        raise typer.Exit(1) from problem
    rows = [{"key": s.key, "kind": s.kind, "role": s.role_key or None, "reason": s.text(),
             "values": s.values, "link": s.link} for s in found]
    if output == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        out.print(f"- [{row['kind']}] {escape(str(row['reason']))}")


def register(app: typer.Typer) -> None:
    app.command("next-actions")(next_actions)
