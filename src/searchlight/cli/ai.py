"""`searchlight ai ...`: the AI layer's status, its call records and the stop switch."""

import json
import sys
from enum import StrEnum

import typer
from rich.markup import escape
from rich.table import Table

from searchlight.cli.console import actor_by_email, err, fail, out
from searchlight.db import transaction
from searchlight.llm import records, selftest, switch
from searchlight.llm.errors import AIError
from searchlight.llm.status import status as ai_status

ai_app = typer.Typer(help="The AI layer: status, call records, stop switch.",
                     no_args_is_help=True)


class Format(StrEnum):
    table = "table"
    json = "json"


@ai_app.command("status")
def status(
    output: Format = typer.Option(Format.table, "--format", help="table or json."),
    check: bool = typer.Option(True, "--check/--no-check", help="Ask the endpoint if it answers."),
) -> None:
    """Endpoint, model, reachability, stop switch and the token budget left today."""
    with transaction() as db:
        found = ai_status(db_session=db, check=check)
    if output is Format.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=False, box=None)
    engine = found["engine"]
    rows = [
        ("engine", f"{engine['name']} ({engine['model']})"),
        ("endpoint", found["endpoint"] or "none (offline engine)"),
        ("api key", found["api_key"]),
        ("reachable", {True: "yes", False: "no", None: "-"}[found["reachable"]]
         + f" ({found['reachability']})"),
        ("ai features", "on" if found["ai_enabled"] else f"OFF ({found['switch']['reason']})"),
        ("budget left today", f"{found['budget']['left']} of {found['budget']['daily_tokens']}"),
    ]
    for name, value in rows:
        table.add_row(name, escape(str(value)))
    out.print(table)


@ai_app.command("calls")
def calls(
    output: Format = typer.Option(Format.table, "--format", help="table or json."),
    limit: int = typer.Option(50, help="How many of the latest calls."),
    task: str = typer.Option("", help="Only calls of this task."),
) -> None:
    """The latest AI calls, newest first (numbers and hashes; never prompt or answer text)."""
    with transaction() as db:
        found = [records.call_as_dict(c)
                 for c in records.recent_calls(db_session=db, limit=limit, task=task)]
    if output is Format.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    table = Table()
    for name in ("id", "time (UTC)", "task", "engine / model", "outcome", "tokens", "ms"):
        table.add_column(name, overflow="fold")
    for call in found:
        engine, tokens = call["engine"], call["tokens"]
        assert isinstance(engine, dict) and isinstance(tokens, dict)
        table.add_row(*(escape(str(v)) for v in (
            call["id"], str(call["created_at"])[:16].replace("T", " "), call["task"],
            f"{engine['name']} / {engine['model']}", call["outcome"], tokens["total"],
            call["latency_ms"])))
    out.print(table)


@ai_app.command("try")
def try_call(
    language: str = typer.Option("en", help="nl or en."),
    output: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Send one small test call through the AI layer (model or offline engine) and show it."""
    failure: AIError | None = None
    with transaction() as db:  # a failed call's record is kept too
        try:
            result = selftest.run(db_session=db, language=language)
        except AIError as error:
            failure = error
    if failure is not None:
        fail(str(failure))
    if output is Format.json:
        sys.stdout.write(json.dumps({"text": result.text, "engine": result.engine.as_dict(),
                                     "call_id": result.call_id}, ensure_ascii=False) + "\n")
        return
    err.print(f"{result.engine.name} ({result.engine.model}):")
    sys.stdout.write(result.text + "\n")


@ai_app.command("stop")
def stop(
    reason: str = typer.Option("", help="Why (kept in the audit log)."),
    actor: str = typer.Option("", "--as", help="E-mail of the user to record."),
) -> None:
    """Switch every AI feature off at once; features then offer their manual path."""
    with transaction() as db:
        switch.stop(db_session=db, actor=actor_by_email(db, actor), reason=reason)
    err.print("AI features are off.")


@ai_app.command("start")
def start(
    reason: str = typer.Option("", help="Why (kept in the audit log)."),
    actor: str = typer.Option("", "--as", help="E-mail of the user to record."),
) -> None:
    """Switch the AI features on again."""
    with transaction() as db:
        switch.start(db_session=db, actor=actor_by_email(db, actor), reason=reason)
    err.print("AI features are on.")


def register(app: typer.Typer) -> None:
    app.add_typer(ai_app, name="ai")
