"""Every mention of a name once it is known, in the partial forms people write: "Jan de Vries",
"J. de Vries", "De Vries", "Vries, J.", "Jan", "JAN DE VRIES"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from searchlight.anonymise.lexicon import (
    MONTH_NAMES,
    NAME_LIKE_TOOLS,
    TITLES,
    lexicon,
)
from searchlight.anonymise.text import (
    PARTICLES,
    PhraseIndex,
    Span,
    Token,
    is_joined,
    overlaps,
    tokenise,
)

# Particles that may join a found surname from the left ("J. de Vries" when "Vries" is found);
# "in", "op" and "te" are left out because they are everyday words in Dutch.
_JOINING_PARTICLES = PARTICLES - {"in", "op", "te", "het"}


def find_name_mentions(text: str, tokens: list[Token], names: Iterable[str], *,
                       protected: list[tuple[int, int]], certain: bool = False) -> Iterator[Span]:
    """Mentions of `names`. Unless the names are `certain` (from the candidate's record), a
    name part that is also a place ("Amsterdam") is only found as part of the whole name."""
    phrases: set[str] = set()
    singles: set[str] = set()
    for name in names:
        name_phrases, name_singles = name_forms(name)
        phrases.update(name_phrases)
        singles.update(word for word in name_singles if certain or not lexicon().is_place(word))
    if not phrases and not singles:
        return
    matches = list(PhraseIndex(phrases, case_sensitive=False).find(tokens)) if phrases else []
    matches += [(index, 1) for index, token in enumerate(tokens)
                if token.text in singles and not _is_month_with_digits(text, token)]
    for index, length in matches:
        first, last = _widen(text, tokens, index, index + length - 1)
        start, end = tokens[first].start, tokens[last].end
        if not overlaps(start, end, protected):
            yield "PERSON", start, end


def name_forms(name: str) -> tuple[list[str], set[str]]:
    """Phrases of several words (matched ignoring case and hyphens) and single words (matched
    as written, or in capitals) that stand for this name."""
    tokens = [token for token in tokenise(name) if token.text.lower() not in TITLES]
    if not tokens:
        return [], set()
    words = [_title_case(token) for token in tokens]
    surname_start = _surname_start(tokens)
    phrases = [" ".join(words), " ".join(words[surname_start:]), " ".join(words[:surname_start])]
    singles: set[str] = set()
    for word in words:
        lowered = word.lower()
        if (len(word) < 2 or "." in word or lowered in PARTICLES or lowered in NAME_LIKE_TOOLS
                or lexicon().is_non_name(word)):
            continue
        singles.update((word, word.upper()))
    return [phrase for phrase in phrases if " " in phrase], singles


def _title_case(token: Token) -> str:
    if token.kind == "caps":
        return token.text.lower() if token.text.lower() in PARTICLES else token.text.title()
    return token.text


def _surname_start(tokens: list[Token]) -> int:
    """Index of the first surname token: the first particle after a given name, else the last
    word (a hyphenated double surname counts as one)."""
    for index, token in enumerate(tokens[1:], start=1):
        if token.text.lower() in PARTICLES:
            return index
    index = len(tokens) - 1
    while index > 1 and tokens[index].gap == "-":
        index -= 1
    return index


def _widen(text: str, tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Take in initials and particles before a found name ("J. de" before "Vries") and the
    initials of a reference-list form after it ("Vries, J.")."""
    widened = first
    while widened > 0 and is_joined(tokens[widened].gap) and tokens[widened - 1].text in (
            _JOINING_PARTICLES):
        widened -= 1
    # Particles join only when a name comes before them: "J. de Vries", not "leiding van Vries".
    before = tokens[widened - 1] if widened > 0 and is_joined(tokens[widened].gap) else None
    if widened < first and before is not None and before.kind in ("initials", "cap", "caps"):
        first = widened
    while first > 0 and is_joined(tokens[first].gap) and tokens[first - 1].kind == "initials":
        first -= 1
    after = last + 1
    if after < len(tokens) and tokens[after].kind == "initials" and tokens[after].gap in (
            ", ", ","):
        last = after
    return first, last


def _is_month_with_digits(text: str, token: Token) -> bool:
    """"Jan 2019" and "3 May" are months, not Jan or May."""
    if token.text.lower() not in MONTH_NAMES:
        return False
    around = text[max(0, token.start - 3):token.start] + text[token.end:token.end + 3]
    return any(c.isdigit() for c in around)
