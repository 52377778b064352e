"""PDF extraction: text, hidden-text tricks, and hostile or broken files."""

from __future__ import annotations

import ctypes
import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from cvfiles import FictionalCV, make_image_only_pdf, make_pdf, pdf_safe

from searchlight.screening.read.extract import (
    ExtractedDocument,
    ExtractionError,
    ExtractionLimits,
    extract_document,
)


def flag(document: ExtractedDocument, code: str) -> str:
    """The evidence of the one flag with this code."""
    [found] = [flag for flag in document.flags if flag.code == code]
    assert found.evidence is not None
    return found.evidence


def test_it_extracts_the_text_of_a_two_page_cv(dutch_cv: FictionalCV) -> None:
    document = extract_document(make_pdf(dutch_cv.paragraphs), "sanne.pdf")

    assert document.page_count == 2
    assert document.media_type == "application/pdf"
    assert document.language == "nl"
    assert dutch_cv.person.email in document.text
    assert pdf_safe(dutch_cv.jobs[0].highlights[0])[:40] in " ".join(document.text.split())
    assert document.flags == ()
    assert document.hidden_spans == ()
    assert "\r" not in document.text


def test_it_flags_white_text_and_keeps_it_in_the_text(english_cv: FictionalCV) -> None:
    trick = "Kubernetes TensorFlow PyTorch expert"
    document = extract_document(make_pdf(english_cv.paragraphs, hidden_white_text=trick), "cv.pdf")

    assert flag(document, "hidden_text") == trick
    assert document.hidden_spans == (trick,)
    assert trick in document.text


def test_it_flags_tiny_text(english_cv: FictionalCV) -> None:
    trick = "machine learning deep learning"
    document = extract_document(make_pdf(english_cv.paragraphs, tiny_text=trick), "cv.pdf")

    assert flag(document, "tiny_text") == trick
    assert document.hidden_spans == (trick,)


def test_it_flags_text_outside_the_page(english_cv: FictionalCV) -> None:
    trick = "senior architect with twenty years"
    document = extract_document(make_pdf(english_cv.paragraphs, off_page_text=trick), "cv.pdf")

    assert flag(document, "off_page_text") == trick
    assert trick in document.text


def test_it_flags_text_in_the_invisible_render_mode(english_cv: FictionalCV) -> None:
    trick = "certified expert in everything"
    document = extract_document(make_pdf(english_cv.paragraphs, invisible_text=trick), "cv.pdf")

    assert flag(document, "hidden_text") == trick


def test_it_reads_the_invisible_ocr_layer_of_a_scan_without_flags() -> None:
    ocr_text = "Anna Jansen, verpleegkundige in Utrecht sinds 2015."
    document = extract_document(make_image_only_pdf(ocr_text=ocr_text), "scan.pdf")

    assert document.text == ocr_text
    assert document.flags == ()


@pytest.mark.parametrize("spacing", ["     ", " - * - ", "* *"])
def test_it_ignores_white_spaces_and_bullets(english_cv: FictionalCV, spacing: str) -> None:
    document = extract_document(make_pdf(english_cv.paragraphs, hidden_white_text=spacing),
                                "cv.pdf")

    assert document.flags == ()


def test_it_does_not_flag_white_text_on_a_dark_banner(english_cv: FictionalCV) -> None:
    banner = "Available from March, open to hybrid work"
    pdf = make_pdf(english_cv.paragraphs, white_on_dark_text=banner)
    document = extract_document(pdf, "cv.pdf")

    assert banner in document.text
    assert document.flags == ()


def test_it_keeps_every_hidden_span_exactly_as_it_appears_in_the_text(
    english_cv: FictionalCV,
) -> None:
    pdf = make_pdf(english_cv.paragraphs, hidden_white_text="white words here",
                   tiny_text="tiny words here", off_page_text="far away words")
    document = extract_document(pdf, "cv.pdf")

    assert set(document.hidden_spans) == {"white words here", "tiny words here", "far away words"}
    assert all(span in document.text for span in document.hidden_spans)
    assert {flag.code for flag in document.flags} == {"hidden_text", "tiny_text", "off_page_text"}
    assert all(flag.evidence and flag.evidence in document.text for flag in document.flags)


