"""File types, encodings, JSON Resume, limits, and the promise to raise only ExtractionError."""

from __future__ import annotations

import hashlib
import io
import json
import pickle

import pytest
from cvfiles import FictionalCV, make_docx, make_json_resume, make_pdf, make_zip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from searchlight.screening.read.extract import ExtractionError, ExtractionLimits, extract_document


def error_code(data: bytes, filename: str, **kwargs: object) -> str:
    with pytest.raises(ExtractionError) as error:
        extract_document(data, filename, **kwargs)  # type: ignore[arg-type]
    return error.value.code


# --- type sniffing ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "filename", "promised", "found"),
    [
        (make_zip({"cv.txt": b"hello"}), "cv.pdf", "a PDF", "a ZIP archive"),
        (b"Just some text about me, an engineer.", "cv.docx", "a Word (DOCX) document", "text"),
        (make_pdf(["A PDF in disguise"]), "cv.txt", "text", "a PDF"),
        (make_pdf(["A PDF in disguise"]), "cv.docx", "a Word (DOCX) document", "a PDF"),
        (make_docx(["A DOCX in disguise"]), "cv.pdf", "a PDF", "a Word (DOCX) document"),
    ],
)
def test_it_refuses_a_file_whose_name_promises_another_type(
    content: bytes, filename: str, promised: str, found: str
) -> None:
    with pytest.raises(ExtractionError) as error:
        extract_document(content, filename)

    assert error.value.code == "type_mismatch"
    assert error.value.message == f"{filename} is named like {promised} but contains {found}"


def test_it_refuses_binary_data_named_as_text() -> None:
    assert error_code(bytes(range(256)) * 4, "cv.txt") == "type_mismatch"


def test_it_trusts_the_content_when_the_name_has_no_known_extension(
    english_cv: FictionalCV,
) -> None:
    document = extract_document(make_pdf(english_cv.paragraphs), "CV Emily (final)")

    assert document.media_type == "application/pdf"


def test_it_refuses_a_plain_zip_archive_as_a_document() -> None:
    assert error_code(make_zip({"a.pdf": b"%PDF-"}), "cvs.zip") == "unsupported"


def test_it_refuses_a_legacy_word_document() -> None:
    assert error_code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cv.doc") == "unsupported"


def test_it_says_an_image_needs_ocr() -> None:
    image = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(image, format="PNG")

    assert error_code(image.getvalue(), "cv.png") == "needs_ocr"


# --- empty and oversized ---------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\t ", "\ufeff".encode("utf-16")])
def test_it_refuses_an_empty_file(content: bytes) -> None:
    assert error_code(content, "cv.txt") == "empty"


def test_it_checks_the_size_before_anything_else() -> None:
    limits = ExtractionLimits(max_file_bytes=1000)

    assert error_code(b"%PDF-" + bytes(2000), "cv.pdf", limits=limits) == "too_large"


# --- text encodings --------------------------------------------------------------------------

DUTCH_TEXT = "Ervaring: één jaar café-ondernemer in Zürich, salaris €3.000 — ‘prima’.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_it_decodes_common_text_encodings(encoding: str) -> None:
    document = extract_document(DUTCH_TEXT.encode(encoding), "cv.txt")

    assert document.text == DUTCH_TEXT.strip()
    assert document.media_type == "text/plain"


def test_it_falls_back_to_latin1_for_bytes_cp1252_does_not_define() -> None:
    text = "Curriculum vitae van Zoë Jansen, verpleegkundige in Utrecht. " * 3
    document = extract_document(text.encode("latin-1") + b"\x81", "cv.txt")

    assert document.text == text + "\x81"


def test_it_reads_markdown_as_text(english_cv: FictionalCV) -> None:
    markdown = "# " + english_cv.person.full_name + "\n\n## Skills\n\n- Python\n- SQL\n"
    document = extract_document(markdown.encode(), "cv.md")

    assert document.media_type == "text/markdown"
    assert document.text.startswith("# " + english_cv.person.full_name)


def test_it_normalises_line_ends_and_blank_lines() -> None:
    document = extract_document(b"Name\r\n\r\n\r\n\r\nSkills  \r\nPython", "cv.txt")

    assert document.text == "Name\n\nSkills\nPython"


# --- JSON Resume -----------------------------------------------------------------------------

