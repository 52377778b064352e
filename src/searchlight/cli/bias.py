"""`searchlight bias audit`: selection or scoring rates and impact ratios from a decisions CSV."""

import json
import sys
from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from searchlight.cli.console import fail
from searchlight.fairness.audit import audit
from searchlight.fairness.decisions import DecisionsError, decode, read_decisions

bias_app = typer.Typer(help="Bias audits (NYC Local Law 144 definitions).", no_args_is_help=True)
MAX_BYTES = 50 * 1024 * 1024


@bias_app.command("audit")
def audit_command(
    decisions: Path = typer.Option(..., "--decisions", help="CSV: one row per person, a "
                                   "'selected' (0/1) or 'score' column, category columns."),
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Selection (or scoring) rate and impact ratio per category and intersection, with unknown
    counts, groups under 2% flagged and ratios under 0.8 highlighted."""
    if output not in ("table", "json"):
        fail("--format must be table or json")
    try:
        if decisions.stat().st_size > MAX_BYTES:
            fail(f"{decisions} is larger than {MAX_BYTES // 1024 // 1024} MB")
        text = decode(decisions.read_bytes())
    except OSError as error:
        fail(f"cannot read {decisions}: {error.strerror or error}")
    try:
        parsed = read_decisions(text)
    except DecisionsError as error:
        fail(f"{decisions}: {error}")
    report = audit(parsed.people, parsed.columns)
    if output == "json":
        sys.stdout.write(json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(width=140)
    rate = "selection rate" if report.measure == "selection" else "scoring rate"
    for category in report.categories:
        table = Table("group", "n", "favourable", rate, "impact ratio", "note",
                      title=f"{category.category} (unknown: {category.unknown})")
        for group in category.groups:
            notes = [note for flag, note in ((group.below_four_fifths, "[red]under 0.8[/red]"),
                                             (group.small, "under 2% of people")) if flag]
            ratio = "-" if group.impact_ratio is None else f"{group.impact_ratio:.2f}"
            table.add_row(escape(group.group), str(group.n), str(group.favourable),
                          f"{group.rate:.3f}", ratio, ", ".join(notes))
        console.print(table)
    summary = f"{report.people} people, measure: {rate}"
    if report.median_score is not None:
        summary += f" (median score {report.median_score:g})"
    console.print(summary)


def register(app: typer.Typer) -> None:
    app.add_typer(bias_app, name="bias")
