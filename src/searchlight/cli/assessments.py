"""`searchlight assessments ...`: import and list challenges, grade a file of answers."""

import json
import sys
from pathlib import Path

import typer
from pydantic import BaseModel, Field, ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from searchlight.assessments import service
from searchlight.assessments.grading import OfflineEngine, grade_answer
from searchlight.assessments.grading.guard import GuardFinding
from searchlight.assessments.grading.llm import grade_all_with_model
from searchlight.assessments.schemas import Challenge
from searchlight.assessments.yaml_io import parse_challenge
from searchlight.cli.console import err, fail
from searchlight.config import get_settings
from searchlight.db import COMMITS_BEFORE_SLOW_CALLS, transaction
from searchlight.errors import DomainError

assessments_app = typer.Typer(help="Assessment challenges and grading.", no_args_is_help=True)
MAX_ANSWER_CHARS = 50_000


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path}: {error}")
        raise AssertionError from error  # fail() always exits


@assessments_app.command("import")
def import_challenges(
    file: Path = typer.Argument(..., help="A YAML file with one challenge or 'challenges:'."),
) -> None:
    """Create challenges, or add a version when a challenge changed (identical = no change)."""
    text = _read(file)
    try:
        with transaction() as db:
            results = service.import_text(db_session=db, actor=None, text=text,
                                          source=str(file))
            lines = [f"{r.status:<9} {r.challenge.key} (version {r.challenge.version})"
                     for r in results]
    except DomainError as error:
        fail(error.message)
        return
    for line in lines:
        err.print(line)


@assessments_app.command("list")
def list_challenges(
    output: str = typer.Option("table", "--format", help="table or json."),
    role: str = typer.Option("", help="Only challenges for this role key."),
) -> None:
    """List challenges with their role keys and rubric items."""
    if output not in ("table", "json"):
        fail("--format must be table or json")
    with transaction() as db:
        rows = [service.listing(row) for row in
                service.list_challenges(db_session=db, role_key=role or None)]
    if output == "json":
        data = [row.model_dump(mode="json") for row in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("key", "language", "roles", "minutes", "questions", "items",
                  title=f"{len(rows)} challenges")
    for row in rows:
        table.add_row(row.key, row.language, ", ".join(row.role_keys),
                      str(row.time_limit_minutes or "-"), str(len(row.questions)),
                      str(len(row.items)))
    Console(width=160).print(table)


class AnswerLine(BaseModel):
    id: str | int
    question: str
    answer: str = Field(max_length=MAX_ANSWER_CHARS)


def _bad_line(path: Path, number: int, raw: str) -> tuple[str | int | None, str | None, str]:
    """(id, question, located error) of a line that cannot be graded; the id and question are
    kept when the line is a JSON object that has them, so the error line can be matched up."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        return None, None, f"{path}:{number}: not valid JSON ({error.msg})"
    if not isinstance(data, dict):
        return None, None, f"{path}:{number}: expected an object with id, question and answer"
    try:
        AnswerLine.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or "(line)"
        ident = data.get("id") if isinstance(data.get("id"), str | int) else None
        question = data.get("question") if isinstance(data.get("question"), str) else None
        return ident, question, f"{path}:{number}: {field}: {problem['msg']}"
    raise AssertionError("a valid line is not a bad line")


def _answers(path: Path) -> list[tuple[int, str, AnswerLine | None]]:
    """(line number, raw line, the answer or None when the line is bad), blank lines skipped."""
    rows: list[tuple[int, str, AnswerLine | None]] = []
    for number, raw in enumerate(_read(path).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rows.append((number, raw, AnswerLine.model_validate_json(raw)))
        except ValidationError:
            rows.append((number, raw, None))
    return rows


def _waiting(ident: str | int | None, question: str | None, engine: dict[str, str],
             flag: GuardFinding) -> dict[str, object]:
    """A line in the issue's shape for an answer nothing could be proposed for."""
    return {"id": None if ident is None else str(ident), "question": question, "levels": {},
            "score": None, "evidence": [], "engine": engine, "needs_human": True,
            "flags": [flag.as_flag()]}


def _without_anchors(challenge: Challenge) -> Challenge:
    return challenge.model_copy(update={"questions": [
        question.model_copy(update={"items": [
            item.model_copy(update={"levels": [
                level.model_copy(update={"examples": []}) for level in item.levels]})
            for item in question.items]})
        for question in challenge.questions]})


@assessments_app.command("grade")
def grade(
    answers: Path = typer.Argument(..., help='JSON lines: {"id", "question", "answer"}.'),
    rubric: Path = typer.Option(..., "--rubric", help="The challenge YAML with the rubric."),
    output: str = typer.Option("json", "--format", help="json (one line per answer)."),
    anchors: bool = typer.Option(True, help="Use the rubric's anchor answers."),
    engine: str = typer.Option("auto", "--engine", help=(
        "auto (the configured AI endpoint, else the offline engine), offline or model.")),
) -> None:
    """Grade a file of answers; prints one JSON line per answer, in the file's order.

    A line that is not a valid answer gets a line of the same shape with an `invalid_line` flag
    (and its located error on stderr); every other line is still graded. With the model, an
    endpoint that fails leaves every answer waiting for a human (`needs_human`, no levels).
    Exit code 1 when any line was invalid."""
    if output != "json":
        fail("--format must be json")
    if engine not in ("auto", "offline", "model"):
        fail("--engine must be auto, offline or model")
    configured = bool(get_settings().llm_base_url)
    if engine == "model" and not configured:
        fail("no AI endpoint is configured (SEARCHLIGHT_LLM_BASE_URL); use --engine offline")
    try:
        challenge = parse_challenge(_read(rubric), source=str(rubric))
    except DomainError as error:
        fail(error.message)
        return
    if not anchors:
        challenge = _without_anchors(challenge)
    rows = _answers(answers)
    offline = OfflineEngine(use_anchors=anchors)
    use_model = engine == "model" or (engine == "auto" and configured)
    names = {"name": offline.name, "model": offline.model}
    gradable = [(line, question) for _number, _raw, line in rows if line is not None
                and (question := challenge.question(line.question)) is not None]
    if use_model:
        with transaction() as db:
            # Its only writes are the AI layer's records of each call: on SQLite they are kept
            # before the next call, so no call runs with the write lock held.
            db.info[COMMITS_BEFORE_SLOW_CALLS] = True
            graded = grade_all_with_model(
                db_session=db, answers=[(question, line.answer) for line, question in gradable],
                language=challenge.language, offline=offline)
        names = {"name": graded[0].engine_name, "model": graded[0].engine_model} \
            if graded else names
    else:
        graded = [grade_answer(question, line.answer, offline) for line, question in gradable]
    results = iter(graded)
    invalid = 0
    for number, raw, line in rows:
        if line is None:
            invalid += 1
            ident, question_key, message = _bad_line(answers, number, raw)
            err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
            result = _waiting(ident, question_key, names,
                              GuardFinding("invalid_line", message, "", 0, 0))
        elif challenge.question(line.question) is None:
            result = _waiting(line.id, line.question, names, GuardFinding(
                "unknown_question", f"the rubric has no question {line.question}", "", 0, 0))
        else:
            result = next(results).as_line(str(line.id))
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    if invalid:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(assessments_app, name="assessments")
