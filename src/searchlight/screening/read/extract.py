"""CV document extraction: bytes in, text plus flags out, or one clear ExtractionError.

Supported: PDF (PDFium), DOCX (python-docx, hardened), plain text and Markdown in any common
encoding, and JSON Resume. The type is decided by the content; a file whose name promises
another type is refused ("type_mismatch"), because a renamed file is either a mistake or an
attempt to reach a different parser.

Text without a text layer is never guessed: a PDF page (or a DOCX) with images but no text is
returned with a "needs_ocr" flag and no text for that page; a bare image file raises
ExtractionError("needs_ocr"), since there is no document to return.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from searchlight.screening.read.archive import iter_archive, iter_folder, open_zip
from searchlight.screening.read.document import (
    ExtractedDocument,
    ExtractionError,
    ExtractionLimits,
    Flag,
)
from searchlight.screening.read.docx import extract_docx
from searchlight.screening.read.filetypes import (
    DESCRIPTIONS,
    Kind,
    expected_kind,
    extension,
    is_encrypted_office_file,
    office_kind,
    sniff,
)
from searchlight.screening.read.hidden_text import HiddenSpan, spans_to_flags
from searchlight.screening.read.json_resume import is_json_resume, render_json_resume
from searchlight.screening.read.language import detect_language
from searchlight.screening.read.pdf import extract_pdf
from searchlight.screening.read.text import decode_text
from searchlight.screening.read.tricks import detect_keyword_stuffing, detect_prompt_injection

__all__ = [
    "ExtractedDocument",
    "ExtractionError",
    "ExtractionLimits",
    "Flag",
    "detect_keyword_stuffing",
    "detect_language",
    "detect_prompt_injection",
    "extract_document",
    "iter_archive",
    "iter_folder",
]

PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MARKDOWN_EXTENSIONS = {".md", ".markdown"}
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass
class _Body:
    text: str
    media_type: str
    page_count: int | None = None
    hidden: list[HiddenSpan] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def extract_document(
    data: bytes, filename: str, *, limits: ExtractionLimits = ExtractionLimits()
) -> ExtractedDocument:
    """The text of one CV file, with flags; raises only ExtractionError."""
    if len(data) > limits.max_file_bytes:
        raise ExtractionError(
            "too_large", f"{filename} is {len(data):,} bytes; at most "
            f"{limits.max_file_bytes:,} are accepted"
        )
    if not data.strip():
        raise ExtractionError("empty", f"{filename} is empty")
    body = _read_body(data, filename, limits)
    return _finish(body, data, filename, limits)


def _read_body(data: bytes, filename: str, limits: ExtractionLimits) -> _Body:
    kind = sniff(data)
    expected = expected_kind(filename)
    if kind is Kind.PDF:
        _require(filename, expected, Kind.PDF)
        return _pdf_body(data, limits)
    if kind is Kind.ZIP:
        return _zip_body(data, filename, expected, limits)
    if kind is Kind.TEXT:
        return _text_body(data, filename, expected)
    if kind is Kind.OLE and expected is Kind.DOCX and is_encrypted_office_file(data):
        raise ExtractionError(
            "encrypted", f"{filename} is protected with a password; ask for an unprotected copy"
        )
    _require(filename, expected, kind)
    if kind is Kind.IMAGE:
        raise ExtractionError(
            "needs_ocr", f"{filename} is an image; its text needs recognition (OCR) first"
        )
    raise ExtractionError(
        "unsupported", f"{filename} is {DESCRIPTIONS[kind]}; please upload a PDF or DOCX"
    )


def _require(filename: str, expected: Kind | None, actual: Kind) -> None:
    """Refuse a file whose extension promises something other than its content."""
    if expected is not None and expected is not actual:
        raise ExtractionError(
            "type_mismatch",
            f"{filename} is named like {DESCRIPTIONS[expected]} but contains "
            f"{DESCRIPTIONS[actual]}",
        )


def _pdf_body(data: bytes, limits: ExtractionLimits) -> _Body:
    content = extract_pdf(data, limits)
    if content.is_blank:
        raise ExtractionError("empty", "the PDF has no text and no images")
    body = _Body(content.text, PDF_MEDIA_TYPE, content.page_count, content.hidden)
    if content.pages_without_text:
        pages = ", ".join(str(page) for page in content.pages_without_text)
        body.flags.append(Flag(
            "needs_ocr",
            f"page(s) {pages} have no text layer (a scan, or text drawn as shapes); their "
            "text needs recognition (OCR) and has not been guessed",
        ))
    return body


def _zip_body(data: bytes, filename: str, expected: Kind | None, limits: ExtractionLimits) -> _Body:
    archive = open_zip(data, limits)
    kind = office_kind(archive.namelist())
    _require(filename, expected, kind)
    if kind is Kind.ZIP:
        raise ExtractionError(
            "unsupported", f"{filename} is a ZIP archive; add it as a batch to read each CV in it"
        )
    if kind is not Kind.DOCX:
        raise ExtractionError("unsupported", f"{filename} is {DESCRIPTIONS[kind]}")
    content = extract_docx(archive, data, limits)
    body = _Body(content.text, DOCX_MEDIA_TYPE, hidden=content.hidden)
    if not content.text.strip() and content.has_images:
        body.flags.append(Flag(
            "needs_ocr", "the document holds only images; its text needs recognition (OCR)"
        ))
    return body


def _text_body(data: bytes, filename: str, expected: Kind | None) -> _Body:
    text = decode_text(data)
    if text is None:
        if expected is None:
            raise ExtractionError("unsupported", f"{filename} is not a known document format")
        raise ExtractionError(
            "type_mismatch",
            f"{filename} is named like {DESCRIPTIONS[expected]} but contains binary data",
        )
    _require(filename, expected, Kind.TEXT)
    suffix = extension(filename)
    if suffix == ".json" or (expected is None and text.lstrip().startswith("{")):
        resume = _json_resume(text, filename, required=suffix == ".json")
        if resume is not None:
            return _Body(resume, "application/json")
    media_type = "text/markdown" if suffix in _MARKDOWN_EXTENSIONS else "text/plain"
    return _Body(text, media_type)


def _json_resume(text: str, filename: str, *, required: bool) -> str | None:
    """The JSON Resume as text; None if it is not one and the name did not promise one."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        if not required:
            return None
        raise ExtractionError("corrupt", f"{filename} is not valid JSON ({error})") from error
    if is_json_resume(document):
        return render_json_resume(document)
    if required:
        raise ExtractionError("unsupported", f"{filename} is JSON but not a JSON Resume")
    return None


