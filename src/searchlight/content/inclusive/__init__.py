"""The inclusive-language and readability check: pure functions, Dutch and English.

- `check_text(text, language=...)`: findings (gendered words and titles, pronouns, '(m/v)'
  without x, age, origin and language, health and disability demands, masculine-coded words when
  they outweigh feminine-coded ones) with offsets into the text, a reason and a suggestion;
- `coded_balance(text, language=...)`: masculine- vs feminine-coded word counts (Gaucher et al.
  2011 word lists in `lexicon_en`, Dutch equivalents in `lexicon_nl`);
- `readability(text, language=...)`: Flesch reading ease (en) or Flesch-Douma (nl);
- `analyse(text, language=...)`: all of it as one JSON-ready dict (the CLI's output);
- `decode_bytes(data)`: a file's bytes as text, whatever its encoding.
"""

from searchlight.content.inclusive.check import LANGUAGES, CodedBalance, check_text, coded_balance
from searchlight.content.inclusive.readability import Readability, readability
from searchlight.content.inclusive.rules import (
    CATEGORIES,
    Finding,
    category_label,
    reason_for,
)
from searchlight.content.inclusive.text import analyse, decode_bytes

__all__ = [
    "CATEGORIES",
    "LANGUAGES",
    "CodedBalance",
    "Finding",
    "Readability",
    "analyse",
    "category_label",
    "check_text",
    "coded_balance",
    "decode_bytes",
    "readability",
    "reason_for",
]
