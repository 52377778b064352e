"""Which taxonomy skills a CV names, word for word: a phrase table over every label and synonym,
looked up with the CV's word n-grams (also squashed, so "vector databases" finds
"vectordatabases")."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from searchlight.screening.score.evidence import Passage

_WORD = re.compile(r"[^\W_][\w+#.\-/]*[\w+#]|[^\W_]", re.UNICODE)
MAX_WORDS = 4
MIN_CHARS = 3  # "R", "Go", "C" are real skills but mostly just words


@dataclass(frozen=True)
class FoundSkill:
    key: str
    label: str
    passages: tuple[int, ...]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _squash(words: Sequence[str]) -> str:
    return "".join(re.sub(r"[^\w+#]", "", w) for w in words)


@dataclass(frozen=True)
class SkillMatcher:
    phrases: dict[str, tuple[str, ...]]  # spaced or squashed phrase -> every skill it names
    labels: dict[str, str]  # skill key -> preferred label

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, Sequence[str]]]) -> "SkillMatcher":
        phrases: dict[str, dict[str, None]] = {}  # one name can belong to several skills
        labels: dict[str, str] = {}
        for key, label, synonyms in entries:
            labels[key] = label
            for name in (label, *synonyms):
                words = _words(name)
                if not words or len(words) > MAX_WORDS or len(name.strip()) < MIN_CHARS:
                    continue
                phrases.setdefault(" ".join(words), {})[key] = None
                if len(words) > 1:
                    phrases.setdefault(_squash(words), {})[key] = None
        return cls({name: tuple(keys) for name, keys in phrases.items()}, labels)

    def find(self, passages: Sequence[Passage]) -> list[FoundSkill]:
        hits: dict[str, list[int]] = {}
        for index, passage in enumerate(passages):
            words = _words(passage.text)
            for size in range(1, MAX_WORDS + 1):
                for start in range(len(words) - size + 1):
                    window = words[start:start + size]
                    keys = self.phrases.get(" ".join(window)) or (
                        self.phrases.get(_squash(window), ()) if size == 1 else ())
                    for key in keys:
                        if index not in hits.setdefault(key, []):
                            hits[key].append(index)
        return [FoundSkill(key, self.labels[key], tuple(found))
                for key, found in sorted(hits.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
