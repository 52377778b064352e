"""How a Word run looks once styles are applied: colour, hidden, size, and what is behind it.

Word resolves run formatting as: document defaults, then the paragraph style (and the styles
it is based on), then the character style, then the run's own properties.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

from lxml import etree

from searchlight.screening.read.hidden_text import RGB, parse_hex_colour

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_BOX = f"{WORD}txbxContent"
_MAX_STYLE_DEPTH = 20  # basedOn chains can loop in broken documents
_OFF = {"0", "false", "off"}
# Word's highlight palette (w:highlight) by name.
_HIGHLIGHTS = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00",
    "magenta": "FF00FF", "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF",
    "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000", "darkMagenta": "800080",
    "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0",
}



class Properties(TypedDict, total=False):
    colour: str | None
    vanish: bool
    points: float
    shading: str


@dataclass(frozen=True)
class RunLook:
    colour: str | None = None  # hex "RRGGBB"; None or "auto" for automatic (always readable)
    vanish: bool = False
    points: float | None = None
    shading: str | None = None  # the run's own background (shading or highlight), hex


class StyleBook:
    def __init__(self, styles_root: etree._Element) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._default_paragraph_style: str | None = None
        for style in styles_root.iter(f"{WORD}style"):
            style_id = style.get(f"{WORD}styleId")
            if style_id is None:
                continue
            self._styles[style_id] = style
            if style.get(f"{WORD}type") == "paragraph" and style.get(f"{WORD}default") in (
                "1", "true", "on",
            ):
                self._default_paragraph_style = style_id
        self._defaults = _run_properties(
            styles_root.find(f"{WORD}docDefaults/{WORD}rPrDefault/{WORD}rPr")
        )
        self._style_properties = lru_cache(maxsize=None)(self._uncached_style_properties)

    def paragraph_properties(self, paragraph: etree._Element) -> Properties:
        """The run formatting a paragraph's runs inherit: defaults, then its style."""
        style_id = _child_value(paragraph, "pPr", "pStyle") or self._default_paragraph_style
        return _merged(self._defaults, self._style_properties(style_id, "rPr"))

    def run_look(self, run: etree._Element, paragraph_properties: Properties) -> RunLook:
        character_style = self._style_properties(_child_value(run, "rPr", "rStyle"), "rPr")
        look = _merged(paragraph_properties, character_style,
                       _run_properties(run.find(f"{WORD}rPr")))
        return RunLook(
            colour=look.get("colour"),
            vanish=look.get("vanish", False),
            points=look.get("points"),
            shading=look.get("shading"),
        )

    def background_of(
        self, run: etree._Element, paragraph: etree._Element, look: RunLook, page: RGB
    ) -> RGB | None:
        """The colour behind a run, or None when it cannot be known (a text box's shape fill
        is drawn by DrawingML, so white text there is given the benefit of the doubt)."""
        if look.shading:
            return parse_hex_colour(look.shading)
        paragraph_fill = _shading_fill(
            paragraph.find(f"{WORD}pPr/{WORD}shd")
        ) or self._paragraph_style_fill(paragraph)
        if paragraph_fill:
            return parse_hex_colour(paragraph_fill)
        for ancestor in run.iterancestors(f"{WORD}tc", _TEXT_BOX):
            if ancestor.tag == _TEXT_BOX:
                return None
            cell_fill = _shading_fill(ancestor.find(f"{WORD}tcPr/{WORD}shd"))
            if cell_fill:
                return parse_hex_colour(cell_fill)
        return page

    def _paragraph_style_fill(self, paragraph: etree._Element) -> str | None:
        style_id = _child_value(paragraph, "pPr", "pStyle") or self._default_paragraph_style
        return self._style_properties(style_id, "pPr").get("shading")

    def _uncached_style_properties(self, style_id: str | None, kind: str) -> Properties:
        chain: list[etree._Element] = []
        while style_id and style_id in self._styles and len(chain) < _MAX_STYLE_DEPTH:
            style = self._styles[style_id]
            chain.append(style)
            style_id = _child_value(style, "basedOn")
        merged: Properties = {}
        for style in reversed(chain):  # the base style first, so derived styles override it
            element = style.find(f"{WORD}{kind}")
            if kind == "rPr":
                merged = _merged(merged, _run_properties(element))
            elif element is not None and (fill := _shading_fill(element.find(f"{WORD}shd"))):
                merged["shading"] = fill
        return merged


def _merged(*layers: Properties) -> Properties:
    """Later layers override earlier ones, property by property."""
    merged: Properties = {}
    for layer in layers:
        merged.update(layer)
    return merged


def _run_properties(rpr: etree._Element | None) -> Properties:
    if rpr is None:
        return {}
    properties: Properties = {}
    colour = rpr.find(f"{WORD}color")
    if colour is not None:
        properties["colour"] = colour.get(f"{WORD}val")
    vanish = rpr.find(f"{WORD}vanish")
    if vanish is not None:
        properties["vanish"] = vanish.get(f"{WORD}val") not in _OFF
    size = rpr.find(f"{WORD}sz")
    if size is not None:
        with contextlib.suppress(ValueError):
            properties["points"] = int(size.get(f"{WORD}val", "")) / 2  # half-points
    highlight = rpr.find(f"{WORD}highlight")
    highlight_colour = (
        _HIGHLIGHTS.get(highlight.get(f"{WORD}val", "")) if highlight is not None else None
    )
    shading = highlight_colour or _shading_fill(rpr.find(f"{WORD}shd"))
    if shading:
        properties["shading"] = shading
    return properties


def _shading_fill(shd: etree._Element | None) -> str | None:
    """The background colour a w:shd element paints, if any."""
    if shd is None:
        return None
    # With the "solid" pattern the foreground colour covers the cell completely.
    colour = shd.get(f"{WORD}color") if shd.get(f"{WORD}val") == "solid" else shd.get(f"{WORD}fill")
    return colour if colour and colour.lower() != "auto" else None


def _child_value(element: etree._Element, *path: str) -> str | None:
    child = element.find("/".join(f"{WORD}{name}" for name in path))
    return None if child is None else child.get(f"{WORD}val")
