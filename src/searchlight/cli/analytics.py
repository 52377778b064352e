"""`searchlight analytics ...`: the funnel and source effectiveness as JSON or a table."""

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from searchlight.analytics import service
from searchlight.candidates.pipeline import role_by_key
from searchlight.cli.console import err, out
from searchlight.db import transaction
from searchlight.errors import DomainError

analytics_app = typer.Typer(help="Recruitment analytics: funnel and sources.",
                            no_args_is_help=True)
ROLE = typer.Option(None, "--role", help="A role key; all roles when left out.")
SINCE = typer.Option(None, "--since", help="Applications created on or after YYYY-MM-DD.")
UNTIL = typer.Option(None, "--until", help="Applications created on or before YYYY-MM-DD.")
FORMAT = typer.Option("table", "--format", help="json or table.")


def _report(role: str | None, since: str | None, until: str | None) -> service.Report:
    try:
        with transaction() as db:
            found = role_by_key(db_session=db, key=role) if role else None
            return service.build_report(db_session=db, role=found,
                                        period=service.Period.parse(since, until))
    except DomainError as problem:
        err.print(f"[red]{problem.message}[/red]")
        raise typer.Exit(1) from problem


def _funnel_json(report: service.Report) -> dict[str, Any]:
    times = {t.stage: t for t in report.times}
    return {
        "role": report.role.key if report.role else None,
        "since": report.period.since.isoformat() if report.period.since else None,
        "until": report.period.until.isoformat() if report.period.until else None,
        "applications": report.applications,
        "stages": [{"stage": s.stage, "reached": s.reached, "next_reached": s.next_reached,
                    "conversion": None if s.conversion is None else round(s.conversion, 4),
                    "drop_off": s.drop_off, "median_days": times[s.stage].median_days,
                    "mean_days": times[s.stage].mean_days,
                    "waiting_now": times[s.stage].waiting_now} for s in report.funnel],
        "time_to_hire": asdict(report.hire),
        "careers_events": report.events,
    }


@analytics_app.command("funnel")
def funnel(role: str | None = ROLE, since: str | None = SINCE, until: str | None = UNTIL,
           output: str = FORMAT) -> None:
    """Applications that reached each stage, conversion and drop-off, time in stage and to hire."""
    data = _funnel_json(_report(role, since, until))
    if output == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("stage", "reached", "to next", "drop-off", "median days")
    for row in data["stages"]:
        conversion = "" if row["conversion"] is None else f"{row['conversion']:.0%}"
        table.add_row(row["stage"], str(row["reached"]), conversion, str(row["drop_off"]),
                      str(row["median_days"] or ""))
    out.print(table)


@analytics_app.command("sources")
def sources(role: str | None = ROLE, since: str | None = SINCE, until: str | None = UNTIL,
            output: str = FORMAT) -> None:
    """Per source and agency: applicants, screened, interviewed, hired, hire rate and the cost
    per hire where a cost is entered (in cents)."""
    report = _report(role, since, until)
    rows = [{**asdict(row), "hire_rate": None if row.hire_rate is None
             else round(row.hire_rate, 4), "cost_per_hire_cents": row.cost_per_hire_cents}
            for row in report.sources]
    if output == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("source", "applicants", "screened", "interviewed", "hired", "cost per hire")
    for row in rows:
        per_hire = row["cost_per_hire_cents"]
        table.add_row(row["source"] or "?", *(str(row[k]) for k in
                                               ("applicants", "screened", "interviewed", "hired")),
                      "" if per_hire is None else f"€ {per_hire / 100:,.2f}")
    out.print(table)


@analytics_app.command("labour-market")
def labour_market(path: Path = typer.Argument(..., exists=True, dir_okay=False,
                                              help="CSV: code, period, vacancies, job_seekers "
                                                   "(label, source optional).")) -> None:
    """Import labour-market figures per occupation code (ISCO/ESCO) for the scarcity benchmark."""
    from searchlight.analytics.scarcity import parse_market_csv
    from searchlight.analytics.scarcity import service as scarcity_service

    rows, problems = parse_market_csv(path.read_text(encoding="utf-8-sig"))
    for message, values in problems:
        err.print(message.format(**values))
    if not rows:
        err.print("[red]No rows imported.[/red]")
        raise typer.Exit(1)
    with transaction() as db:
        added, updated = scarcity_service.import_market(db_session=db, actor=None, rows=rows)
    out.print(f"{added} figures added, {updated} updated.")


def register(app: typer.Typer) -> None:
    app.add_typer(analytics_app, name="analytics")
