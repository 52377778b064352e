"""Text plumbing for the anonymiser: letter classes, word tokens with offsets, and a phrase index
that finds multi-word names (places, organisations) by walking tokens instead of running one huge
regex alternation, which would be slow on every CV."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

# (entity type, start, end) with offsets into the original text. Recognisers return these plain
# tuples; the public Entity dataclass is built once, after merging.
Span = tuple[str, int, int]


def _letters(predicate: str) -> str:
    """Latin letters up to Latin Extended-B, for regex character classes: stdlib `re` has no
    \\p{Lu}, and names such as Çelik, Øster or Łukasz must still count as capitalised."""
    chars = (chr(code) for code in range(0x41, 0x250))
    return "".join(c for c in chars if c.isalpha() and getattr(c, predicate)())


UPPER = _letters("isupper")
LOWER = _letters("islower") + "ßÿ"

PARTICLES = frozenset({
    "van", "von", "de", "der", "den", "het", "'t", "’t", "te", "ter", "ten", "op", "in", "la", "le",
    "du", "da", "di", "dos", "das", "del", "della", "el", "al", "bin", "ibn", "zu", "vd"
})

# Abbreviations shaped like initials that must not start a name ("Acme B.V. Amsterdam"). Two-letter
# degrees such as "M.A." are left out: they are just as often someone's initials.
NOT_INITIALS = frozenset({
    "B.V.", "N.V.", "V.O.F.", "A.I.", "I.T.", "U.S.", "U.K.", "E.U.", "P.O.", "C.V.", "B.Sc.",
    "M.Sc.", "S.S.C.", "H.S.C.", "Ph.D.", "LL.B.", "LL.M.",
})

# Regex fragments for a capitalised word ("Utrecht", "O'Brien", "Noord-Holland"), a place name
# of such words ("Alphen aan den Rijn", "'s-Hertogenbosch") and a run of words in capitals.
CAPITALISED_WORD = rf"(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[-'][{UPPER}]?[{LOWER}]+)*"
PLACE_NAME = (
    rf"(?:'s[-\s])?{CAPITALISED_WORD}(?:[ \t]+(?:(?:aan|op|bij|den|de|der|van|in|en|upon|on|le|la|"
    rf"sur)[ \t]+){{0,2}}(?:{CAPITALISED_WORD}|IJssel|IJmuiden))*"
)
WORDS_IN_CAPITALS = rf"[{UPPER}]{{2,}}(?:[ \t\-][{UPPER}]{{2,}})*"

_TOKEN = re.compile(
    rf"(?P<initials>[{UPPER}]\.(?:[ ]?[{UPPER}]\.)*|(?:Th|Chr|Ch|Ph|Joh|Jac|Wm)\.)"
    rf"|(?P<word>['’][tT]\b|[^\W\d_]+(?:['’][^\W\d_]+)*)"
)
_CAPITALISED = re.compile(rf"(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)*$")


NAME_KINDS = frozenset({"cap", "caps", "initials", "particle"})


class Token(NamedTuple):  # a tuple: a CV has a thousand of them, made on every call
    start: int
    end: int
    text: str
    kind: str  # "initials", "particle", "cap" (Title case), "caps" (ALL CAPS), "lower", "other"
    gap: str  # the characters between the previous token and this one


def _kind(word: str, is_initials: bool) -> str:
    if is_initials:
        return "other" if word in NOT_INITIALS else "initials"
    if word.islower():
        return "particle" if word in PARTICLES else "lower"
    if len(word) > 1 and word.istitle() or _CAPITALISED.match(word):
        return "cap"  # also a capitalised particle ("De Vries"): rules check the word itself
    return "caps" if len(word) > 1 and word.isupper() else "other"


def is_nickname(token: Token) -> bool:
    """A word in quotes or brackets inside a name: Johannes "Hans" de Vries, J. (Jan) Smit."""
    return token.gap.rstrip()[-1:] in ("\"", "“", "(", "'")


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        tokens.append(Token(match.start(), match.end(), word,
                            _kind(word, match.lastgroup == "initials"),
                            text[previous_end:match.start()]))
        previous_end = match.end()
    return tokens


def is_joined(gap: str) -> bool:
    """Two tokens belong to one name when only a space or a hyphen separates them."""
    return gap in (" ", "-", "  ", "\t", "\u00a0")


def lower_same_length(text: str) -> str:
    """Lower-cased text with the same offsets. Cue words are searched in it with plain
    lower-case patterns: Python's regex engine skips ahead fast on a literal first word, but
    not on a case-insensitive one or one behind a \\b."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def starts_word(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()


