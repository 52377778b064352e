"""`searchlight candidates ...`: set-up commands for the talent CRM."""

import typer

from searchlight.cli.console import err
from searchlight.crm.sources import ensure_default_sources
from searchlight.db import transaction
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent

candidates_app = typer.Typer(help="Candidates and the talent CRM.", no_args_is_help=True)


@candidates_app.command("load-sources")
def load_sources() -> None:
    """Add the sourcing channels and agencies of the recruitment handbook that are missing."""
    with transaction() as db:
        added = ensure_default_sources(db_session=db)
        if added:
            audit.record(db_session=db, actor=None, event=AuditEvent(
                "source.loaded", "source", "handbook", {"keys": [s.key for s in added]}))
    err.print(f"Added {len(added)} sources." if added else "All handbook sources are there.")


def register(app: typer.Typer) -> None:
    app.add_typer(candidates_app, name="candidates")
