"""Exact-term evidence: stemmed content words in Dutch and English, compound-aware.

A CV's passages are indexed once (stem -> bitmask of passages, and all passages squashed into one
string), so checking a phrase against every passage is a few dictionary look-ups."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]", re.IGNORECASE)
STOPWORDS = frozenset("""
a an and are as at be by for from has have in is it of on or that the to was were with
de het een en van in op te voor met die dat is zijn als bij door aan om of ook naar
uit tot over onder tegen dan maar niet wel je ik we wij hun haar zijn mijn
""".split())
MIN_SQUASHED = 4  # shorter phrases would be found inside unrelated words
MAX_TERM = 100  # longer "words" are debris (hashes, run-together lists), never a skill's name
MIN_ADJECTIVE = 6  # "usual", "ideal", "total" are left to the stemmer (which keeps them whole)


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    return Stemmer.Stemmer("english"), Stemmer.Stemmer("dutch")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    english, dutch = _stemmers()
    return tuple({_english_stem(english, word), dutch.stemWord(word)})


def _english_stem(english: Stemmer.Stemmer, word: str) -> str:
    """Snowball's English stem, except that an adjective in -al keeps its ending: Snowball
    strips it, so "practical" would be "practice", "digital" "digit", "analytical"
    "analytics" and "critical" "critic", a different thing each time. Its plural ("-als") and
    adverb ("-ally") fold onto it. Dutch's stemmer leaves these English words whole, so CVs
    indexed before this rule still hold the same stem for them."""
    adjective = word[:-1] if word.endswith("als") else word[:-2] if word.endswith("ally") else word
    if adjective.endswith("al") and len(adjective) >= MIN_ADJECTIVE:
        return adjective
    return str(english.stemWord(word))


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


@dataclass(frozen=True)
class Phrase:
    """A phrase to look for: the stems of each content word, and the phrase without spaces."""

    word_stems: tuple[tuple[str, ...], ...]
    joined: str


@lru_cache(maxsize=65536)
def phrase(text: str) -> Phrase:
    content = words(text)
    return Phrase(tuple(stems(w) for w in content), squashed(text))


@dataclass(frozen=True)
class LexicalIndex:
    """One CV's passages indexed: the passages holding each stem, and the passages squashed."""

    passage_count: int
    stem_masks: dict[str, int]  # stem -> bitmask of the passages containing it
    flat: str  # every passage squashed, separated by "|"

    @classmethod
    def build(cls, passages: Sequence[str]) -> "LexicalIndex":
        masks: dict[str, int] = {}
        for index, text in enumerate(passages):
            bit = 1 << index
            for word in words(text):
                if len(word) > MAX_TERM:
                    continue
                for stem in stems(word):
                    masks[stem] = masks.get(stem, 0) | bit
        return cls(len(passages), masks, "|".join(squashed(text) for text in passages))

    def term_rows(self) -> list[tuple[str, str]]:
        """The stem masks as (stem, hex) rows for storage: hex, since masks outgrow 64 bits."""
        return [(stem, f"{mask:x}") for stem, mask in self.stem_masks.items()]


class TermPool:
    """Exact-term evidence over the passages of many CVs at once, numbered one after the other.

    `masks` needs to hold only the stems that will be looked up: stem -> {CV: passage mask}.
    `flats` are each CV's `LexicalIndex.flat`, and `passage_starts` the number of the first
    passage of each CV, plus the total at the end."""

    def __init__(
        self, masks: dict[str, dict[int, int]], flats: Sequence[str], passage_starts: np.ndarray
    ) -> None:
        self.masks = masks
        self.passage_starts = passage_starts
        self._holding: dict[str, np.ndarray] = {}
        self._found: dict[Phrase, np.ndarray] = {}  # items share names: each is looked up once
        # One string for the pool: a phrase written as one word is found with one scan in C.
        counts = np.diff(passage_starts)
        holding = [flat for flat, count in zip(flats, counts, strict=True) if count]
        self.flat = "|".join(holding)  # one piece per passage, ASCII only (see `squashed`)
        bars = np.flatnonzero(np.frombuffer(self.flat.encode("ascii"), np.uint8) == ord("|"))
        self.flat_starts = np.concatenate(([0], bars + 1)) if holding else bars

    @classmethod
    def of(cls, indexes: Sequence[LexicalIndex]) -> "TermPool":
        counts = [index.passage_count for index in indexes]
        starts = np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))
        masks: dict[str, dict[int, int]] = {}
        for cv, index in enumerate(indexes):
            for stem, mask in index.stem_masks.items():
                masks.setdefault(stem, {})[cv] = mask
        return cls(masks, [index.flat for index in indexes], starts)

    def passages_with(self, wanted: Phrase) -> np.ndarray:
        """Which passages hold every content word of the phrase (or the phrase written as one
        word: "vector databases" in "vectordatabases", "A/B testing" in "abtesting")."""
        if wanted not in self._found:
            found = self._passages_with(wanted)
            found.flags.writeable = False  # shared by every item that has this name
            self._found[wanted] = found
        return self._found[wanted]

    def _passages_with(self, wanted: Phrase) -> np.ndarray:
        found = np.zeros(int(self.passage_starts[-1]), dtype=bool)
        if wanted.word_stems:
            found |= np.logical_and.reduce([
                np.logical_or.reduce([self.holding(stem) for stem in options])
                for options in wanted.word_stems])
        if len(wanted.joined) >= MIN_SQUASHED:
            hits = []
            position = self.flat.find(wanted.joined)
            while position != -1:
                hits.append(position)
                position = self.flat.find(wanted.joined, position + 1)
            found[np.searchsorted(self.flat_starts, hits, side="right") - 1] = True
        return found

    def holding(self, stem: str) -> np.ndarray:
        """Which passages hold the stem; worked out once per stem."""
        if stem not in self._holding:
            found = np.zeros(int(self.passage_starts[-1]), dtype=bool)
            by_cv = self.masks.get(stem, {})
            if by_cv:
                rows, bits = _set_bits(list(by_cv.values()))
                cvs = np.fromiter(by_cv, np.int64, len(by_cv))
                found[self.passage_starts[cvs[rows]] + bits] = True
            self._holding[stem] = found
        return self._holding[stem]


def _set_bits(masks: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(mask number, bit number) of every bit set in these masks, in 64-bit words at a time."""
    words = max(mask.bit_length() for mask in masks) // 64 + 1
    low = (1 << 64) - 1
    packed = (np.array(masks, dtype=np.uint64) if words == 1 else
              np.array([[mask >> (64 * w) & low for w in range(words)] for mask in masks],
                       dtype=np.uint64))
    little_endian = packed.reshape(len(masks), words).astype("<u8", copy=False)
    bits = np.unpackbits(little_endian.view(np.uint8), axis=1, bitorder="little")
    rows, positions = np.nonzero(bits)
    return rows, positions
