"""Find text on a PDF page that a reader cannot see.

Text is hidden when it has the colour of what is painted behind it (white on white, navy on a
navy bar), is transparent or drawn in the invisible render mode, is smaller than 4 pt, or lies
outside the page. White text on a dark header bar is visible and not flagged.

This walks PDFium's page objects (one per run of text or shape, not per character), which
costs about a millisecond per page; pdfplumber's per-character colours cost ~35 ms per page.
Only on pages that have hidden runs are the characters mapped back to the page text, so the
hidden spans are exact substrings of the extracted text.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from searchlight.screening.read.hidden_text import (
    MIN_READABLE_POINTS,
    RGB,
    WHITE,
    HiddenSpan,
    is_invisible_on,
    is_meaningful,
)

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top

_INVISIBLE_RENDER_MODES = {
    pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP,
}
_STROKE_ONLY_RENDER_MODES = {
    pdfium_c.FPDF_TEXTRENDERMODE_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP,
}
_MIN_ALPHA = 26  # of 255: text at 10% opacity or less reads as blank paper
_MIN_OPAQUE_BACKGROUND_ALPHA = 128
_MIN_VISIBLE_FRACTION = 0.5
_MAX_FORM_DEPTH = 8
# Forms can nest copies of forms; a hostile page could expand to millions of objects.
_MAX_OBJECTS_PER_PAGE = 50_000
# Finding what lies behind each run compares runs with earlier shapes; past this many
# comparisons (a machine-drawn or hostile page) the white page is assumed instead.
_MAX_BACKGROUND_COMPARISONS = 1_000_000


@dataclass(frozen=True)
class _TextRun:
    handle: ctypes.c_void_p
    address: int
    box: Box
    colour: RGB | None
    alpha: int
    render_mode: int
    points: float
    order: int


@dataclass(frozen=True)
class _Paint:
    box: Box
    colour: RGB | None  # None: an image or shading, whose colour under the text is unknown
    order: int


@dataclass
class _PageObjects:
    texts: list[_TextRun] = field(default_factory=list)
    paints: list[_Paint] = field(default_factory=list)
    has_images: bool = False
    has_graphics: bool = False
    visited: int = 0
    z_order: itertools.count[int] = field(default_factory=itertools.count)


@dataclass(frozen=True)
class PageScan:
    hidden: list[HiddenSpan]
    has_images: bool
    has_graphics: bool  # vector shapes: text converted to outlines also needs OCR


def scan_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_number: int) -> PageScan:
    objects = _PageObjects()
    top_level = (
        pdfium_c.FPDFPage_GetObject(page.raw, index)
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw))
    )
    _collect(objects, top_level, None, depth=0)
    codes_by_address = {
        run.address: code for run, code in _classify_runs(objects, page.get_bbox())
        # Word processors colour the spaces between words white; that hides nothing.
        if any(character.isalnum() for character in _run_text(run, textpage))
    }
    hidden = (
        _hidden_spans(textpage, codes_by_address, f"page {page_number}")
        if codes_by_address else []
    )
    return PageScan(hidden, objects.has_images, objects.has_graphics)


def _collect(
    objects: _PageObjects, handles: Iterable[ctypes.c_void_p], form_matrix: Matrix | None,
    depth: int,
) -> None:
    for handle in handles:
        objects.visited += 1
        if objects.visited > _MAX_OBJECTS_PER_PAGE:
            return
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            objects.texts.append(_text_run(handle, form_matrix, next(objects.z_order)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            objects.has_graphics = True
            fill = _filled_colour(handle)
            if fill is not None:
                objects.paints.append(
                    _Paint(_bounds(handle, form_matrix), fill, next(objects.z_order))
                )
        elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
            objects.has_images |= kind == pdfium_c.FPDF_PAGEOBJ_IMAGE
            objects.has_graphics = True
            objects.paints.append(_Paint(_bounds(handle, form_matrix), None, next(objects.z_order)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            children = (
                pdfium_c.FPDFFormObj_GetObject(handle, index)
                for index in range(pdfium_c.FPDFFormObj_CountObjects(handle))
            )
            # Objects inside a form XObject report coordinates in the form's own space.
            _collect(objects, children, _compose(_matrix(handle), form_matrix), depth + 1)


def _text_run(handle: ctypes.c_void_p, form_matrix: Matrix | None, order: int) -> _TextRun:
    font_size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(handle, font_size)
    # The nominal size is often 1 with the real size in the text matrix (Tf 1, Tm 11 0 0 11).
    matrix = _compose(_matrix(handle), form_matrix)
    render_mode = pdfium_c.FPDFTextObj_GetTextRenderMode(handle)
    colour_getter = (
        pdfium_c.FPDFPageObj_GetStrokeColor if render_mode in _STROKE_ONLY_RENDER_MODES
        else pdfium_c.FPDFPageObj_GetFillColor
    )
    colour, alpha = _colour(handle, colour_getter)
    return _TextRun(
        handle=handle,
        address=_address(handle),
        box=_bounds(handle, form_matrix),
        colour=colour,
        alpha=alpha,
        render_mode=render_mode,
        points=font_size.value * math.hypot(matrix[2], matrix[3]),
        order=order,
    )


def _classify_runs(
    objects: _PageObjects, page_box: tuple[float, ...]
) -> Iterator[tuple[_TextRun, str]]:
    look_behind = len(objects.texts) * len(objects.paints) <= _MAX_BACKGROUND_COMPARISONS
    paint_orders = [paint.order for paint in objects.paints]
    for run in objects.texts:
        if _visible_fraction(run.box, page_box) < _MIN_VISIBLE_FRACTION:
            yield run, "off_page_text"
        elif run.render_mode in _INVISIBLE_RENDER_MODES:
            # Over a scanned image, invisible text is the OCR layer: the words ARE visible.
            if not objects.has_images:
                yield run, "hidden_text"
        elif run.alpha < _MIN_ALPHA or _blends_in(run, objects.paints, paint_orders, look_behind):
            yield run, "hidden_text"
        elif run.points < MIN_READABLE_POINTS:
            yield run, "tiny_text"


def _blends_in(run: _TextRun, paints: list[_Paint], paint_orders: list[int], look: bool) -> bool:
    if run.colour is None:
        return False
    background: RGB | None = WHITE
    if look:
        centre_x, centre_y = (run.box[0] + run.box[2]) / 2, (run.box[1] + run.box[3]) / 2
        for paint in reversed(paints[: bisect.bisect_left(paint_orders, run.order)]):
            left, bottom, right, top = paint.box
            if left <= centre_x <= right and bottom <= centre_y <= top:
                background = paint.colour
                break
    return background is not None and is_invisible_on(run.colour, background)


def _hidden_spans(
    textpage: pdfium.PdfTextPage, codes_by_address: dict[int, str], where: str
) -> list[HiddenSpan]:
    """Runs of consecutive characters that belong to hidden text objects, as page text."""
    spans: list[HiddenSpan] = []
    current_code: str | None = None
    start = last = 0

    def close() -> None:
        if current_code is not None:
            text = textpage.get_text_range(start, last - start + 1)
            if is_meaningful(text):
                spans.append(HiddenSpan(current_code, text, where))

    for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        address = _address(pdfium_c.FPDFText_GetTextObject(textpage.raw, index))
        if address == 0:
            continue  # a space or line break PDFium inserted between runs
        code = codes_by_address.get(address)
        if code != current_code:
            close()
            current_code, start = code, index
        last = index
    close()
    return spans


def _run_text(run: _TextRun, textpage: pdfium.PdfTextPage) -> str:
    size = pdfium_c.FPDFTextObj_GetText(run.handle, textpage.raw, None, 0)
    if size <= 2:  # just the terminating NUL
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFTextObj_GetText(
        run.handle, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size
    )
    return buffer.raw[: size - 2].decode("utf-16-le", errors="ignore")


def _filled_colour(path: ctypes.c_void_p) -> RGB | None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke)
    if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return None
    colour, alpha = _colour(path, pdfium_c.FPDFPageObj_GetFillColor)
    return colour if alpha >= _MIN_OPAQUE_BACKGROUND_ALPHA else None


def _colour(handle: ctypes.c_void_p, getter: object) -> tuple[RGB | None, int]:
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not getter(handle, red, green, blue, alpha):  # type: ignore[operator]
        return None, 255  # e.g. a pattern fill: colour unknown, assume it is painted
    return (red.value, green.value, blue.value), alpha.value


def _address(handle: Any) -> int:
    """A handle's address, for identity (0 for NULL); addressof is 8x faster than a cast."""
    return ctypes.addressof(handle.contents) if handle else 0