def _finish(body: _Body, data: bytes, filename: str, limits: ExtractionLimits) -> ExtractedDocument:
    text = _clean(body.text)
    flags = list(body.flags)
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        flags.append(Flag("truncated", f"only the first {limits.max_text_chars:,} characters "
                                       "were read"))
    needs_ocr = any(flag.code == "needs_ocr" for flag in flags)
    if not text.strip() and not needs_ocr:
        raise ExtractionError("empty", f"{filename} contains no text")
    hidden = [HiddenSpan(span.code, _clean(span.text), span.where) for span in body.hidden]
    hidden = [span for span in hidden if span.text and span.text in text]
    hidden_spans = tuple(dict.fromkeys(span.text for span in hidden))
    flags += spans_to_flags(hidden)
    flags += detect_prompt_injection(text)
    flags += detect_keyword_stuffing(text)
    return ExtractedDocument(
        filename=filename,
        media_type=body.media_type,
        text=text,
        language=detect_language(_without(text, hidden_spans)),
        content_hash=hashlib.sha256(data).hexdigest(),
        flags=tuple(flags),
        page_count=body.page_count,
        hidden_spans=hidden_spans,
    )


def _clean(text: str) -> str:
    """Unix line ends, no control characters, no trailing spaces, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARACTERS.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _without(text: str, spans: tuple[str, ...]) -> str:
    for span in spans:
        text = text.replace(span, " ")
    return text
