"""Splitting Dutch and German compounds into words a label space already knows.

Dutch and German glue words together ("vectordatabases", "stakeholdermanagement",
"Unternehmensstrategieberaterin"), so an exact-term index never sees the parts. We split a word
into the fewest pieces that are each a known word, optionally followed by a linking morpheme
(the Dutch/German "Fugen": unternehmen+s+strategie). Pieces keep their surface form, so joining
them gives back the word.
"""

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

# Linking morphemes, plural endings and the German feminine suffix that may follow a known word
# inside a compound ("unternehmen|s", "database|s", "berater|in").
LINKERS = ("", "s", "e", "n", "en", "er", "es", "ens", "in", "innen")
MIN_PART = 3
VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,}")


def split_compounds(
    word: str, vocabulary: Collection[str], *, min_part: int = MIN_PART, also_known: bool = False
) -> list[str]:
    """The shortest split of `word` into known pieces; `[word]` when it cannot be split, or when
    it is itself known unless `also_known` (then "kameramann" -> "kamera", "mann" if both are).

    >>> split_compounds("vectordatabases", {"vector", "database"})
    ['vector', 'databases']
    """
    lowered = word.lower()
    best = _best_segmentation(lowered, vocabulary, min_part, whole=not also_known)
    if best is None or len(best) < 2:
        return [word]
    pieces, start = [], 0
    for end in best:
        pieces.append(word[start:end])
        start = end
    return pieces


@lru_cache(maxsize=1 << 16)
def split_known(
    word: str, vocabulary: frozenset[str], min_part: int = MIN_PART, also_known: bool = False
) -> tuple[str, ...]:
    """`split_compounds` remembered per word: running text repeats its words a lot."""
    return tuple(split_compounds(word, vocabulary, min_part=min_part, also_known=also_known))


def _best_segmentation(
    word: str, vocabulary: Collection[str], min_part: int, *, whole: bool
) -> list[int] | None:
    """Cut positions of the segmentation with the fewest pieces; ties go to the longest pieces.

    Dynamic programming over prefixes: `best[i]` holds the best way to cover `word[:i]`.
    """
    length = len(word)
    best: list[tuple[int, int, list[int]] | None] = [None] * (length + 1)
    best[0] = (0, 0, [])
    for end in range(min_part, length + 1):
        for start in range(0, end - min_part + 1):
            if not whole and start == 0 and end == length:
                continue
            previous = best[start]
            if previous is None or not _is_piece(word[start:end], vocabulary, min_part):
                continue
            pieces, squares, cuts = previous
            candidate = (pieces + 1, squares - (end - start) ** 2, [*cuts, end])
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    final = best[length]
    return None if final is None else final[2]


def _is_piece(piece: str, vocabulary: Collection[str], min_part: int) -> bool:
    for linker in LINKERS:
        stem_length = len(piece) - len(linker)
        if stem_length < min_part or not piece.endswith(linker):
            continue
        if piece[:stem_length] in vocabulary:
            return True
    return False


def learn_vocabulary(texts: Iterable[str], *, stopwords: Collection[str] = ()) -> frozenset[str]:
    """Lower-cased words of three or more letters: the pieces compounds may be split into.

    Stopwords are left out so that "der"/"und"/"het" cannot become the glue of a bogus split.
    """
    words = {match.lower() for text in texts for match in VOCABULARY_WORD.findall(text)}
    return frozenset(word for word in words if word not in stopwords)
