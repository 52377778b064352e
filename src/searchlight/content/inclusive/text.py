"""Bytes in, one JSON-ready analysis out."""

from searchlight.content.inclusive.check import check_text, coded_balance
from searchlight.content.inclusive.readability import readability

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, else Latin-1: the last
    one cannot fail, so a text is never refused for its encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def analyse(text: str, *, language: str, locale: str | None = None) -> dict[str, object]:
    return {
        "language": language,
        "findings": [f.as_dict() for f in check_text(text, language=language, locale=locale)],
        "coded_balance": coded_balance(text, language=language).as_dict(),
        "readability": readability(text, language=language).as_dict(),
    }
