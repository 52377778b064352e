"""Archives and folders of CVs: what is read, what is skipped, and what is refused."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from cvfiles import make_docx, make_pdf, make_zip
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlight.screening.read.extract import (
    ExtractionError,
    ExtractionLimits,
    extract_document,
    iter_archive,
    iter_folder,
)

_LOCAL_HEADER = b"PK\x03\x04"
_CENTRAL_HEADER = b"PK\x01\x02"


def entries(data: bytes, **limits: int | float) -> dict[str, bytes | str]:
    """name -> bytes, or the error code for entries that could not be read."""
    found = iter_archive(data, "cvs.zip", limits=ExtractionLimits(**limits))  # type: ignore[arg-type]
    return {name: item.code if isinstance(item, ExtractionError) else item for name, item in found}


def archive_error(data: bytes, **limits: int | float) -> ExtractionError:
    with pytest.raises(ExtractionError) as error:
        entries(data, **limits)
    return error.value


def test_it_yields_the_documents_sorted_and_skips_junk() -> None:
    pdf, docx = make_pdf(["Anna"]), make_docx(["Bram"])
    archive = make_zip({
        "z/bram.docx": docx, "anna.pdf": pdf, "z/": b"", "__MACOSX/z/._bram.docx": b"junk",
        ".DS_Store": b"junk", "z/~$bram.docx": b"lock", "Thumbs.db": b"junk",
        "z/.hidden/cv.pdf": pdf,
    })

    assert entries(archive) == {"anna.pdf": pdf, "z/bram.docx": docx}


def test_it_reports_nested_archives_without_expanding_them() -> None:
    inner = make_zip({"cv.pdf": make_pdf(["Inner"])})
    archive = make_zip({"more.zip": inner, "renamed.bin": inner, "cv.docx": make_docx(["Real"])})

    found = entries(archive)

    assert found["more.zip"] == "unsupported"
    assert found["renamed.bin"] == "unsupported"
    assert isinstance(found["cv.docx"], bytes)


def test_it_refuses_a_zip_bomb_by_its_compression_ratio() -> None:
    error = archive_error(make_zip({"cv.txt": bytes(5 * 1024 * 1024)}))

    assert error.code == "archive_bomb"
    assert "compressed" in error.message


def test_it_refuses_one_bomb_entry_and_reads_the_others() -> None:
    archive = make_zip({"photo.raw": os.urandom(200_000), "bomb.txt": bytes(3 * 1024 * 1024)})

    found = entries(archive)

    assert found["bomb.txt"] == "archive_bomb"
    assert isinstance(found["photo.raw"], bytes)


def test_it_refuses_an_archive_that_unpacks_too_large() -> None:
    archive = make_zip({"a.txt": b"A" * 600, "b.txt": b"B" * 600})

    assert len(archive) < 1000
    assert archive_error(archive, max_archive_total_bytes=1000).code == "archive_bomb"


def test_it_refuses_an_archive_with_too_many_entries() -> None:
    archive = make_zip({f"cv{index}.txt": b"cv" for index in range(4)})

    assert archive_error(archive, max_archive_entries=3).code == "archive_bomb"


def test_it_refuses_an_entry_larger_than_a_single_document_may_be() -> None:
    archive = make_zip({"big.pdf": os.urandom(2000), "small.txt": b"fine"})

    assert entries(archive, max_file_bytes=1000) == {"big.pdf": "too_large", "small.txt": b"fine"}


def test_it_refuses_an_entry_that_lies_about_its_size() -> None:
    archive = _patch_headers(make_zip({"cv.txt": b"A" * 5000}), size=100)

    assert entries(archive)["cv.txt"] in {"corrupt", "archive_bomb"}


def test_it_reports_password_protected_entries() -> None:
    archive = _patch_headers(make_zip({"cv.txt": b"secret"}), flags_on=0x1)

    assert entries(archive) == {"cv.txt": "encrypted"}


def test_it_repairs_utf8_names_written_without_the_utf8_flag() -> None:
    archive = _patch_headers(make_zip({"CV_José.pdf": b"x"}), flags_off=0x800)

    assert list(entries(archive)) == ["CV_José.pdf"]


@pytest.mark.parametrize(("content", "code"), [(b"not a zip at all", "type_mismatch"),
                                               (b"PK\x03\x04broken", "corrupt")])
def test_it_refuses_what_is_not_a_readable_zip(content: bytes, code: str) -> None:
    assert archive_error(content).code == code


def test_it_walks_a_folder_recursively_in_sorted_order_and_expands_zips(tmp_path: Path) -> None:
    pdf, docx = make_pdf(["Anna"]), make_docx(["Bram"])
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "bram.docx").write_bytes(docx)
    (tmp_path / "b" / ".notes.txt").write_bytes(b"private")
    (tmp_path / ".git" / "config").write_bytes(b"[core]")
    (tmp_path / "anna.pdf").write_bytes(pdf)
    (tmp_path / "c.zip").write_bytes(make_zip({"y.txt": b"Yara", "x.pdf": pdf}))
    (tmp_path / "link.pdf").symlink_to(tmp_path / "anna.pdf")

    found = list(iter_folder(tmp_path))

    assert found == [("anna.pdf", pdf), ("b/bram.docx", docx), ("c.zip/x.pdf", pdf),
                     ("c.zip/y.txt", b"Yara")]


def test_it_reports_unreadable_files_in_a_folder_and_carries_on(tmp_path: Path) -> None:
    (tmp_path / "big.pdf").write_bytes(bytes(2000))
    (tmp_path / "bomb.zip").write_bytes(make_zip({"z.txt": bytes(2 * 1024 * 1024)}))
    (tmp_path / "ok.txt").write_bytes(b"Fine")

    found = {name: item for name, item in iter_folder(tmp_path,
                                                      limits=ExtractionLimits(max_file_bytes=1000))}

    assert isinstance(found["big.pdf"], ExtractionError) and found["big.pdf"].code == "too_large"
    assert isinstance(found["bomb.zip"], ExtractionError)
    assert found["bomb.zip"].code == "archive_bomb"
    assert found["ok.txt"] == b"Fine"


def test_it_extracts_every_document_of_an_archive() -> None:
    archive = make_zip({"anna.pdf": make_pdf(["Anna Jansen, data engineer in Utrecht."]),
                        "bram.docx": make_docx(["Bram Visser, ML engineer in Zwolle."])})

    texts = [extract_document(item, name).text for name, item in iter_archive(archive, "cvs.zip")
             if isinstance(item, bytes)]

    assert texts == ["Anna Jansen, data engineer in Utrecht.",
                     "Bram Visser, ML engineer in Zwolle."]


def _patch_headers(data: bytes, *, size: int | None = None, flags_on: int = 0,
                   flags_off: int = 0) -> bytes:
    """Rewrite the general-purpose flags and the declared uncompressed size of every member,
    in both the local headers and the central directory, as a hand-crafted archive would."""
    patched = bytearray(data)
    for signature, flags_offset, size_offset in ((_LOCAL_HEADER, 6, 22),
                                                  (_CENTRAL_HEADER, 8, 24)):
        start = patched.find(signature)
        while start != -1:
            (flags,) = struct.unpack_from("<H", patched, start + flags_offset)
            struct.pack_into("<H", patched, start + flags_offset, (flags | flags_on) & ~flags_off)
            if size is not None:
                struct.pack_into("<I", patched, start + size_offset, size)
            start = patched.find(signature, start + 4)
    return bytes(patched)


_ARCHIVE = make_zip({"anna.pdf": make_pdf(["Anna"]), "notes/bram.txt": b"Bram " * 200,
                     "cora.docx": make_docx(["Cora"])})


@settings(max_examples=300, deadline=None)
@given(
    changes=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                     min_size=1, max_size=20),
    cut=st.floats(0.05, 1.0),
)
def test_it_raises_only_extraction_errors_on_damaged_archives(
    changes: list[tuple[float, int]], cut: float
) -> None:
    data = bytearray(_ARCHIVE)
    for position, value in changes:
        data[int(position * len(data))] = value
    try:
        found = list(iter_archive(bytes(data[: max(1, int(len(data) * cut))]), "cvs.zip"))
    except ExtractionError:
        return
    assert all(isinstance(item, bytes | ExtractionError) for _, item in found)
