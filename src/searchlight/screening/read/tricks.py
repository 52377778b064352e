"""Text written to steer the screening rather than to inform it: instructions aimed at an AI
(prompt injection) and keyword stuffing. Both return flags with the offending text quoted
exactly from the input; neither changes the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from searchlight.screening.read.document import Flag
from searchlight.screening.read.injection_patterns import INJECTION_PATTERNS, InjectionPattern
from searchlight.screening.read.language import STOPWORDS

_MAX_INJECTION_FLAGS = 20
_EVIDENCE_CONTEXT_CHARS = 80
_MAX_EVIDENCE_CHARS = 300
_WORD = re.compile(r"\w+")
# Characters that are invisible when rendered; attackers put them inside words
# ("ign\u200bore") to slip past filters.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def detect_prompt_injection(text: str) -> list[Flag]:
    """Instructions to an AI screener hidden in a CV, in Dutch or English."""
    flags: list[Flag] = []
    for start, end, message in find_injections(text):
        evidence = _evidence(text, start, end)
        if any(flag.evidence == evidence for flag in flags):
            continue  # "<|im_start|> ... <|im_end|>" on one line is one finding
        flags.append(Flag("prompt_injection", message, evidence))
        if len(flags) >= _MAX_INJECTION_FLAGS:
            return flags
    return flags


def find_injections(
    text: str, patterns: Sequence[InjectionPattern] = INJECTION_PATTERNS
) -> list[tuple[int, int, str]]:
    """Where `patterns` match in `text`: (start, end, message) with positions in `text` itself,
    also when the instruction hides invisible characters or full-width letters. Overlapping
    matches count once."""
    searchable, to_original = _searchable(text)
    words = set(_WORD.findall(searchable.lower()))
    found: list[tuple[int, int, str]] = []
    for pattern in patterns:
        if pattern.triggers.isdisjoint(words):
            continue
        for match in pattern.regex.finditer(searchable):
            start, end = to_original(match.start()), to_original(match.end())
            if any(start < done_end and done_start < end for done_start, done_end, _ in found):
                continue
            found.append((start, end, pattern.message))
    return found


def _searchable(text: str) -> tuple[str, Callable[[int], int]]:
    """The text with invisible characters removed and compatibility forms folded (full-width
    letters, ligatures), plus a map from positions in it back to positions in `text`."""
    if not _INVISIBLE.search(text) and unicodedata.is_normalized("NFKC", text):
        return text, _identity
    pieces: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        if _INVISIBLE.match(character):
            continue
        folded = unicodedata.normalize("NFKC", character)
        pieces.append(folded)
        origins.extend([index] * len(folded))
    origins.append(len(text))
    return "".join(pieces), origins.__getitem__


def _identity(position: int) -> int:
    return position


def _evidence(text: str, start: int, end: int) -> str:
    """The match with some context, cut at line breaks, quoted exactly from the text."""
    context_start = max(0, start - _EVIDENCE_CONTEXT_CHARS)
    context_end = min(len(text), end + _EVIDENCE_CONTEXT_CHARS)
    line_start = text.rfind("\n", context_start, start) + 1 or context_start
    line_end = text.find("\n", end, context_end)
    evidence = text[max(line_start, context_start): line_end if line_end != -1 else context_end]
    return evidence.strip()[:_MAX_EVIDENCE_CHARS]


# --------------------------------------------------------------------------------------------
# Keyword stuffing
# --------------------------------------------------------------------------------------------

_TERM = re.compile(r"\w[\w+#]*(?:[.\-/]\w[\w+#]*)*")
# Function words are repeated by every writer; the words Dutch and English share are not in
# the language detector's lists, so they are added here.
_IGNORED_TERMS = STOPWORDS["nl"] | STOPWORDS["en"] | {"in", "is", "was", "over", "we", "me"}
# Calibrated on 129 real English CVs and 100 generated Dutch and English ones. The most any of
# them repeats a term is 35 times or 10% of its terms, and never 5 times within 8 terms; pasted
# keyword blocks exceed this by far.
_MIN_REPEATS = 15
_MIN_REPEAT_SHARE = 0.10
_MANY_REPEATS = 50
_BURST_WINDOW = 7
_MIN_BURST_REPEATS = 5
_MIN_LIST_ITEMS = 45
_MIN_LIST_SEPARATOR_SHARE = 0.7
# Items and what ends them; a line break may end an item too (a list wrapped over lines).
_LIST_ITEM = re.compile(r"([^,;|•·●▪\n]*)([,;|•·●▪\n]|$)")
_MAX_LIST_ITEM_WORDS = 4
_MAX_LIST_ITEM_CHARS = 40
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def detect_keyword_stuffing(text: str) -> list[Flag]:
    """Flags for a term repeated far more than a CV needs, a term repeated back to back, or a
    long list of keywords with no sentences around them."""
    terms = [(match.group().lower(), match.start(), match.end()) for match in _TERM.finditer(text)]
    content = [
        term for term in terms
        if len(term[0]) > 1 and term[0] not in _IGNORED_TERMS and not term[0].isdigit()
    ]
    flags = [*_repeated_terms(text, content), *_bursts(text, content), *_keyword_lists(text)]
    return flags


def _repeated_terms(text: str, content: list[tuple[str, int, int]]) -> Iterator[Flag]:
    counts = Counter(term for term, _, _ in content)
    for term, count in counts.most_common(3):
        share = count / len(content)
        if count >= _MIN_REPEATS and (share >= _MIN_REPEAT_SHARE or count >= _MANY_REPEATS):
            positions = [start for found, start, _ in content if found == term]
            yield Flag(
                "keyword_stuffing",
                f'"{term}" appears {count} times, {share:.0%} of all terms',
                _densest_passage(text, positions),
            )


def _bursts(text: str, content: list[tuple[str, int, int]]) -> Iterator[Flag]:
    """Terms said again and again within a few words ("Python, Python, Python, Python")."""
    positions: dict[str, list[int]] = {}
    for index, (term, _, _) in enumerate(content):
        positions.setdefault(term, []).append(index)
    for term, indexes in positions.items():
        for first, last in zip(indexes, indexes[_MIN_BURST_REPEATS - 1:], strict=False):
            if last - first < _BURST_WINDOW:
                yield Flag(
                    "keyword_stuffing",
                    f'"{term}" is repeated {_MIN_BURST_REPEATS} times within '
                    f"{last - first + 1} words",
                    text[content[first][1]: content[last][2]][:_MAX_EVIDENCE_CHARS],
                )
                break


def _keyword_lists(text: str) -> Iterator[Flag]:
    """Runs of short items separated by commas, semicolons, pipes or bullets."""
    run_start = run_end = items = separators = 0
    for match in _LIST_ITEM.finditer(text):
        item, separator = match.group(1).strip(), match.group(2)
        if not item:
            continue
        if _is_keyword(item):
            if items == 0:
                run_start = match.start(1)
            items += 1
            separators += separator not in ("\n", "")
            run_end = match.end(1)
            continue
        if _is_keyword_list(items, separators):
            yield _keyword_list_flag(text, run_start, run_end, items)
        items = separators = 0
    if _is_keyword_list(items, separators):
        yield _keyword_list_flag(text, run_start, run_end, items)


def _is_keyword(item: str) -> bool:
    return (
        len(item) <= _MAX_LIST_ITEM_CHARS
        and len(item.split()) <= _MAX_LIST_ITEM_WORDS
        and not _SENTENCE_END.search(item)
    )


def _is_keyword_list(items: int, separators: int) -> bool:
    return separators >= _MIN_LIST_ITEMS and separators >= _MIN_LIST_SEPARATOR_SHARE * items


def _keyword_list_flag(text: str, start: int, end: int, items: int) -> Flag:
    return Flag(
        "keyword_stuffing",
        f"a list of {items} keywords without sentences",
        text[start:end][:_MAX_EVIDENCE_CHARS],
    )


def _densest_passage(text: str, positions: list[int]) -> str:
    """The stretch of text where the repeated term is most concentrated."""
    span = min(len(positions), _BURST_WINDOW)
    best = min(range(len(positions) - span + 1),
               key=lambda index: positions[index + span - 1] - positions[index])
    start = positions[best]
    end = min(len(text), positions[best + span - 1] + 40)
    return text[start:end][:_MAX_EVIDENCE_CHARS]