def test_it_detects_the_language_without_the_hidden_text(dutch_cv: FictionalCV) -> None:
    english_stuffing = "the best engineer with the most experience in all of the things " * 30
    document = extract_document(
        make_pdf(dutch_cv.paragraphs, hidden_white_text=english_stuffing), "cv.pdf"
    )

    assert document.language == "nl"


def test_it_finds_tiny_text_that_is_scaled_down_by_a_form_xobject() -> None:
    # A whole page reused at a quarter of its size: 11 pt text becomes ~2.75 pt.
    document = extract_document(_page_shrunk_into_a_form(make_pdf(["Shrunken senior skills"])),
                                "cv.pdf")

    assert flag(document, "tiny_text") == "Shrunken senior skills"


def test_it_flags_an_image_only_pdf_as_needing_ocr_and_guesses_nothing() -> None:
    document = extract_document(make_image_only_pdf(pages=2), "scan.pdf")

    assert document.text == ""
    assert document.language == "unknown"
    assert document.page_count == 2
    assert [flag.code for flag in document.flags] == ["needs_ocr"]


def test_it_refuses_a_password_protected_pdf() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_document(make_pdf(["Confidential CV"], user_password="geheim"), "cv.pdf")

    assert error.value.code == "encrypted"


def test_it_reads_a_pdf_that_only_restricts_printing_or_copying(english_cv: FictionalCV) -> None:
    pdf = make_pdf(english_cv.paragraphs, owner_password="owner-only")

    assert english_cv.person.email in extract_document(pdf, "cv.pdf").text


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_it_refuses_a_truncated_pdf(english_cv: FictionalCV, fraction: float) -> None:
    pdf = make_pdf(english_cv.paragraphs)

    with pytest.raises(ExtractionError) as error:
        extract_document(pdf[: int(len(pdf) * fraction)], "cv.pdf")

    assert error.value.code == "corrupt"


def test_it_refuses_a_pdf_header_followed_by_garbage() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_document(b"%PDF-1.7\n" + bytes(range(256)) * 8, "cv.pdf")

    assert error.value.code == "corrupt"


def test_it_refuses_a_pdf_that_claims_an_absurd_number_of_pages() -> None:
    pdf = make_pdf(["One real page"]).replace(b"/Count 1", b"/Count 5000")

    with pytest.raises(ExtractionError) as error:
        extract_document(pdf, "cv.pdf")

    assert error.value.code == "too_large"
    assert "5,000 pages" in error.value.message


def test_it_refuses_more_pages_than_the_limit() -> None:
    pdf = make_pdf(["Page one"], blank_pages=3)

    with pytest.raises(ExtractionError) as error:
        extract_document(pdf, "cv.pdf", limits=ExtractionLimits(max_pdf_pages=3))

    assert error.value.code == "too_large"


def test_it_refuses_a_pdf_with_nothing_on_it() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_document(make_pdf([], blank_pages=1), "blank.pdf")

    assert error.value.code == "empty"


def test_it_truncates_very_long_text_and_says_so(english_cv: FictionalCV) -> None:
    document = extract_document(
        make_pdf(english_cv.paragraphs), "cv.pdf", limits=ExtractionLimits(max_text_chars=500)
    )

    assert len(document.text) == 500
    assert document.has_flag("truncated")


def _page_shrunk_into_a_form(pdf: bytes) -> bytes:
    source = pdfium.PdfDocument(pdf)
    target = pdfium.PdfDocument.new()
    page = target.new_page(595, 842)
    form = pdfium_c.FPDF_NewFormObjectFromXObject(
        pdfium_c.FPDF_NewXObjectFromPage(target.raw, source.raw, 0)
    )
    pdfium_c.FPDFPageObj_Transform(form, *(ctypes.c_double(value) for value in
                                           (0.25, 0, 0, 0.25, 100, 100)))
    pdfium_c.FPDFPage_InsertObject(page.raw, form)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()
