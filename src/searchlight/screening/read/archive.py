"""Safe reading of ZIP containers (archives of CVs, and DOCX files) and of folders of CVs.

Sizes are checked in the central directory before anything is decompressed, and again while
decompressing, because the declared sizes are written by whoever made the archive.
"""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from searchlight.screening.read.document import ExtractionError, ExtractionLimits
from searchlight.screening.read.filetypes import DESCRIPTIONS, Kind, expected_kind, extension, sniff

# The compression ratio of a small member says nothing about danger (a page of spaces
# compresses 1000:1), so the ratio is only judged above this size.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
_CHUNK_BYTES = 64 * 1024
_UTF8_NAME_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_JUNK_NAMES = {"__macosx", "thumbs.db", "desktop.ini"}
_ARCHIVE_EXTENSIONS = {".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz"}
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)

Entry = tuple[str, bytes | ExtractionError]


def open_zip(data: bytes, limits: ExtractionLimits) -> zipfile.ZipFile:
    """Open a ZIP container whose central directory is within the limits (nothing is
    decompressed yet)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, UnicodeDecodeError) as error:
        raise ExtractionError("corrupt", f"the ZIP container is damaged ({error})") from error
    members = archive.infolist()
    if len(members) > limits.max_archive_entries:
        raise ExtractionError(
            "archive_bomb",
            f"{len(members)} entries in the ZIP container; at most "
            f"{limits.max_archive_entries} are accepted",
        )
    declared_total = sum(member.file_size for member in members)
    if declared_total > limits.max_archive_total_bytes:
        raise ExtractionError(
            "archive_bomb",
            f"the ZIP container unpacks to {declared_total:,} bytes; at most "
            f"{limits.max_archive_total_bytes:,} are accepted",
        )
    compressed_total = sum(member.compress_size for member in members)
    _check_ratio(declared_total, compressed_total, limits, "the ZIP container")
    return archive


def read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ExtractionLimits, max_bytes: int
) -> bytes:
    """Decompress one member, refusing to produce more than it declared or than max_bytes."""
    if member.flag_bits & _ENCRYPTED_FLAG:
        raise ExtractionError("encrypted", f"{member.filename} is password protected")
    if member.file_size > max_bytes:
        raise ExtractionError(
            "too_large", f"{member.filename} unpacks to {member.file_size:,} bytes; "
            f"at most {max_bytes:,} are accepted"
        )
    _check_ratio(member.file_size, member.compress_size, limits, member.filename)
    chunks: list[bytes] = []
    produced = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                produced += len(chunk)
                if produced > member.file_size:
                    raise ExtractionError(
                        "archive_bomb", f"{member.filename} unpacks to more than it declares"
                    )
                chunks.append(chunk)
    except NotImplementedError as error:  # e.g. Deflate64 or bzip2-in-zip variants
        raise ExtractionError("unsupported", f"{member.filename}: {error}") from error
    except _READ_ERRORS as error:
        raise ExtractionError("corrupt", f"{member.filename} is damaged ({error})") from error
    return b"".join(chunks)


def _check_ratio(unpacked: int, packed: int, limits: ExtractionLimits, what: str) -> None:
    if unpacked < RATIO_CHECK_MIN_BYTES:
        return
    ratio = unpacked / max(packed, 1)
    if ratio > limits.max_compression_ratio:
        raise ExtractionError(
            "archive_bomb",
            f"{what} is compressed {ratio:,.0f} to 1; at most "
            f"{limits.max_compression_ratio:,.0f} to 1 is accepted",
        )


def iter_archive(
    data: bytes, filename: str, *, limits: ExtractionLimits = ExtractionLimits()
) -> Iterator[Entry]:
    """The files in a ZIP archive of CVs, sorted by name, each as bytes or as the reason it
    could not be read.

    Raises ExtractionError at once when the archive as a whole is unacceptable (not a ZIP,
    damaged, too many entries, unpacks too large or too well). Directories, macOS resource
    forks (__MACOSX), hidden files, Office lock files (~$...) and Thumbs.db are skipped;
    nested archives are reported per entry and not expanded.
    """
    if len(data) > limits.max_archive_total_bytes:
        raise ExtractionError("too_large", f"{filename} is larger than the archive limit")
    kind = sniff(data)
    if kind is not Kind.ZIP:
        raise ExtractionError("type_mismatch", f"{filename} is {DESCRIPTIONS[kind]}, not a ZIP")
    archive = open_zip(data, limits)
    return _iter_members(archive, limits)


def _iter_members(archive: zipfile.ZipFile, limits: ExtractionLimits) -> Iterator[Entry]:
    members = sorted(archive.infolist(), key=_member_name)
    for member in members:
        name = _member_name(member)
        if member.is_dir() or _is_junk(name):
            continue
        if extension(name) in _ARCHIVE_EXTENSIONS:
            yield name, _nested_archive_error(name)
            continue
        try:
            content = read_member(archive, member, limits, limits.max_file_bytes)
        except ExtractionError as error:
            yield name, error
            continue
        if sniff(content) in (Kind.ZIP, Kind.OTHER_ARCHIVE) and expected_kind(name) in (
            None, Kind.ZIP,
        ):
            yield name, _nested_archive_error(name)
            continue
        yield name, content


def _nested_archive_error(name: str) -> ExtractionError:
    return ExtractionError(
        "unsupported", f"{name} is an archive inside an archive; unpack it first"
    )


def _member_name(member: zipfile.ZipInfo) -> str:
    name = member.filename
    if not member.flag_bits & _UTF8_NAME_FLAG:
        # Many zip tools write UTF-8 names without setting the flag, which zipfile then
        # decodes as CP437 ("CV_Jos\u251c\u00ae.pdf" for "CV_José.pdf").
        with contextlib.suppress(UnicodeError):
            name = name.encode("cp437").decode("utf-8")
    return name.replace("\\", "/").lstrip("/")


def _is_junk(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(
        part.startswith((".", "~$")) or part.lower() in _JUNK_NAMES for part in parts
    )


def iter_folder(path: Path, *, limits: ExtractionLimits = ExtractionLimits()) -> Iterator[Entry]:
    """Every file under a folder, recursively and sorted by relative path, each as bytes or as
    the reason it could not be read. ZIP archives are expanded ("cvs.zip/anna.pdf").

    Hidden files and folders and symbolic links are skipped (links could point anywhere,
    including back up the tree).
    """
    root = Path(path)
    if not root.is_dir():
        raise ExtractionError("unreadable", f"{root} is not a folder")
    for relative in _relative_files(root):
        name = relative.as_posix()
        is_archive = extension(name) == ".zip"
        max_bytes = limits.max_archive_total_bytes if is_archive else limits.max_file_bytes
        try:
            content = _read_file(root / relative, max_bytes)
            if is_archive:
                for member_name, member in iter_archive(content, name, limits=limits):
                    yield f"{name}/{member_name}", member
                continue
        except ExtractionError as error:
            yield name, error
            continue
        yield name, content


def _relative_files(root: Path) -> list[Path]:
    files = []
    for directory, subdirectories, filenames in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if not _is_junk(name)]
        for filename in filenames:
            full_path = Path(directory, filename)
            if not _is_junk(filename) and not full_path.is_symlink():
                files.append(full_path.relative_to(root))
    return sorted(files, key=lambda relative: relative.parts)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractionError(
                "too_large", f"{path.name} is {size:,} bytes; at most {max_bytes:,} are accepted"
            )
        return path.read_bytes()
    except OSError as error:
        raise ExtractionError("unreadable", f"{path.name} could not be read ({error})") from error
