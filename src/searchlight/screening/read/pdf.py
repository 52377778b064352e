"""Text of a PDF with PDFium, plus the pages that have no text layer and the hidden text."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from searchlight.screening.read.document import ExtractionError, ExtractionLimits
from searchlight.screening.read.hidden_text import HiddenSpan
from searchlight.screening.read.pdf_hidden import scan_page

_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
# PDFium is not thread-safe; run batches in processes to use more cores.
_PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class PdfContent:
    text: str
    page_count: int
    hidden: list[HiddenSpan]
    pages_without_text: list[int]  # 1-based pages with images or shapes but no text layer
    is_blank: bool  # no text, no images, no shapes on any page


def extract_pdf(data: bytes, limits: ExtractionLimits) -> PdfContent:
    with _PDFIUM_LOCK:
        return _extract(data, limits)


def _extract(data: bytes, limits: ExtractionLimits) -> PdfContent:
    document = _open(data)
    try:
        page_count = len(document)
        if page_count == 0:
            raise ExtractionError("corrupt", "the PDF has no pages")
        if page_count > limits.max_pdf_pages:
            raise ExtractionError(
                "too_large",
                f"the PDF has {page_count:,} pages; at most {limits.max_pdf_pages} are read",
            )
        return _read_pages(document, page_count, limits)
    except pdfium.PdfiumError as error:
        raise ExtractionError("corrupt", f"the PDF is damaged ({error})") from error
    finally:
        document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) in _PASSWORD_ERRORS:
            raise ExtractionError(
                "encrypted", "the PDF is protected with a password; ask for an unprotected copy"
            ) from error
        raise ExtractionError("corrupt", f"the PDF cannot be opened ({error})") from error


def _read_pages(
    document: pdfium.PdfDocument, page_count: int, limits: ExtractionLimits
) -> PdfContent:
    texts: list[str] = []
    hidden: list[HiddenSpan] = []
    pages_without_text: list[int] = []
    has_any_content = False
    characters = 0
    for page_number in range(1, page_count + 1):
        page = document[page_number - 1]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            scan = scan_page(page, textpage, page_number)
        finally:
            textpage.close()
            page.close()
        texts.append(text)
        hidden.extend(scan.hidden)
        has_text = bool(text.strip())
        has_any_content |= has_text or scan.has_graphics
        if not has_text and scan.has_graphics:
            pages_without_text.append(page_number)
        characters += len(text)
        if characters > limits.max_text_chars:
            break  # the caller truncates; reading further pages is wasted work
    return PdfContent(
        text="\n\n".join(texts),
        page_count=page_count,
        hidden=hidden,
        pages_without_text=pages_without_text,
        is_blank=not has_any_content,
    )
