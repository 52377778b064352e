"""What every command prints through: results on standard output (`out`), messages and errors
on standard error (`err`), and one way to stop with an error (`fail`)."""

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

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
    user = db_session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        fail(f"no user with e-mail {email.strip()[:200]}")
    return user
