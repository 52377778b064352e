"""`searchlight anonymise FILE...`: the redacted text of CV files, without a database."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from searchlight.screening.anonymise import anonymise
from searchlight.screening.read.document import ExtractionError
from searchlight.screening.read.extract import extract_document
from searchlight.screening.read.text import decode_text

_PLAIN_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def _read_text(path: Path) -> tuple[str, str | None]:
    """The text to anonymise and its language, if known. Offsets refer to this text: for a
    plain-text file the file's own decoded text, for a PDF or DOCX the extracted text."""
    if path.is_dir():
        raise ExtractionError("unsupported", f"{path} is a folder")
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ExtractionError("not_found", f"{path} does not exist") from error
    except OSError as error:
        raise ExtractionError("unreadable", f"{path} cannot be read: {error.strerror}") from error
    if path.suffix.lower() in _PLAIN_TEXT_SUFFIXES:
        return _decode_plain_text(data, path), None
    document = extract_document(data, path.name)
    return document.text, None if document.language == "unknown" else document.language


def _decode_plain_text(data: bytes, path: Path) -> str:
    # UTF-8 as it is, so offsets count the file's own characters (line ends included); other
    # encodings go through the extractor's decoder.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_text(data)
    if text is None:
        raise ExtractionError("corrupt", f"{path.name} is not a text file")
    return text


def _result(source: str, path: Path) -> dict[str, Any]:
    try:
        text, language = _read_text(path)
    except ExtractionError as error:
        return {"source": source, "error": error.code, "message": error.message}
    redaction = anonymise(text, language=language)
    entities = [{"type": e.type, "start": e.start, "end": e.end} for e in redaction.entities]
    return {"source": source, "text": redaction.text, "entities": entities}


def anonymise_files(
    files: Annotated[list[Path], typer.Argument(help="CV files: PDF, DOCX, TXT or Markdown.",
                                                show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="json: one JSON object per line; text: the redacted text.",
    )] = OutputFormat.json,
) -> None:
    """Replace personal data in CV files with placeholders such as [PERSON] and [EMAIL].

    Every file is processed; the command exits with status 1 when any of them could not be read.
    """
    failed = False
    for path in files:
        result = _result(str(path), path)
        failed = failed or "error" in result
        if output_format is OutputFormat.json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        elif "error" in result:
            typer.echo(f"{result['source']}: {result['error']}: {result['message']}", err=True)
        else:
            if len(files) > 1:
                typer.echo(f"==> {result['source']} <==")
            typer.echo(result["text"])
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("anonymise")(anonymise_files)
