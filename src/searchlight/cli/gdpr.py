"""`searchlight gdpr ...`: retention purge, subject access export, erasure, re-apply."""

import json
import sys
from pathlib import Path

import typer

from searchlight.cli.console import err, fail
from searchlight.config import get_settings
from searchlight.db import get_engine, transaction, utcnow

gdpr_app = typer.Typer(help="GDPR: retention purge, access export, erasure.",
                       no_args_is_help=True)


@gdpr_app.command("purge")
def purge_command(
    dry_run: bool = typer.Option(False, "--dry-run", help="List what is due; remove nothing."),
) -> None:
    """Remove the data the retention periods say is due (28 days after a procedure closed,
    a year with consent); with --dry-run only list it."""
    from searchlight.gdpr.erasure import compact
    from searchlight.gdpr.retention import purge

    with transaction() as db_session:
        due, erased = purge(db_session=db_session, settings=get_settings(), now=utcnow(),
                            dry_run=dry_run)
    for item in due:
        sys.stdout.write(json.dumps({"candidate_id": item.candidate_id, "reason": item.reason,
                                     "due_since": item.since.isoformat()}) + "\n")
    if erased is not None:
        compact(get_engine())
        err.print(f"Removed {len(due)} records ({erased.total} rows, {erased.files} files).")
    else:
        err.print(f"{len(due)} records due" + (" (dry run: nothing removed)." if dry_run else "."))


@gdpr_app.command("export")
def export_command(
    email: str = typer.Option(..., "--email", help="The person's e-mail address."),
    output_format: str = typer.Option("json", "--format", help="json (to stdout) or zip."),
    output: Path | None = typer.Option(None, "--output", help="Write here (required for zip)."),
) -> None:
    """Everything about a person (subject access), a candidate or an employee or both: records,
    files, texts, scores, AI rationales, answers, notes, stage history, development data and
    audit entries."""
    from searchlight.gdpr import export, ledger
    from searchlight.governance import audit
    from searchlight.governance.events import AuditEvent

    if output_format not in ("json", "zip") or (output_format == "zip" and output is None):
        fail("--format must be json, or zip with --output FILE")
    with transaction() as db_session:
        people = export.find_by_email(db_session=db_session, email=email)
        users = ledger.find_users(db_session=db_session, email=email)
        if not people and not users:
            fail("no candidate or user has this e-mail address")
        if output_format == "zip":
            data = export.as_zip(db_session=db_session, candidates=people, users=users,
                                 settings=get_settings())
        else:
            data = json.dumps(export.build(db_session=db_session, candidates=people,
                                           users=users),
                              ensure_ascii=False, indent=2, default=str).encode()
        target = ("candidate", people[0].id) if people else ("user", users[0].id)
        audit.record(db_session=db_session, actor=None, event=AuditEvent(
            "gdpr.exported", *target, {"records": len(people) + len(users),
                                       "by": "command line"}))
    if output is None:
        sys.stdout.buffer.write(data + b"\n")
    else:
        output.write_bytes(data)
        err.print(f"Wrote {output}.")


@gdpr_app.command("erase")
def erase_command(
    email: str = typer.Option(..., "--email", help="The person's e-mail address."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Erase a person and everything derived from them, leaving no trace in the database
    file or the file store; the ledger records that it was done. A candidate record is
    removed; an employee's development data is removed and their account anonymised and
    closed (its number stays for the audit log)."""
    from searchlight.gdpr.erasure import compact
    from searchlight.gdpr.export import find_by_email
    from searchlight.gdpr.ledger import carry_out, find_users
    from searchlight.gdpr.models import Erasure

    with transaction() as db_session:
        people = find_by_email(db_session=db_session, email=email)
        users = find_users(db_session=db_session, email=email)
        count = len(people) + len(users)
        if not count:
            fail("no candidate or user has this e-mail address")
        if not yes and not typer.confirm(f"Erase {count} record(s) for good?"):
            fail("nothing erased")
        erasure = Erasure(ground="request", status="requested", requested_at=utcnow())
        db_session.add(erasure)
        db_session.flush()
        result = carry_out(db_session=db_session, erasure=erasure, candidates=people,
                           users=users, settings=get_settings(), actor=None)
        erasure.compacted_at = utcnow()
    compact(get_engine())
    err.print(f"Erased {count} record(s): {result.total} rows, {result.files} files.")


@gdpr_app.command("reapply")
def reapply_command() -> None:
    """Apply the erasure ledger again (run after `searchlight restore`)."""
    from searchlight.gdpr.erasure import compact
    from searchlight.gdpr.ledger import reapply

    with transaction() as db_session:
        again = reapply(db_session=db_session, settings=get_settings())
    if again:
        compact(get_engine())
    err.print(f"Erased {again} records again from the ledger.")


def register(app: typer.Typer) -> None:
    app.add_typer(gdpr_app, name="gdpr")
