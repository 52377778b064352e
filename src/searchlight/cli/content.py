"""`searchlight content ...`: the inclusive-language check, text generation and role cards."""

import json
import sys
from pathlib import Path

import typer

from searchlight.cli.console import err, fail
from searchlight.content import engine, inclusive, service
from searchlight.content.schemas import EngineOut, FindingOut, GeneratedOut
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.roles import service as roles

content_app = typer.Typer(help="Content studio: texts, checks and role cards.",
                          no_args_is_help=True)
MAX_CHECK_BYTES = 5_000_000


def _language(language: str) -> str:
    if language not in inclusive.LANGUAGES:
        fail("--language must be nl or en")
    return language


@content_app.command("check")
def check(
    file: Path = typer.Argument(..., help="A text or Markdown file, in any encoding."),
    language: str = typer.Option(..., "--language", help="nl or en."),
    output: str = typer.Option("json", "--format", help="json or text."),
) -> None:
    """Inclusive-language findings (with offsets into the file's text) and readability."""
    _language(language)
    try:
        if file.stat().st_size > MAX_CHECK_BYTES:
            fail(f"{file} is larger than {MAX_CHECK_BYTES // 1_000_000} MB")
        text = inclusive.decode_bytes(file.read_bytes())
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
        return
    result = inclusive.analyse(text, language=language)
    if output == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    for finding in inclusive.check_text(text, language=language):
        sys.stdout.write(f"{finding.start}-{finding.end} {finding.category}: {finding.text!r} "
                         f"-> {finding.suggestion}\n")
    sys.stdout.write(f"readability: {json.dumps(result['readability'])}\n")


@content_app.command("generate")
def generate(
    kind: str = typer.Argument(..., help="vacancy, social or onboarding."),
    role: str = typer.Option(..., "--role", help="The role's key."),
    language: str = typer.Option("nl", "--language", help="nl or en."),
    output: str = typer.Option("json", "--format", help="json or markdown."),
    fallback: str = typer.Option("", "--fallback",
                                 help="'offline': use the offline engine if the endpoint fails."),
) -> None:
    """Write a text from the role's current version (printed, not stored)."""
    _language(language)
    if fallback not in ("", "offline"):
        fail("--fallback can only be 'offline'")
    try:
        with transaction() as db:
            found = roles.get_by_key(db_session=db, key=role)
            version = roles.get_current_version(db_session=db, role_id=found.id)
            title, written = service.write_text(
                db_session=db, role=found, version=version, kind=kind, language=language,
                fallback_offline=fallback == "offline")
    except engine.EngineUnavailable as error:
        fail(f"the text engine is not available: {error}")
        return
    except DomainError as error:
        fail(error.message)
        return
    findings = inclusive.check_text(written.text, language=language)
    result = GeneratedOut(
        kind=kind, role=role, role_version=version.number, language=language,  # type: ignore[arg-type]
        title=title, text=written.text,
        engine=EngineOut(name=written.engine_name, model=written.engine_model),
        findings=[FindingOut(**f.as_dict()) for f in findings])  # type: ignore[arg-type]
    if output == "json":
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(written.text)
        err.print(f"engine: {written.engine_name} ({written.engine_model}); "
                  f"{len(findings)} finding(s)")


@content_app.command("role-card")
def role_card(
    key: str = typer.Argument(..., help="The role's key."),
    language: str = typer.Option("nl", "--language", help="nl or en."),
    output: Path = typer.Option(..., "--output", help="Where to write the PDF."),
) -> None:
    """Write the role card (functiekaart) of the role's current version as a PDF."""
    _language(language)
    try:
        with transaction() as db:
            found = roles.get_by_key(db_session=db, key=key)
            data = service.role_card(db_session=db, role=found, language=language)
    except DomainError as error:
        fail(error.message)
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    err.print(f"wrote {output} ({len(data)} bytes)")


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
