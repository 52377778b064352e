"""Exact-term evidence: stemmed content words in Dutch and English, compound-aware.

A CV's passages are indexed once (stem -> bitmask of passages, and all passages squashed into one
string), so checking a phrase against every passage is a few dictionary look-ups."""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import Stemmer

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]", re.IGNORECASE)
STOPWORDS = frozenset("""
a an and are as at be by for from has have in is it of on or that the to was were with
de het een en van in op te voor met die dat is zijn als bij door aan om of ook naar
uit tot over onder tegen dan maar niet wel je ik we wij hun haar zijn mijn
""".split())
MIN_SQUASHED = 4  # shorter phrases would be found inside unrelated words


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    return Stemmer.Stemmer("english"), Stemmer.Stemmer("dutch")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    english, dutch = _stemmers()
    return tuple({english.stemWord(word), dutch.stemWord(word)})


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
    passage_count: int
    stem_masks: dict[str, int]  # stem -> bitmask of the passages containing it
    flat: str  # every passage squashed, separated by "|"
    starts: tuple[int, ...]  # where each passage begins in `flat`

    @classmethod
    def build(cls, passages: Sequence[str]) -> "LexicalIndex":
        masks: dict[str, int] = {}
        pieces, starts, position = [], [], 0
        for index, text in enumerate(passages):
            bit = 1 << index
            for word in words(text):
                for stem in stems(word):
                    masks[stem] = masks.get(stem, 0) | bit
            piece = squashed(text)
            starts.append(position)
            pieces.append(piece)
            position += len(piece) + 1
        return cls(len(passages), masks, "|".join(pieces), tuple(starts))

    def to_json(self) -> dict[str, object]:
        # Masks as hex strings: JSON numbers lose precision past 2**53 (54+ passages).
        return {"n": self.passage_count, "masks": {k: f"{v:x}" for k, v in self.stem_masks.items()},
                "flat": self.flat, "starts": list(self.starts)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LexicalIndex":
        return cls(data["n"], {k: int(v, 16) for k, v in data["masks"].items()}, data["flat"],
                   tuple(data["starts"]))

    def passages_with(self, wanted: Phrase) -> int:
        """Bitmask of passages holding every content word of the phrase (or the phrase written
        as one word: "vector databases" in "vectordatabases", "A/B testing" in "abtesting")."""
        mask = 0
        if wanted.word_stems:
            mask = (1 << self.passage_count) - 1
            for options in wanted.word_stems:
                mask &= _any_mask(self.stem_masks, options)
                if not mask:
                    break
        if len(wanted.joined) >= MIN_SQUASHED:
            found = self.flat.find(wanted.joined)
            while found != -1:
                mask |= 1 << (bisect_right(self.starts, found) - 1)
                found = self.flat.find(wanted.joined, found + 1)
        return mask


def _any_mask(masks: dict[str, int], options: tuple[str, ...]) -> int:
    combined = 0
    for option in options:
        combined |= masks.get(option, 0)
    return combined


def mask_to_array(mask: int, size: int) -> list[bool]:
    return [bool(mask >> i & 1) for i in range(size)]
