"""Commands every installation needs: migrate, serve, users, audit."""

import getpass
import json
import sys
from datetime import datetime
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from searchlight.auth import service as auth_service
from searchlight.auth.models import USER_ROLES
from searchlight.cli.console import err, fail, out, user_by_email
from searchlight.config import get_settings
from searchlight.db import get_engine, transaction
from searchlight.errors import DomainError
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent, created

users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


def migrate() -> None:
    """Bring the database schema up to date."""
    from searchlight.migrate import upgrade

    upgrade(get_engine())
    err.print("Database is up to date.")


def backup(
    file: Path = typer.Argument(..., help="The archive to write (.tar.gz)."),
) -> None:
    """Back up the database and the stored files into one archive."""
    from searchlight.governance.backup import BackupError
    from searchlight.governance.backup import backup as make_backup

    try:
        manifest = make_backup(engine=get_engine(), data_dir=get_settings().data_dir, target=file)
    except BackupError as error:
        fail(str(error))
        return
    err.print(f"Backed up the {manifest.dialect} database (schema {manifest.revision}) and "
              f"{manifest.files} files to {file}.")


def _settle_ledger() -> None:
    """Settle the erasure ledger's pending lines against the database a restore is about to
    replace (skipped when it cannot be read: lost, or on another schema)."""
    from sqlalchemy.exc import SQLAlchemyError

    from searchlight.gdpr import ledger
    from searchlight.migrate import schema_is_current

    try:
        if not schema_is_current(get_engine()):
            return
        with transaction() as db_session:
            settled = ledger.settle(db_session=db_session, settings=get_settings())
    except SQLAlchemyError:
        return
    if settled:
        err.print(f"Settled {settled} pending erasure ledger lines against the current database.")


def restore(
    file: Path = typer.Argument(..., help="An archive made by `searchlight backup`."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Replace the database and put the stored files back from a backup archive."""
    from searchlight.gdpr import ledger
    from searchlight.gdpr.erasure import compact
    from searchlight.governance.backup import BackupError, read_manifest
    from searchlight.governance.backup import restore as put_back
    from searchlight.migrate import schema_is_current

    try:
        manifest = read_manifest(file)
        if not yes and not typer.confirm(
                f"Replace the whole database with the backup of {manifest.created_at}?"):
            fail("nothing restored")
        _settle_ledger()
        with ledger.kept_through_restore(get_settings()):
            put_back(engine=get_engine(), data_dir=get_settings().data_dir, source=file)
    except BackupError as error:
        fail(str(error))
        return
    err.print(f"Restored the backup of {manifest.created_at} ({manifest.files} files).")
    if not schema_is_current(get_engine()):
        err.print("Run `searchlight migrate`, then `searchlight gdpr reapply` to apply the "
                  "erasures made since this backup again.")
        return
    with transaction() as db_session:
        again = ledger.reapply(db_session=db_session, settings=get_settings())
    if again:
        compact(get_engine())
    err.print(f"Erasure ledger applied again: {again} records erased since the backup.")


def serve(host: str = "127.0.0.1", port: int = 8000, reload: bool = False) -> None:
    """Serve the web application."""
    import uvicorn

    from searchlight.cli import DatabaseNotReady, database_problem

    if problem := database_problem():
        raise DatabaseNotReady(problem)
    if get_settings().is_sqlite:  # the embedded database: this process runs the jobs too
        from searchlight.jobs import Runner

        Runner().start()
    uvicorn.run("searchlight.main:create_app", factory=True, host=host, port=port, reload=reload)


@users_app.command("create")
def create_user(
    email: str,
    full_name: str = typer.Option(..., "--name", help="Full name shown in the app."),
    role: str = typer.Option(..., help=f"One of: {', '.join(USER_ROLES)}."),
    locale: str = typer.Option("nl", help="nl or en."),
    password: str = typer.Option(
        "", help="Leave empty to be asked (or set SEARCHLIGHT_NEW_PASSWORD).",
        envvar="SEARCHLIGHT_NEW_PASSWORD",
    ),
) -> None:
    """Create a user who can log in."""
    secret = password or getpass.getpass("Password: ")
    try:
        with transaction() as db:
            user = auth_service.create_user(
                db_session=db, email=email, full_name=full_name, password=secret, role=role,
                locale=locale,
            )
            audit.record(db_session=db, actor=None,
                         event=created("user", user.id, {"role": role}))
    except DomainError as error:
        fail(error.message)
    err.print(f"Created {email} ({role}).")


@users_app.command("token")
def create_token(
    email: str, name: str = typer.Option("integration", help="What it is for.")
) -> None:
    """Create an API token for a user (printed once; store it safely)."""
    with transaction() as db:
        user = user_by_email(db, email)
        token = auth_service.create_api_token(db_session=db, user=user, name=name)
        audit.record(db_session=db, actor=None,
                     event=AuditEvent("api_token.created", "user", user.id, {"name": name}))
    sys.stdout.write(token + "\n")


def _moment(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


@users_app.command("tokens")
def list_tokens(
    email: str, output: str = typer.Option("table", "--format", help="table or json.")
) -> None:
    """List a user's API tokens: id, name, when made, last used (to the minute) and revoked.
    The token itself is never kept, so it cannot be shown again."""
    if output not in ("table", "json"):
        fail("--format must be table or json")
    with transaction() as db:
        rows = [{"id": token.id, "name": token.name, "created_at": _moment(token.created_at),
                 "last_used_at": _moment(token.last_used_at),
                 "revoked_at": _moment(token.revoked_at)}
                for token in auth_service.api_tokens_of(db_session=db,
                                                        user=user_by_email(db, email))]
    if output == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("id", "name", "created", "last used", "revoked",
                  title=f"{len(rows)} API tokens of {escape(email.strip())}")
    for row in rows:
        table.add_row(str(row["id"]), escape(str(row["name"])),
                      *(str(row[key] or "-") for key in ("created_at", "last_used_at",
                                                          "revoked_at")))
    out.print(table)


@users_app.command("revoke-token")
def revoke_token(email: str, token_id: int = typer.Argument(..., help="From `users tokens`.")
                 ) -> None:
    """Refuse an API token from now on (a leaked or unused one); the change is audited."""
    try:
        with transaction() as db:
            user = user_by_email(db, email)
            token = auth_service.revoke_api_token(db_session=db, user=user, token_id=token_id)
            audit.record(db_session=db, actor=None, event=AuditEvent(
                "api_token.revoked", "user", user.id, {"token_id": token.id, "name": token.name}))
    except DomainError as error:
        fail(error.message)
    err.print(f"Revoked API token {token_id} ({escape(token.name)}).")


@audit_app.command("verify")
def verify(json_output: bool = typer.Option(False, "--json")) -> None:
    """Check the hash chain; exit 1 and name the first broken entry if a row was altered."""
    with transaction() as db:
        checked, broken = audit.verify_chain(db_session=db)
    if json_output:
        sys.stdout.write(json.dumps({
            "checked": checked, "ok": broken is None,
            "broken_entry": broken.entry_id if broken else None,
            "reason": broken.reason if broken else None,
        }) + "\n")
    if broken:
        fail(f"audit entry {broken.entry_id} {broken.reason} "
             f"({checked} entries before it are intact)")
    if not json_output:
        err.print(f"Audit log intact: {checked} entries verified.")


def register(app: typer.Typer) -> None:
    app.command("migrate")(migrate)
    app.command("serve")(serve)
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