def ends_word(text: str, position: int) -> bool:
    return position >= len(text) or not text[position].isalnum()


def line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line, without the newline."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


# A line that starts a CV section ("Werkervaring", "Education Details", "Personal details:").
SECTION_HEADING = re.compile(
    r"(?:[a-z'’]+[ \t]+){0,2}(?:details|gegevens|profiel|profile|samenvatting|summary|ervaring|"
    r"werkervaring|experience|opleiding|opleidingen|education|vaardigheden|skills|competenties|"
    r"competences|competencies|personalia|contact|contactgegevens|over mij|about me|talen|"
    r"languages|certificaten|certificeringen|certifications|referenties|references|projecten|"
    r"projects|hobby's|hobbies|interesses|interests|objective|doelstelling|loopbaan|career|"
    r"kernkwaliteiten|publicaties|publications|awards|achievements|nevenactiviteiten|cursussen|"
    r"courses|trainingen|training)[ \t]*:?"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
HEADER_LINES = 8


def header_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the CV's header: the first non-empty lines before the first section
    heading, without lines that hold a year (those describe a job or a study)."""
    lines: list[tuple[int, str]] = []
    for offset, line in iter_lines(text):
        stripped = line.strip()
        heading = stripped.strip("#*_>= \t").lower()  # Markdown: "## Werkervaring"
        if SECTION_HEADING.fullmatch(heading) or len(lines) == HEADER_LINES:
            break
        if stripped and not _YEAR.search(line):
            lines.append((offset, line))
    return lines


_SEGMENT_SEPARATOR = re.compile(r"[|•·–—/\t,;]|\s-\s|\s{3,}")


def segments(offset: int, line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the parts of a header line ("Jan de Vries | Data Scientist | Utrecht")."""
    start = 0
    for separator in _SEGMENT_SEPARATOR.finditer(line):
        yield offset + start, offset + separator.start()
        start = separator.end()
    yield offset + start, offset + len(line)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _gap_key(gap: str) -> str:
    # "Noord-Holland" and "Noord Holland" are the same place; "Ernst & Young" keeps its "&".
    return gap.strip().replace("-", "")


class PhraseIndex:
    """Finds listed phrases in a token stream: keyed by first token, longest phrase first."""

    def __init__(self, phrases: Iterable[str], *, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for phrase in phrases:
            tokens = tokenise(phrase)
            if not tokens:
                continue
            words = tuple(self._key(token.text) for token in tokens)
            gaps = tuple(_gap_key(token.gap) for token in tokens[1:])
            self._by_first.setdefault(words[0], []).append((words, gaps))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    def _key(self, word: str) -> str:
        return word if self.case_sensitive else word.lower()

    def __contains__(self, word: str) -> bool:
        return self._key(word) in self._by_first and any(
            len(words) == 1 for words, _ in self._by_first[self._key(word)])

    def match_at(self, tokens: list[Token], index: int) -> int:
        """Number of tokens of the longest phrase starting at tokens[index], or 0."""
        for words, gaps in self._by_first.get(self._key(tokens[index].text), ()):
            end = index + len(words)
            if end > len(tokens):
                continue
            following = tokens[index + 1:end]
            if all(self._key(token.text) == word and _gap_key(token.gap) == gap
                   and "\n" not in token.gap
                   for token, word, gap in zip(following, words[1:], gaps, strict=True)):
                return len(words)
        return 0

    def find(self, tokens: list[Token], *,
             first_kinds: frozenset[str] | None = None) -> Iterator[tuple[int, int]]:
        """(first token index, token count) of every non-overlapping match, left to right;
        only matches starting with a token of `first_kinds` when given (a quick filter)."""
        index = 0
        while index < len(tokens):
            token = tokens[index]
            length = 0
            if first_kinds is None or token.kind in first_kinds:
                key = token.text if self.case_sensitive else token.text.lower()
                if key in self._by_first:
                    length = self.match_at(tokens, index)
            if length:
                yield index, length
                index += length
            else:
                index += 1
