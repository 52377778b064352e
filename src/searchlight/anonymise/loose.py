"""Names written loosely, the way people type their own name at the top of a CV: in lower case
("meera k"), with bare initials before or after ("S Venkatesh", "Anand R."), in capitals, with
particles and hyphens, from any language. Read only where the structure of the CV says a name
stands (its first line, a "Name:" field, the line after a sign-off), so no list of names is
needed to know that it is one; the word lists only say what is *not* a name (job titles,
headings, organisations, places)."""

from __future__ import annotations

import re

from searchlight.anonymise.finder import NameFinder, is_company_word
from searchlight.anonymise.lexicon import TITLES, fold
from searchlight.anonymise.text import PARTICLES, Token, overlaps

_CV_WORDS = frozenset({"curriculum", "vitae", "cv", "resume", "résumé", "naam", "name", "bio"})
# What may stand between the parts of a name: spaces, a hyphen, the dot of an initial.
_GAP = re.compile(r"[ \t\u00a0]{1,3}|-|\.[ \t\u00a0]{0,2}|[ \t]*['’][ \t]*")
_TAIL = re.compile(r"[ \t\u00a0.,)]*")
_MOST_PARTS = 5
# Particles that are also English words; they never start or end a name.
_EVERYDAY_PARTICLES = frozenset({"in", "op", "te", "het"})
_WORD_PARTICLES = frozenset({"in", "op", "te", "het", "de", "la", "le", "el", "al", "da", "di",
                             "do", "du"})

# Words that make a sentence, not a name ("I am", "ik ben", "about me").
_FUNCTION_WORDS = frozenset({
    "i", "am", "is", "are", "was", "be", "the", "a", "an", "and", "or", "of", "for", "to", "with",
    "my", "me", "about", "at", "on", "by", "as", "from", "this", "ik", "ben", "mijn", "een", "en",
    "voor", "met", "aan", "bij", "naar", "over", "hoi", "hello", "hi", "dear", "based",
})


def loose_name(finder: NameFinder, start: int, end: int, *,
               single_word_needs_evidence: bool = True) -> tuple[int, int] | None:
    """(start, end) of the name that fills text[start:end] (a header segment or a field value),
    or None when the words there do not read as a name."""
    tokens = finder.tokens_between(start, end)
    while tokens and tokens[0].text.lower().rstrip(".") in _CV_WORDS | TITLES:
        tokens = tokens[1:]
    if not tokens or len(tokens) > _MOST_PARTS:
        return None
    text = finder.text
    if any(c.isdigit() or c in "@/:" for c in text[start:end]):
        return None  # contact details or a label, not a name
    tail = _TAIL.match(text, tokens[-1].end)
    if tail is None or tail.end() < end and text[tail.end():end].strip():
        return None  # something other than a name follows on the same segment
    if not all(_GAP.fullmatch(token.gap) and ("." not in token.gap or _is_initial(before))
               for before, token in zip(tokens, tokens[1:], strict=False)):
        return None  # "jp.devries" is a handle; a dot only follows an initial ("S.Venkatesh")
    if not _parts_read_as_name(finder, tokens, single_word_needs_evidence):
        return None
    first, last = tokens[0], tokens[-1]
    name_end = last.end + (1 if text.startswith(".", last.end) and _is_initial(last) else 0)
    if overlaps(first.start, name_end, finder.protected):
        return None
    return first.start, name_end


def _is_initial(token: Token) -> bool:
    return token.kind == "initials" or (len(token.text) == 1 and token.text.isalpha())


def _parts_read_as_name(finder: NameFinder, tokens: list[Token], needs_evidence: bool) -> bool:
    words = finder.words
    name_words = [t for t in tokens if not _is_initial(t) and t.text.lower() not in PARTICLES]
    if not name_words or any(len(t.text) < 2 for t in name_words):
        return False
    if tokens[0].text.lower() in _WORD_PARTICLES and len(tokens) > 1 and tokens[1].kind == "lower":
        return False  # "de cv", "in progress"
    if tokens[-1].text.lower() in PARTICLES or any(
            token.text in _EVERYDAY_PARTICLES and not (
                index + 1 < len(tokens) and tokens[index + 1].text.lower() in PARTICLES)
            for index, token in enumerate(tokens)):
        return False  # "Based in Harrogate", but "Floor in 't Veld"
    if len(tokens) > 1 and words.is_place(tokens[-1].text) and (
            tokens[-2].text.lower() not in PARTICLES):
        return False  # "Maharashtra Pune": a region and a city
    if any(token.text.lower() in _FUNCTION_WORDS for token in tokens if len(token.text) > 1):
        return False  # "I am Zoë", "About me": a sentence or a heading
    for token in name_words:
        if (words.is_non_name(token.text) or is_company_word(token.text)
                or words.is_nationality(token.text) or token.text.lower() in TITLES):
            return False
    first_index = finder.index_at(tokens[0].start)
    if words.places.match_at(finder.tokens, first_index) == len(tokens):
        return False  # "Pune", "Noord-Holland": a place on the name's line is a place
    if len(tokens) == 1 or len(name_words) == 1 and all(
            t in name_words or t.text.lower() in PARTICLES for t in tokens):
        return not needs_evidence or _has_evidence(finder, name_words[0])
    return True


def _has_evidence(finder: NameFinder, token: Token) -> bool:
    """A single word is a name when a name list knows it or the e-mail address or a profile URL
    spells it."""
    folded = fold(token.text)
    return (finder.words.is_first_name(token.text) or finder.words.is_clear_surname(token.text)
            or len(folded) >= 3 and (folded in finder.hint_parts
                                     or any(folded in whole for whole in finder.hint_words)))
