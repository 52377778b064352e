"""`searchlight screen`: screen CV files for a role on the embedded database, no server needed."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.cli.console import err, fail, out
from searchlight.config import get_settings
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.matching.embedder import default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.batches import (
    Entry,
    FileReport,
    default_workers,
    expand,
    screen_entries,
)
from searchlight.screening.models import ScreeningResult
from searchlight.screening.read.archive import iter_folder
from searchlight.screening.read.document import ExtractionError
from searchlight.screening.rechecks import recheck
from searchlight.screening.score.explanation import Explanation, explanation_of
from searchlight.screening.score.scoring import DIMENSIONS, score_cv
from searchlight.screening.service import cv_evidence, explain, scorer_for


def _entries(paths: list[Path]) -> Iterator[Entry]:
    for path in paths:
        if path.is_dir():
            yield from ((str(path / name), payload) for name, payload in iter_folder(path))
        elif not path.exists():
            yield str(path), ExtractionError("not_found", f"{path} does not exist")
        else:
            yield from expand(str(path), path.read_bytes())


def _resolve_role(key_or_yaml: str) -> int:
    from searchlight.roles.yaml_io import import_role_file

    with transaction() as db_session:
        if Path(key_or_yaml).suffix.lower() in (".yaml", ".yml") and Path(key_or_yaml).exists():
            return import_role_file(db_session=db_session, path=Path(key_or_yaml), actor=None).id
        role_id = db_session.scalar(select(Role.id).where(Role.key == key_or_yaml))
        if role_id is None:
            raise DomainError(f"No role with key {key_or_yaml!r}; see `searchlight roles list`.")
        return role_id


def _as_json(report: FileReport, result: ScreeningResult | None,
             explanation: Explanation | None) -> dict[str, Any]:
    if result is None or explanation is None:
        return {"source": report.source, "score": None, "coverage": 0.0, "dimensions": {},
                "flags": [{"code": report.error_code, "message": report.error_message}],
                "language": None, "error": report.error_message, "status": report.status}
    items = {key: explanation.score.dimensions[key].items for key in DIMENSIONS}
    dimensions = {
        key: {"score": result.dimensions[key]["score"], "weight": result.dimensions[key]["weight"],
              "evidence": [
                  {"item": item.spec.text_en, "strength": item.strength, "quote": quote.text,
                   "quote_strength": quote.strength, "quote_stance": quote.stance}
                  for item in items[key] for quote in item.quotes],
              "unmatched": [item.spec.text_en for item in items[key] if not item.matched]}
        for key in DIMENSIONS
    }
    return {"source": report.source, "score": result.overall, "coverage": result.coverage,
            "dimensions": dimensions, "flags": result.analysis.flags,
            "language": result.analysis.language, "needs_human_check": result.needs_human_check,
            "status": report.status}


def _report_json(db_session: Session, report: FileReport) -> dict[str, Any]:
    if report.result_id is None:
        return _as_json(report, None, None)
    result = db_session.get_one(ScreeningResult, report.result_id)
    return _as_json(report, result, explain(db_session=db_session, result=result,
                                            embedder=default_embedder()))


def _rechecked(db_session: Session, report: FileReport) -> dict[str, Any]:
    """The row of a screened file after the configured AI model re-checked its quotes (it can
    only remove or weaken evidence; with no model or the endpoint down the offline row stands).
    The stored offline result is left as it is; the row says what the model changed."""
    assert report.result_id is not None
    result = db_session.get_one(ScreeningResult, report.result_id)
    version = db_session.get_one(RoleVersion, result.role_version_id)
    scorer = scorer_for(db_session=db_session, version=version, embedder=default_embedder())
    offline = score_cv(scorer.items, scorer.vectors, scorer.weights, cv_evidence(result.analysis))
    checked = recheck(db_session=db_session, score=offline, weights=scorer.weights,
                      language=result.analysis.language or "en")
    row = _as_json(report, result, explanation_of(checked.score))
    for key in DIMENSIONS:
        row["dimensions"][key]["score"] = checked.score.dimensions[key].score
    row.update(score=checked.score.overall, coverage=checked.score.coverage,
               needs_human_check=checked.score.needs_human_check,
               recheck={"engine": checked.engine, "removed": checked.removed,
                        "weakened": checked.weakened, "offline_score": result.overall})
    return row


def _run(role_id: int, paths: list[Path]) -> list[FileReport]:
    entries = list(_entries(paths))
    reports = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("screening", total=len(entries))
        settings = get_settings()
        for report in screen_entries(entries, role_id=role_id, actor_id=None, settings=settings,
                                     embedder=default_embedder(),
                                     workers=default_workers(len(entries), settings)):
            reports.append(report)
            progress.advance(task)
    return reports


def screen(
    paths: list[Path] = typer.Argument(..., help="CV files, ZIPs or folders."),
    role: str = typer.Option(..., "--role", help="A role key, or a role YAML file."),
    output_format: str = typer.Option("json", "--format", help="json or table."),
    top: int = typer.Option(0, "--top", help="Only the best N (0 = all)."),
    recheck_top: int = typer.Option(
        0, "--recheck", help="Let the configured AI model re-check the quotes of the best N "
        "(0 = none). It can only remove or weaken evidence; each call is recorded."),
) -> None:
    """Screen CVs against a role's SEARCH profile and print the ranked list."""
    try:
        role_id = _resolve_role(role)
    except DomainError as error:
        fail(error.message, code=2)
    reports = _run(role_id, paths)
    with transaction() as db_session:
        rows = [_report_json(db_session, r) for r in reports if r.status != "duplicate"]
        ranked = sorted((r for r in rows if r["score"] is not None or r["status"] == "screened"),
                        key=lambda r: -(r["score"] if r["score"] is not None else -1))
        if recheck_top > 0:
            by_source = {r.source: r for r in reports if r.result_id is not None}
            ranked = [_rechecked(db_session, by_source[row["source"]])
                      if n < recheck_top and row["source"] in by_source else row
                      for n, row in enumerate(ranked)]
            ranked.sort(key=lambda r: -(r["score"] if r["score"] is not None else -1))
    failed = [r for r in rows if r["status"] == "error"]
    shown = ranked[:top] if top else ranked
    for row in failed:
        err.print(f"[yellow]skipped[/yellow] {row['source']}: {row['error']}")
    for report in reports:
        if report.status == "duplicate":
            err.print(f"[yellow]duplicate[/yellow] {report.source} = {report.error_message}")
    if output_format == "table":
        _print_table(shown)
    else:
        # A JSON array with one file per line: valid JSON, and easy to read or grep.
        lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in shown + failed)
        sys.stdout.write(f"[\n{lines}\n]\n" if lines else "[]\n")
    if not ranked:
        raise typer.Exit(1)


def _print_table(rows: list[dict[str, Any]]) -> None:
    # The six columns spell the model: S E A R C H.
    table = Table("#", "file", "score", "coverage", *(k[0].upper() for k in DIMENSIONS), "flags",
                  caption="? = no evidence in the CV (ask in the interview)")
    for rank, row in enumerate(rows, start=1):
        scores = [row["dimensions"][k]["score"] for k in DIMENSIONS]
        table.add_row(str(rank), Path(row["source"]).name,
                      f"{row['score']:.1f}" if row["score"] is not None else "?",
                      f"{row['coverage']:.2f}", *("?" if s is None else f"{s:.0f}" for s in scores),
                      " ".join(f["code"] for f in row["flags"]))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("screen")(screen)
