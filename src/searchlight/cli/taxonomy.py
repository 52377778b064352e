"""`searchlight taxonomy ...`: the built-in skills, the ESCO import, and skill search."""

import json
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from searchlight.cli.console import err, fail, out
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.taxonomy import esco, service

taxonomy_app = typer.Typer(help="The skill taxonomy (built-in skills and ESCO).",
                           no_args_is_help=True)


class _RichProgress:
    """One bar over every file of the import, named after the file being read."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.task = progress.add_task("ESCO", total=total)

    def start_file(self, name: str, size: int) -> None:
        self.progress.update(self.task, description=name)

    def advance(self, amount: int) -> None:
        self.progress.advance(self.task, amount)


@taxonomy_app.command("import-esco")
def import_esco(
    folder: Path = typer.Argument(..., help="The unpacked ESCO CSV download (en and/or nl)."),
    json_output: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Import ESCO skills, skill groups and occupations in English and Dutch (safe to re-run)."""
    try:
        total = sum(p.stat().st_size for p in esco.planned_files(folder))
        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                   TimeRemainingColumn())
        with transaction() as db, Progress(*columns, console=err, transient=True) as bar:
            counts = esco.import_esco(db_session=db, folder=folder,
                                      progress=_RichProgress(bar, total))
            audit.record(db_session=db, actor=None, event=AuditEvent(
                "taxonomy.esco_imported", "taxonomy", "esco",
                {"folder": str(folder), **counts.model_dump()}))
    except DomainError as error:
        fail(error.message)
        return
    if json_output:
        sys.stdout.write(counts.model_dump_json() + "\n")
    err.print(f"Imported ESCO ({', '.join(counts.languages)}): {counts.skills} skills, "
              f"{counts.skill_labels} skill labels, {counts.skill_groups} skill groups, "
              f"{counts.occupations} occupations.")


@taxonomy_app.command("load-builtin")
def load_builtin() -> None:
    """Write the built-in bilingual skills into the database (safe to re-run)."""
    with transaction() as db:
        added = service.sync_builtin(db_session=db)
        total = len(service.builtin_taxonomy().skills)
    err.print(f"Built-in taxonomy: {total} skills ({added} new).")


@taxonomy_app.command("search")
def search(
    query: str = typer.Argument(..., help="A skill name or synonym, in Dutch or English."),
    kind: str = typer.Option("", help="technical, domain, soft or language."),
    source: str = typer.Option("", help="builtin or esco."),
    limit: int = typer.Option(20, min=1, max=500),
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Search skills by name or synonym in both languages."""
    with transaction() as db:
        found = service.search_skills(db_session=db, query=query, kind=kind or None,
                                      source=source or None, page_size=limit)
        skills = [service.skill_out(s) for s in found.skills]
    if output == "json":
        sys.stdout.write(json.dumps([s.model_dump() for s in skills], ensure_ascii=False) + "\n")
        return
    table = Table("key", "English", "Nederlands", "kind", "source",
                  title=f"{found.total} skills match {query!r}")
    for skill in skills:
        table.add_row(skill.key, skill.label_en, skill.label_nl, skill.kind, skill.source)
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(taxonomy_app, name="taxonomy")
