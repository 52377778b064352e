"""Plain text and Markdown files in whatever encoding they arrive in."""

from __future__ import annotations

import codecs
import re

# Longer BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE_BYTES = 4096
# Windows editors have saved UTF-16 without a BOM; ASCII text then has a zero in every other
# byte, which no 8-bit text has.
_UTF16_ZERO_SHARE = 0.4
# Real text has tabs and newlines but hardly any other control characters; binary data
# decoded as CP1252 has about one in eight.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc without \t\n\v\f\r


def decode_text(data: bytes) -> str | None:
    """The text in `data`, or None when it is binary data rather than text.

    Tries a byte order mark, UTF-16 without one, strict UTF-8, then CP1252 (what Dutch and
    English Windows users save), and finally Latin-1, which decodes any byte.
    """
    text = _decode(data)
    if _looks_binary(text):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data[:_SAMPLE_BYTES])
    if utf16:
        return data.decode(utf16, errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 2:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / max(len(sample[1::2]), 1)
    if odd_zeros >= _UTF16_ZERO_SHARE and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_SHARE and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[: _SAMPLE_BYTES * 4]
    controls = len(_CONTROL_CHARACTERS.findall(sample))
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)
