"""Is a quoted passage really in the answer? Compared after folding what a reader cannot see:
Unicode compatibility forms, invisible characters, runs of white space and letter case."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
MIN_QUOTE_CHARS = 3


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", text).strip().casefold()


def quote_in_answer(quote: str | None, answer: str) -> bool:
    """True when the quote, folded, occurs in the folded answer and is not trivially short."""
    if not quote:
        return False
    folded = fold(quote)
    return len(folded) >= MIN_QUOTE_CHARS and folded in fold(answer)
