"""Exact-term evidence: stemmed content words in Dutch and English, compound-aware."""

import re
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]", re.IGNORECASE)
STOPWORDS = frozenset("""
a an and are as at be by for from has have in is it of on or that the to was were with
de het een en van in op te voor met die dat is zijn als bij door aan om of ook naar
uit tot over onder tegen dan maar niet wel je ik we wij hun haar zijn mijn
""".split())


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    return Stemmer.Stemmer("english"), Stemmer.Stemmer("dutch")


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    english, dutch = _stemmers()
    return tuple({english.stemWord(word), dutch.stemWord(word)})


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def term_set(text: str) -> frozenset[str]:
    """Every stem of every content word, plus the text squashed without spaces or hyphens so
    "vector databases" finds "vectordatabases" and "A/B-testen" finds "ab testen"."""
    found: set[str] = set()
    for word in words(text):
        found.update(_stems(word))
    return frozenset(found)


def squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


def lexical_overlap(query: str, passage_terms: frozenset[str], passage_squashed: str) -> float:
    """Share of the query's content words found in the passage (1.0 = all of them)."""
    query_words = words(query)
    if not query_words:
        return 0.0
    joined = squashed(query)
    if len(joined) >= 4 and joined in passage_squashed:
        return 1.0
    hits = sum(1 for w in query_words if any(s in passage_terms for s in _stems(w)))
    return hits / len(query_words)
