"""`searchlight programmes ...` and `searchlight reskilling ...`: the reskilling programmes of
seed 001, the competency framework and personal plans."""

import json
import sys

import typer
from rich.console import Console
from rich.table import Table

from searchlight.cli.console import err, fail
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.reskilling import development, plans, service

programmes_app = typer.Typer(help="Reskilling programme templates (seed 001).",
                             no_args_is_help=True)
reskilling_app = typer.Typer(help="Reskilling: competency framework and personal plans.",
                             no_args_is_help=True)


def _check_format(output: str) -> None:
    if output not in ("table", "json"):
        fail("--format must be table or json")


@programmes_app.command("list")
def list_programmes(
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List programmes with their variants, phases, milestones and open inconsistencies."""
    _check_format(output)
    with transaction() as db:
        listing = [service.programme_out(p) for p in service.list_programmes(db_session=db)]
    if output == "json":
        data = [row.model_dump(mode="json") for row in listing]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("key", "title (en)", "track", "months", "variants", "phases", "milestones",
                  "to resolve", title=f"{len(listing)} programmes")
    for row in listing:
        open_issue = "yes" if row.inconsistency and not row.inconsistency.resolved else "-"
        table.add_row(row.key, row.title.en, row.track, str(row.duration_months),
                      str(len(row.variants)), " / ".join(str(len(v.phases)) for v in row.variants),
                      str(len(row.milestones)), open_issue)
    Console(width=160).print(table)


@reskilling_app.command("criteria")
def list_criteria(
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """The six criteria of the mid-level AI expert with their evidence and SEARCH dimensions."""
    _check_format(output)
    with transaction() as db:
        listing = [service.criterion_out(c) for c in service.list_criteria(db_session=db)]
    if output == "json":
        data = [row.model_dump(mode="json") for row in listing]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("key", "criterion (en)", "SEARCH dimensions", title=f"{len(listing)} criteria")
    for row in listing:
        table.add_row(row.key, row.text.en, ", ".join(row.dimensions))
    Console(width=160).print(table)


@reskilling_app.command("plan")
def plan(
    employee: str = typer.Option(..., "--employee", help="E-mail of the employee."),
    role: str = typer.Option(..., "--role", help="Key of the target role."),
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Gaps per SEARCH dimension against a target role, with proposed courses and assignments
    (reads only; the lead or L&D saves a plan on the development page)."""
    _check_format(output)
    try:
        with transaction() as db:
            user = development.find_user(db_session=db, email=employee)
            document = plans.build_plan(db_session=db, employee=user, role_key=role)
    except DomainError as error:
        fail(error.message)
        return
    if output == "json":
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("dimension", "weight", "current", "gap", "priority", "courses", "assignments",
                  title=f"{document['employee']} → {document['role']['key']} "
                        f"(v{document['role']['version']}), target {document['target_level']}")
    for gap in document["gaps"]:
        table.add_row(gap["dimension"], f"{gap['weight']:.2f}",
                      "-" if gap["current"] is None else str(gap["current"]), str(gap["gap"]),
                      f"{gap['priority']:.1f}", ", ".join(gap["courses"]) or "-",
                      ", ".join(f"month {a['month']}" for a in gap["assignments"]) or "-")
    Console(width=160).print(table)
    totals = document["totals"]
    err.print(f"{len(document['courses'])} courses, {totals['hours']} hours and "
              f"EUR {totals['cost_eur']} known ({totals['courses_without_hours']} without hours, "
              f"{totals['courses_without_cost']} without cost)")


def register(app: typer.Typer) -> None:
    app.add_typer(programmes_app, name="programmes")
    app.add_typer(reskilling_app, name="reskilling")