def _matrix(handle: ctypes.c_void_p) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, matrix):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(inner: Matrix, outer: Matrix | None) -> Matrix:
    """The matrix that applies `inner` first and then `outer` (PDF row-vector convention)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc, a * ob + b * od,
        c * oa + d * oc, c * ob + d * od,
        e * oa + f * oc + oe, e * ob + f * od + of,
    )


def _bounds(handle: ctypes.c_void_p, form_matrix: Matrix | None) -> Box:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
        return (0.0, 0.0, 0.0, 0.0)
    box = (left.value, bottom.value, right.value, top.value)
    if form_matrix is None:
        return box
    a, b, c, d, e, f = form_matrix
    corners = [(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs = [a * x + c * y + e for x, y in corners]
    ys = [b * x + d * y + f for x, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _visible_fraction(box: Box, page_box: tuple[float, ...]) -> float:
    left, bottom, right, top = box
    page_left, page_bottom, page_right, page_top = page_box
    area = (right - left) * (top - bottom)
    if area <= 0:
        centre_x, centre_y = (left + right) / 2, (bottom + top) / 2
        inside = page_left <= centre_x <= page_right and page_bottom <= centre_y <= page_top
        return 1.0 if inside else 0.0
    overlap_width = max(0.0, min(right, page_right) - max(left, page_left))
    overlap_height = max(0.0, min(top, page_top) - max(bottom, page_bottom))
    return overlap_width * overlap_height / area
