"""Decide what a file really is from its first bytes, and what its name promises."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath


class Kind(StrEnum):
    PDF = "pdf"
    ZIP = "zip"  # a ZIP container: DOCX, another Office format, or a plain archive
    DOCX = "docx"
    OTHER_OFFICE = "other_office"  # XLSX, PPTX, ODT... recognised so the error can say so
    OLE = "ole"  # legacy .doc/.xls, and password-protected Office files
    RTF = "rtf"
    IMAGE = "image"
    OTHER_ARCHIVE = "other_archive"
    TEXT = "text"  # no magic bytes: plain text, Markdown or JSON if it decodes as text


DESCRIPTIONS = {
    Kind.PDF: "a PDF",
    Kind.ZIP: "a ZIP archive",
    Kind.DOCX: "a Word (DOCX) document",
    Kind.OTHER_OFFICE: "an Office document that is not a Word document",
    Kind.OLE: "a legacy Office file (such as .doc)",
    Kind.RTF: "an RTF document",
    Kind.IMAGE: "an image",
    Kind.OTHER_ARCHIVE: "a compressed archive",
    Kind.TEXT: "text",
}

_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"PK\x03\x04", Kind.ZIP),
    (b"PK\x05\x06", Kind.ZIP),  # an empty archive
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Kind.OLE),
    (b"{\\rtf", Kind.RTF),
    (b"\x89PNG\r\n\x1a\n", Kind.IMAGE),
    (b"\xff\xd8\xff", Kind.IMAGE),
    (b"GIF87a", Kind.IMAGE),
    (b"GIF89a", Kind.IMAGE),
    (b"II*\x00", Kind.IMAGE),
    (b"MM\x00*", Kind.IMAGE),
    (b"\x1f\x8b", Kind.OTHER_ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", Kind.OTHER_ARCHIVE),
    (b"Rar!\x1a\x07", Kind.OTHER_ARCHIVE),
)

# PDF readers accept up to 1 KB of junk before the header, and so do real-world PDFs.
_PDF_HEADER_WINDOW = 1024

_EXPECTED_KIND = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".markdown": Kind.TEXT,
    ".json": Kind.TEXT,
    ".zip": Kind.ZIP,
    ".doc": Kind.OLE,
    ".rtf": Kind.RTF,
    ".xlsx": Kind.OTHER_OFFICE,
    ".pptx": Kind.OTHER_OFFICE,
    ".odt": Kind.OTHER_OFFICE,
    ".png": Kind.IMAGE,
    ".jpg": Kind.IMAGE,
    ".jpeg": Kind.IMAGE,
    ".gif": Kind.IMAGE,
    ".tif": Kind.IMAGE,
    ".tiff": Kind.IMAGE,
    ".webp": Kind.IMAGE,
}

# OLE directory entries are UTF-16 names; this one marks an encrypted OOXML package.
_ENCRYPTED_PACKAGE_STREAM = "EncryptedPackage".encode("utf-16-le")


def sniff(data: bytes) -> Kind:
    """The kind of content judged by magic bytes; TEXT when there are none."""
    if data.find(b"%PDF-", 0, _PDF_HEADER_WINDOW) != -1:
        return Kind.PDF
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return Kind.IMAGE
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return Kind.TEXT


def expected_kind(filename: str) -> Kind | None:
    """The kind the file name promises, or None when the extension is absent or unknown."""
    return _EXPECTED_KIND.get(extension(filename))


def extension(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def is_encrypted_office_file(data: bytes) -> bool:
    return _ENCRYPTED_PACKAGE_STREAM in data


def office_kind(member_names: list[str]) -> Kind:
    """DOCX, another Office format, or a plain ZIP, judged by the names inside the container."""
    names = set(member_names)
    if "[Content_Types].xml" in names:
        if any(name.startswith("word/") for name in names):
            return Kind.DOCX
        return Kind.OTHER_OFFICE
    if "mimetype" in names:  # OpenDocument
        return Kind.OTHER_OFFICE
    return Kind.ZIP
