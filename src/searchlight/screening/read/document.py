"""The value types of CV document extraction: limits, flags, results and the one error type."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionLimits:
    """Hard limits that keep one hostile upload from exhausting a screening worker."""

    max_file_bytes: int = 10 * 1024 * 1024
    max_archive_entries: int = 5000
    max_archive_total_bytes: int = 500 * 1024 * 1024  # decompressed
    max_compression_ratio: float = 100.0
    max_pdf_pages: int = 50
    max_text_chars: int = 200_000


@dataclass(frozen=True)
class Flag:
    """Something a human (or the scorer) should know about a document.

    Codes: "hidden_text", "tiny_text", "off_page_text", "keyword_stuffing", "prompt_injection",
    "needs_ocr", "truncated".
    """

    code: str
    message: str
    evidence: str | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    """The text of one CV document and what was noticed while reading it.

    `text` includes hidden text (white, tiny, off-page, vanished): it is what the file contains.
    `hidden_spans` lists those hidden strings exactly as they occur in `text`, so scoring can
    strip them; the matching flags explain why each was hidden.
    """

    filename: str
    media_type: str
    text: str
    language: str  # "nl" | "en" | "unknown"
    content_hash: str  # sha256 hex of the raw bytes
    flags: tuple[Flag, ...]
    page_count: int | None
    hidden_spans: tuple[str, ...] = ()

    def has_flag(self, code: str) -> bool:
        return any(flag.code == code for flag in self.flags)


class ExtractionError(Exception):
    """A document that cannot be read; `code` is stable for programs, `message` is for people.

    Codes: "too_large", "encrypted", "corrupt", "empty", "type_mismatch", "unsupported",
    "archive_bomb", "xml_entities", "unreadable" (a file in a folder could not be read).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[ExtractionError], tuple[str, str]]:
        # Batch screening runs in worker processes: the error must survive pickling.
        return (ExtractionError, (self.code, self.message))
