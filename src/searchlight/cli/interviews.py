"""`searchlight interviews transcript --candidate ID FILE`: a call or interview transcript as
evidence on the candidate's timeline."""

import json
import sys
from pathlib import Path

import typer

from searchlight.candidates.models import Candidate
from searchlight.cli.console import fail
from searchlight.db import transaction
from searchlight.errors import DomainError
from searchlight.interviews import service

interviews_app = typer.Typer(help="Interview transcripts as evidence.", no_args_is_help=True)


@interviews_app.command("transcript")
def transcript(
    file: Path = typer.Argument(..., help="Plain text, WebVTT (.vtt) or SRT (.srt) transcript."),
    candidate: int = typer.Option(..., "--candidate", help="The candidate's id."),
    recruiter: str = typer.Option("", "--recruiter", help="The recruiter's name as spoken."),
    kind: str = typer.Option("call", "--kind", help="call or interview"),
    language: str = typer.Option("en", "--language", help="nl or en: the summary's language"),
    output: str = typer.Option("text", "--format", help="text or json"),
) -> None:
    """Summarise a transcript, extract SEARCH evidence with quotes, redact third parties, flag
    injection text and add it to the candidate's timeline for review."""
    try:
        data = file.read_bytes()
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or ''}")
    try:
        with transaction() as db:
            found = db.get(Candidate, candidate)
            if found is None:
                fail(f"no candidate with id {candidate}")
            stored = service.upload_transcript(
                db_session=db, actor=None, candidate=found, data=data, filename=file.name,
                language=language, kind=kind, recruiter_name=recruiter)
            result = service.transcript_json(stored)
    except DomainError as error:
        fail(error.message)
    if output == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write(f"transcript {result['id']}: {result['summary']}\n")
    for item in result["evidence"]:
        sys.stdout.write(f"  {item['dimension']}: \"{item['quote']}\"\n")
    for flag in result["flags"]:
        sys.stdout.write(f"  flag {flag['code']}: {flag['message']}\n")


def register(app: typer.Typer) -> None:
    app.add_typer(interviews_app, name="interviews")
