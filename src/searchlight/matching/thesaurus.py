"""Known equivalent phrases (ESCO alternative labels, job-title synonym pairs) as one lookup.

`synonyms` maps a phrase to phrases that mean the same; the relation is read symmetrically, so
"ML engineer" -> ["machine learning engineer"] also tells us the reverse. Phrases match after
lower-casing and collapsing whitespace.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence


def phrase_key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


class Thesaurus:
    def __init__(self, synonyms: Mapping[str, Sequence[str]] | None = None) -> None:
        # phrase key -> {equivalent's key: equivalent as first written}
        self._equivalents: dict[str, dict[str, str]] = defaultdict(dict)
        for phrase, alternatives in (synonyms or {}).items():
            group: dict[str, str] = {}
            for member in (phrase, *alternatives):
                group.setdefault(phrase_key(member), member)
            for key in group:
                bucket = self._equivalents[key]
                for other_key, other in group.items():
                    if other_key != key:
                        bucket.setdefault(other_key, other)

    def __bool__(self) -> bool:
        return bool(self._equivalents)

    def equivalents(self, phrase: str) -> list[str]:
        """Phrases known to mean the same as `phrase`, in first-seen order (deterministic)."""
        return list(self._equivalents.get(phrase_key(phrase), {}).values())

    def phrases(self) -> list[str]:
        """Every alternative phrase the thesaurus knows, once each."""
        seen: dict[str, str] = {}
        for bucket in self._equivalents.values():
            for key, phrase in bucket.items():
                seen.setdefault(key, phrase)
        return list(seen.values())
