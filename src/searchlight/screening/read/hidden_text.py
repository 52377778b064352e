"""What counts as text a reader cannot see, shared by the PDF and DOCX readers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from searchlight.screening.read.document import Flag

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)

# Below 4 pt nobody reads text on paper or screen; real CVs use 6 pt and up even for footers.
MIN_READABLE_POINTS = 4.0
# WCAG calls 4.5:1 readable and 1:1 invisible; light grey on white is about 1.6:1 and still
# legible, white on a very light grey about 1.1:1 and not.
MIN_VISIBLE_CONTRAST = 1.25
# A run of spaces or a lone bullet in white is a layout habit of word processors, not a trick.
_MIN_ALPHANUMERIC_CHARACTERS = 3
_MAX_EVIDENCE_CHARS = 500

_FLAG_MESSAGES = {
    "hidden_text": "text that readers cannot see (same colour as the background, transparent, "
                   "or marked hidden)",
    "tiny_text": f"text smaller than {MIN_READABLE_POINTS:g} pt",
    "off_page_text": "text placed outside the visible page",
}


@dataclass(frozen=True)
class HiddenSpan:
    code: str  # "hidden_text" | "tiny_text" | "off_page_text"
    text: str  # exactly as it occurs in the extracted text
    where: str  # e.g. "page 2", for the flag message


def contrast_ratio(foreground: RGB, background: RGB) -> float:
    """WCAG 2 contrast ratio, from 1.0 (identical) to 21.0 (black on white)."""
    lighter, darker = sorted(
        (_relative_luminance(foreground), _relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def _relative_luminance(colour: RGB) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def is_invisible_on(foreground: RGB, background: RGB) -> bool:
    return contrast_ratio(foreground, background) < MIN_VISIBLE_CONTRAST


def parse_hex_colour(value: str | None) -> RGB | None:
    """"1F2A50" -> (31, 42, 80); None for "auto", absent or malformed values."""
    if not value or len(value) != 6:
        return None
    try:
        number = int(value, 16)
    except ValueError:
        return None
    return (number >> 16) & 0xFF, (number >> 8) & 0xFF, number & 0xFF


def is_meaningful(text: str) -> bool:
    return sum(character.isalnum() for character in text) >= _MIN_ALPHANUMERIC_CHARACTERS


def spans_to_flags(spans: Iterable[HiddenSpan]) -> list[Flag]:
    """One flag per kind of hiding. The evidence quotes the longest passage exactly as it is in
    the text (every passage is in ExtractedDocument.hidden_spans)."""
    by_code: dict[str, list[HiddenSpan]] = {}
    for span in spans:
        by_code.setdefault(span.code, []).append(span)
    flags = []
    for code, code_spans in by_code.items():
        places = ", ".join(dict.fromkeys(span.where for span in code_spans))
        longest = max(code_spans, key=lambda span: len(span.text))
        flags.append(Flag(
            code=code,
            message=f"{len(code_spans)} passage(s) of {_FLAG_MESSAGES[code]} ({places})",
            evidence=longest.text[:_MAX_EVIDENCE_CHARS],
        ))
    return flags
