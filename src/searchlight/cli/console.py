"""What every command prints through: results on standard output (`out`), messages and errors
on standard error (`err`), and one way to stop with an error (`fail`)."""

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.orm import Session

from searchlight.auth import service as auth_service
from searchlight.auth.models import User

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `error: message` (never read as markup, so a path or a quote prints as it is) and
    end the command with `code`."""
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def user_by_email(db_session: Session, email: str) -> User:
    """The user a command names by e-mail, or a clear error."""
    user = auth_service.user_by_email(db_session=db_session, email=email)
    if user is None:
        fail(f"no user with e-mail {email.strip()[:200]}")
    return user


def actor_by_email(db_session: Session, email: str) -> User | None:
    """Who a command acts as (`--actor EMAIL`): nobody when none is named (the system)."""
    return user_by_email(db_session, email) if email else None
