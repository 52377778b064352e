"""File storage for candidate documents (CVs, letters, portfolios), addressed by content hash.

`store_document` is the one way in, for the upload form, the API and screening's batch
ingestion: it checks size and type before anything is written, and storing the same bytes
twice returns the document that is already there."""

import hashlib
import os
import re
import tempfile
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight.candidates.models import Document
from searchlight.config import Settings
from searchlight.errors import InvalidInput, PayloadTooLarge
from searchlight.screening.read.text import decode_text

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": DOCX,
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".json": "application/json",
}
ACCEPT = ",".join(MEDIA_TYPES)
_PDF_HEADER_WINDOW = 1024  # PDF readers accept some bytes of junk before the header
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")


def documents_dir(settings: Settings) -> Path:
    return settings.data_dir / "documents"


def document_path(document: Document, settings: Settings) -> Path:
    return documents_dir(settings) / document.storage_path


def clean_filename(filename: str) -> str:
    """The name without folders or control characters; browsers and zips can send either."""
    name = _UNSAFE_NAME.sub("_", PurePath(filename.replace("\\", "/")).name).strip(" .")
    return name[-255:] or "document"


def _looks_like(data: bytes, suffix: str) -> bool:
    if suffix == ".pdf":
        return b"%PDF-" in data[:_PDF_HEADER_WINDOW]
    if suffix == ".docx":
        return data.startswith(b"PK\x03\x04")
    # Text is recognised by its content, in any encoding screening reads (a byte order mark,
    # UTF-16 without one, UTF-8, Windows-1252, Latin-1), and refused when it is binary.
    return decode_text(data) is not None


def check_upload(*, data: bytes, filename: str, settings: Settings) -> str:
    """The media type of an acceptable upload; raises before anything is stored."""
    if len(data) > settings.max_upload_bytes:
        raise PayloadTooLarge(
            "The file is larger than the upload limit.",
            detail={"max_bytes": settings.max_upload_bytes, "size": len(data)},
        )
    if not data:
        raise InvalidInput("The file is empty.")
    suffix = PurePath(filename).suffix.lower()
    if suffix not in MEDIA_TYPES or not _looks_like(data, suffix):
        raise InvalidInput(
            "This file type is not supported: upload a PDF, Word (DOCX), text or Markdown file.",
            detail={"filename": clean_filename(filename), "accepted": list(MEDIA_TYPES)},
        )
    return MEDIA_TYPES[suffix]


def _write_once(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a document."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store_document(
    *, db_session: Session, data: bytes, filename: str, candidate_id: int | None,
    settings: Settings,
) -> Document:
    """Store `data` once by its SHA-256 and return its Document (new or existing).

    An existing document without a candidate is attached to `candidate_id`; one that already
    belongs to another candidate is returned unchanged (compare `candidate_id` to notice)."""
    media_type = check_upload(data=data, filename=filename, settings=settings)
    content_hash = hashlib.sha256(data).hexdigest()
    existing = db_session.scalar(select(Document).where(Document.content_hash == content_hash))
    if existing is None:
        name = clean_filename(filename)
        storage_path = f"{content_hash[:2]}/{content_hash}{PurePath(name).suffix.lower()}"
        _write_once(documents_dir(settings) / storage_path, data)
        document = Document(
            content_hash=content_hash, filename=name, media_type=media_type, size=len(data),
            storage_path=storage_path, candidate_id=candidate_id,
        )
        try:
            with db_session.begin_nested():
                db_session.add(document)
            return document
        except IntegrityError:  # the same file stored concurrently: use that one
            existing = db_session.scalars(
                select(Document).where(Document.content_hash == content_hash)
            ).one()
    if existing.candidate_id is None and candidate_id is not None:
        existing.candidate_id = candidate_id
        db_session.flush()
    return existing