def test_it_renders_a_json_resume_as_readable_sections(english_cv: FictionalCV) -> None:
    document = extract_document(make_json_resume(english_cv), "resume.json")
    job = english_cv.jobs[0]

    assert document.media_type == "application/json"
    assert document.language == "en"
    assert document.text.startswith(f"{english_cv.person.full_name}\n{english_cv.headline}\n")
    assert f"Summary\n{english_cv.summary}" in document.text
    assert f"{job.title} - {job.company} ({job.city}) ({job.start} - present)" in document.text
    assert f"- {job.highlights[0]}" in document.text
    assert f"Engineering (Senior): {', '.join(english_cv.skills)}" in document.text
    for heading in ("Work experience", "Education", "Skills", "Projects", "Certificates",
                    "Languages", "Interests"):
        assert f"\n\n{heading}\n\n" in document.text
    assert "Azure AI Engineer Associate - Microsoft (2023-05-01)" in document.text
    assert "Dutch (conversational)" in document.text


def test_it_reads_the_older_json_resume_company_field() -> None:
    resume = {"work": [{"company": "Acme", "position": "Engineer", "startDate": "2020"}]}
    document = extract_document(json.dumps(resume).encode(), "resume.json")

    assert "Engineer - Acme (2020 - present)" in document.text


def test_it_survives_json_resume_fields_of_the_wrong_type() -> None:
    resume = {"basics": {"name": ["not", "a", "string"], "summary": 42, "location": "Utrecht"},
              "work": "not a list", "skills": [None, 3, {"name": {"x": 1}, "keywords": "Python"}],
              "education": [{"institution": "Universiteit Utrecht", "score": True}]}

    document = extract_document(json.dumps(resume).encode(), "resume.json")

    assert document.text == "Summary\n42\n\nEducation\n\nUniversiteit Utrecht"


def test_it_recognises_a_json_resume_without_an_extension(english_cv: FictionalCV) -> None:
    assert extract_document(make_json_resume(english_cv), "resume").media_type == "application/json"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b'{"name": "not a resume"}', "unsupported"), (b'{"basics": ', "corrupt"),
     (b"[" * 100_000, "corrupt")],
)
def test_it_refuses_json_that_is_not_a_json_resume(content: bytes, code: str) -> None:
    assert error_code(content, "resume.json") == code


# --- result ----------------------------------------------------------------------------------

def test_it_hashes_the_raw_bytes(english_cv: FictionalCV) -> None:
    pdf = make_pdf(english_cv.paragraphs)

    assert extract_document(pdf, "cv.pdf").content_hash == hashlib.sha256(pdf).hexdigest()


def test_it_raises_errors_that_survive_a_trip_to_a_worker_process() -> None:
    error = ExtractionError("corrupt", "the PDF is damaged")

    copy = pickle.loads(pickle.dumps(error))

    assert (copy.code, copy.message, str(copy)) == ("corrupt", "the PDF is damaged",
                                                    "corrupt: the PDF is damaged")


# --- never anything but ExtractionError ------------------------------------------------------

_SAMPLES = {
    "cv.pdf": make_pdf(["Sanne de Vries, data scientist, Python and SQL."] * 3,
                       hidden_white_text="hidden words here"),
    "cv.docx": make_docx(["Sanne de Vries, data scientist, Python and SQL."] * 3,
                         vanished_text="vanished words"),
}
_FILENAMES = st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.json", "cv.md", "cv", "cv.zip"])
_PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{", b"\xff\xfe", b"\xd0\xcf\x11\xe0"]
)


def _extract_or_refuse(data: bytes, filename: str) -> None:
    try:
        document = extract_document(data, filename)
    except ExtractionError as error:
        assert error.code in {"too_large", "encrypted", "corrupt", "empty", "type_mismatch",
                              "unsupported", "archive_bomb", "xml_entities", "needs_ocr"}
        return
    assert document.language in {"nl", "en", "unknown"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=st.binary(max_size=4000), filename=_FILENAMES)
def test_it_raises_only_extraction_errors_on_random_bytes(
    prefix: bytes, body: bytes, filename: str
) -> None:
    _extract_or_refuse(prefix + body, filename)


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(sorted(_SAMPLES)),
    changes=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                     min_size=1, max_size=20),
    cut=st.floats(0.05, 1.0),
)
def test_it_raises_only_extraction_errors_on_damaged_real_files(
    name: str, changes: list[tuple[float, int]], cut: float
) -> None:
    data = bytearray(_SAMPLES[name])
    for position, value in changes:
        data[int(position * len(data))] = value
    _extract_or_refuse(bytes(data[: max(1, int(len(data) * cut))]), name)
