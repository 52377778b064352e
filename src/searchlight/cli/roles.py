"""`searchlight roles ...`: import, export and list role profiles."""

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from searchlight.cli.console import actor_by_email, err, fail, out
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.roles import service
from searchlight.roles.schemas import BilingualText, RoleListingOut
from searchlight.roles.yaml_io import dump_document, parse_documents

roles_app = typer.Typer(help="Role profiles (JTBD + SEARCH).", no_args_is_help=True)


@roles_app.command("import")
def import_roles(
    file: Path = typer.Argument(..., help="A YAML file with one role or 'roles:' with a list."),
    actor: str = typer.Option("", "--as", help="E-mail of the user to record as the author."),
) -> None:
    """Create roles, or add a version when a role's content changed (identical = no change)."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {error}")
        return
    try:
        with transaction() as db:
            author = actor_by_email(db, actor)
            documents = parse_documents(text, source=str(file))
            results = [service.save_document(db_session=db, actor=author, document=d)
                       for d in documents]
            lines = [f"{r.status:<9} {r.role.key} (version {r.role.current_version})"
                     for r in results]
    except DomainError as error:
        fail(error.message)
        return
    for line in lines:
        err.print(line)


@roles_app.command("export")
def export_role(
    key: str,
    version: int = typer.Option(0, help="Version number; the current one when left out."),
) -> None:
    """Print a role as YAML (the format `roles import` reads)."""
    try:
        with transaction() as db:
            role = service.get_by_key(db_session=db, key=key)
            chosen = service.get_version(db_session=db, role_id=role.id,
                                         number=version or role.current_version)
            text = dump_document(service.document_of(role, chosen),
                                 header=f"Searchlight role {key}, version {chosen.number}")
    except DomainError as error:
        fail(error.message)
        return
    sys.stdout.write(text)


def _listing(db: Session) -> list[RoleListingOut]:
    profiles = service.current_profiles(db_session=db)
    return [RoleListingOut(
        key=role.key, title=BilingualText(nl=role.title_nl, en=role.title_en),
        version=role.current_version, hiring_manager=role.hiring_manager_email,
        is_active=role.is_active,
        jtbd=BilingualText(nl=profiles[role.id].jtbd_nl, en=profiles[role.id].jtbd_en),
        dimensions=profiles[role.id].dimensions,
    ) for role in service.list_roles(db_session=db)]


def _table(listing: list[RoleListingOut]) -> Table:
    table = Table("key", "title (en)", "title (nl)", "version", "items", "must-haves",
                  "hiring manager", title=f"{len(listing)} roles")
    for row in listing:
        items = row.items()
        table.add_row(row.key, row.title.en, row.title.nl, str(row.version), str(len(items)),
                      str(sum(1 for i in items if i.must_have)), row.hiring_manager or "-")
    return table


@roles_app.command("list")
def list_roles(
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List roles with their current version, dimensions, items and weights."""
    if output not in ("table", "json"):
        fail("--format must be table or json")
    with transaction() as db:
        listing = _listing(db)
    if output == "json":
        data = [row.model_dump(mode="json") for row in listing]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        Console(width=160).print(_table(listing))


def register(app: typer.Typer) -> None:
    app.add_typer(roles_app, name="roles")


@roles_app.command("scarcity")
def scarcity(key: str, min_score: float = typer.Option(
                 60.0, "--min-score", help="Screening score (0-100) of a strong match."),
             output: str = typer.Option("table", "--format", help="json or table.")) -> None:
    """How scarce the role's profile is, with its inputs: strong matches in the pool and the
    talent pools, days to hire similar roles, sources of such profiles, labour-market figures."""
    from searchlight.analytics.scarcity import service as scarcity_service
    from searchlight.candidates.pipeline import role_by_key

    try:
        with transaction() as db:
            role = role_by_key(db_session=db, key=key)
            found = scarcity_service.benchmark(db_session=db, role=role, min_score=min_score)
            market = found.market
            signals = dict(found.result.signals)
            data: dict[str, Any] = {
                "role": role.key, "score": found.result.score, "level": found.result.level,
                "signals": found.result.signals, "missing": list(found.result.missing),
                "inputs": {**found.inputs.__dict__, "min_score": min_score},
                "similar_roles": [each.key for each in found.similar],
                "occupation": found.occupation or None,
                "market": None if market is None else {
                    "code": market.code, "period": market.period, "label": market.label,
                    "vacancies": market.vacancies, "job_seekers": market.job_seekers,
                    "source": market.source},
                "sources": [{"source": row.name, "kind": row.kind, "strong_matches": row.strong,
                             "hires_in_similar_roles": row.hired} for row in found.sources],
            }
    except DomainError as problem:
        fail(problem.message)
    if output == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("signal", "scarce share")
    for name, share in signals.items():
        table.add_row(name, f"{share:.0%}")
    out.print(f"{role.key}: {data['level']} ({data['score']})")
    out.print(table)
