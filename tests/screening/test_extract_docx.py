"""DOCX extraction: text in reading order, hidden runs, and hostile packages."""

from __future__ import annotations

import io

import pytest
from cvfiles import (
    FictionalCV,
    add_xml_entities,
    make_docx,
    make_image_only_docx,
    make_zip,
    rewrite_zip_part,
)
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor

from searchlight.screening.read.extract import ExtractedDocument, ExtractionError, extract_document

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def evidence(document: ExtractedDocument, code: str) -> str:
    [found] = [flag for flag in document.flags if flag.code == code]
    assert found.evidence is not None
    return found.evidence


def test_it_extracts_body_header_and_table_text(english_cv: FictionalCV) -> None:
    docx = make_docx(english_cv.paragraphs, header_text="Emily Carter | 07700 900123",
                     white_on_dark_text="Open to relocation")
    document = extract_document(docx, "cv.docx")

    assert document.media_type == DOCX_MEDIA_TYPE
    assert document.language == "en"
    assert document.page_count is None
    assert document.text.startswith("Emily Carter | 07700 900123\n")
    assert english_cv.jobs[0].highlights[0] in document.text
    assert "Open to relocation" in document.text
    assert document.flags == ()


def test_it_flags_white_vanished_and_tiny_runs(dutch_cv: FictionalCV) -> None:
    docx = make_docx(dutch_cv.paragraphs, hidden_white_text="Python Kubernetes Azure",
                     vanished_text="Senior architect", tiny_text="deep learning expert")
    document = extract_document(docx, "cv.docx")

    assert evidence(document, "hidden_text") == "Python Kubernetes Azure"
    assert evidence(document, "tiny_text") == "deep learning expert"
    assert document.hidden_spans == (
        "Python Kubernetes Azure", "Senior architect", "deep learning expert"
    )
    assert "Referenties op aanvraag. Python Kubernetes Azure" in document.text


def test_it_flags_text_hidden_through_styles() -> None:
    document = Document()
    secret = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    pale = document.styles.add_style("Pale", WD_STYLE_TYPE.PARAGRAPH)
    pale.font.color.rgb = RGBColor(0xFE, 0xFE, 0xFE)
    document.add_paragraph("Visible experience with data pipelines. ").add_run(
        "styled secret words", style="Secret"
    )
    document.add_paragraph("pale paragraph words", style="Pale")
    buffer = io.BytesIO()
    document.save(buffer)

    extracted = extract_document(buffer.getvalue(), "cv.docx")

    assert extracted.hidden_spans == ("styled secret words", "pale paragraph words")


def test_it_flags_a_document_of_only_pictures_as_needing_ocr() -> None:
    document = extract_document(make_image_only_docx(), "scan.docx")

    assert document.text == ""
    assert [flag.code for flag in document.flags] == ["needs_ocr"]


def test_it_refuses_a_document_without_text_or_pictures() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_document(make_docx([]), "empty.docx")

    assert error.value.code == "empty"


def test_it_refuses_xml_entity_declarations(english_cv: FictionalCV) -> None:
    docx = add_xml_entities(make_docx(english_cv.paragraphs))

    with pytest.raises(ExtractionError) as error:
        extract_document(docx, "cv.docx")

    assert error.value.code == "xml_entities"
    assert "word/document.xml" in error.value.message


def test_it_refuses_a_doctype_in_any_part_even_in_utf16(english_cv: FictionalCV) -> None:
    def utf16_with_doctype(xml: bytes) -> bytes:
        declaration_end = xml.index(b"?>") + 2
        with_doctype = xml[:declaration_end] + b"<!DOCTYPE x SYSTEM 'file:///etc/passwd'>" + xml[
            declaration_end:]
        return with_doctype.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode(
            "utf-16")

    docx = rewrite_zip_part(make_docx(english_cv.paragraphs), "word/styles.xml", utf16_with_doctype)

    with pytest.raises(ExtractionError) as error:
        extract_document(docx, "cv.docx")

    assert error.value.code == "xml_entities"


def test_it_refuses_a_damaged_document_xml(english_cv: FictionalCV) -> None:
    docx = rewrite_zip_part(make_docx(english_cv.paragraphs), "word/document.xml",
                            lambda xml: xml[: len(xml) // 2])

    with pytest.raises(ExtractionError) as error:
        extract_document(docx, "cv.docx")

    assert error.value.code == "corrupt"


def test_it_refuses_a_docx_that_is_a_zip_bomb() -> None:
    bomb = make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>",
                     "word/media/zeros.bin": bytes(20 * 1024 * 1024)})

    with pytest.raises(ExtractionError) as error:
        extract_document(bomb, "cv.docx")

    assert error.value.code == "archive_bomb"


def test_it_refuses_a_password_protected_word_document() -> None:
    # Encrypted Office files are OLE containers with an "EncryptedPackage" stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le")

    with pytest.raises(ExtractionError) as error:
        extract_document(ole + bytes(500), "cv.docx")

    assert error.value.code == "encrypted"
