"""Text of a Word (DOCX) document, with hardened XML and the runs a reader cannot see.

Before python-docx parses anything, every XML part is checked for DTD and entity declarations
(a DOCX never needs them; they are how "billion laughs" and external-entity attacks start).
Hidden runs are those with Word's hidden property (w:vanish), a colour that matches what is
behind them (run shading, paragraph shading, table cell shading or the page colour), or a
size below 4 pt. Colours and sizes inherited from styles are resolved.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from lxml import etree

from searchlight.screening.read.archive import read_member
from searchlight.screening.read.document import ExtractionError, ExtractionLimits
from searchlight.screening.read.docx_styles import WORD, Properties, StyleBook
from searchlight.screening.read.hidden_text import (
    MIN_READABLE_POINTS,
    WHITE,
    HiddenSpan,
    is_invisible_on,
    is_meaningful,
    parse_hex_colour,
)

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)")
_UTF16_MARKERS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PARAGRAPH = f"{WORD}p"
_RUN = f"{WORD}r"
# Skipped: the old location of moved text (it also appears where it was moved to).
_SKIPPED = {_FALLBACK, f"{WORD}moveFrom", f"{WORD}del"}
_RUN_TEXT = {f"{WORD}t": None, f"{WORD}tab": "\t", f"{WORD}br": "\n", f"{WORD}cr": "\n",
             f"{WORD}noBreakHyphen": "-"}
_IMAGES = (f"{WORD}drawing", f"{WORD}pict", f"{WORD}object")


@dataclass(frozen=True)
class DocxContent:
    text: str
    hidden: list[HiddenSpan]
    has_images: bool


def extract_docx(archive: zipfile.ZipFile, data: bytes, limits: ExtractionLimits) -> DocxContent:
    _reject_xml_declarations(archive, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        return _read(document)
    except Exception as error:
        # python-docx has no error hierarchy: whatever it raises means a damaged package.
        raise ExtractionError("corrupt", f"the Word document is damaged ({error})") from error


def _reject_xml_declarations(archive: zipfile.ZipFile, limits: ExtractionLimits) -> None:
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels")):
            continue
        xml = read_member(archive, member, limits, limits.max_archive_total_bytes)
        if xml.startswith(_UTF16_MARKERS):
            xml = xml.decode("utf-16", errors="ignore").encode("utf-8")
        if _DECLARATION.search(xml):
            raise ExtractionError(
                "xml_entities",
                f"{member.filename} declares a DTD or XML entities, which Word never writes",
            )


def _read(document: docx.document.Document) -> DocxContent:
    styles = StyleBook(document.styles.element)
    page_background = document.element.find(f"{WORD}background")
    page_colour = (
        parse_hex_colour(page_background.get(f"{WORD}color"))
        if page_background is not None else None
    )
    reader = _Reader(styles, page_colour or WHITE)
    headers, footers = _header_and_footer_roots(document)
    # Every section repeats its header and footer; once is enough.
    header_lines = dict.fromkeys(line for root in headers for line in reader.lines(root))
    footer_lines = dict.fromkeys(line for root in footers for line in reader.lines(root))
    lines = [*header_lines, *reader.lines(document.element.body), *footer_lines]
    has_images = any(True for tag in _IMAGES for _ in document.element.body.iter(tag))
    return DocxContent("\n".join(lines), reader.hidden, has_images)


def _header_and_footer_roots(
    document: docx.document.Document,
) -> tuple[list[etree._Element], list[etree._Element]]:
    headers, footers = [], []
    for part in sorted(document.part.package.iter_parts(), key=lambda part: str(part.partname)):
        partname = str(part.partname)
        element = getattr(part, "element", None)
        if element is None:
            continue
        if partname.startswith("/word/header"):
            headers.append(element)
        elif partname.startswith("/word/footer"):
            footers.append(element)
    return headers, footers


class _Reader:
    """Turns paragraphs into lines and remembers which parts of them are hidden."""

    def __init__(self, styles: StyleBook, page_colour: tuple[int, int, int]) -> None:
        self.styles = styles
        self.page_colour = page_colour
        self.hidden: list[HiddenSpan] = []

    def lines(self, root: etree._Element) -> Iterator[str]:
        for paragraph in _paragraphs(root):
            line = self._paragraph_line(paragraph)
            if line.strip():
                yield line

    def _paragraph_line(self, paragraph: etree._Element) -> str:
        inherited = self.styles.paragraph_properties(paragraph)
        pieces: list[str] = []
        hidden_code: str | None = None
        hidden_text: list[str] = []
        for run in _runs(paragraph):
            text = _run_text(run)
            if not text:
                continue
            code = self._hidden_code(run, paragraph, inherited)
            if code != hidden_code:
                self._remember(hidden_code, "".join(hidden_text))
                hidden_code, hidden_text = code, []
            hidden_text.append(text)
            pieces.append(text)
        self._remember(hidden_code, "".join(hidden_text))
        return "".join(pieces)

    def _hidden_code(
        self, run: etree._Element, paragraph: etree._Element, inherited: Properties
    ) -> str | None:
        look = self.styles.run_look(run, inherited)
        if look.vanish:
            return "hidden_text"
        colour = parse_hex_colour(look.colour)
        background = self.styles.background_of(run, paragraph, look, self.page_colour)
        if colour is not None and background is not None and is_invisible_on(colour, background):
            return "hidden_text"
        if look.points is not None and look.points < MIN_READABLE_POINTS:
            return "tiny_text"
        return None

    def _remember(self, code: str | None, text: str) -> None:
        if code is not None and is_meaningful(text):
            self.hidden.append(HiddenSpan(code, text, "document"))


def _paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in reading order, text boxes after the paragraph that anchors them."""
    for child in root:
        if child.tag in _SKIPPED:
            continue
        if child.tag == _PARAGRAPH:
            yield child
        yield from _paragraphs(child)


def _runs(element: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph, without those of paragraphs nested in its text boxes."""
    for child in element:
        if child.tag == _RUN:
            yield child
        elif child.tag != _PARAGRAPH and child.tag not in _SKIPPED:
            yield from _runs(child)


def _run_text(run: etree._Element) -> str:
    pieces = []
    for child in run:
        if child.tag in _RUN_TEXT:
            pieces.append(_RUN_TEXT[child.tag] or child.text or "")
    return "".join(pieces)
