"""Exact-term evidence: language-aware BM25 over a label space, with compound splitting.

One BM25 index per language (each with its own stemmer and stopwords); a label's lexical score is
the best it gets in any language, because a bilingual label space mixes Dutch and English text
and a query can be in either.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import bm25s
import numpy as np
import Stemmer
from bm25s import stopwords as bm25_stopwords

from searchlight.matching.compounds import learn_vocabulary, split_known

STEMMER_NAMES = {"en": "english", "nl": "dutch", "de": "german", "es": "spanish"}
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(bm25_stopwords.STOPWORDS_EN),
    "nl": frozenset(bm25_stopwords.STOPWORDS_DUTCH),
    "de": frozenset(bm25_stopwords.STOPWORDS_GERMAN),
    "es": frozenset(bm25_stopwords.STOPWORDS_SPANISH),
}
# Languages that write compounds as one word, so their analyser splits long unknown words.
COMPOUNDING = frozenset({"nl", "de"})
# A word the index knows is still indexed by its parts when it is this long and its parts are
# this long ("kameramann" also as kamera + mann, so it meets "kameraassistent"); shorter known
# words stay whole, which keeps English text in a bilingual index from turning "database" into
# "data" + "base".
LONG_COMPOUND = 10
LONG_COMPOUND_PART = 4
# Below this many distinct terms an index is too small to tell an unknown word from a word in
# another language (24 category names know almost no CV words), so every query counts as readable.
MIN_TERMS_TO_JUDGE_LANGUAGE = 2000
# Letters and digits, keeping the "+"/"#" of c++ and c#.
WORD = re.compile(r"[^\W_]+[+#]*")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def supported(languages: Sequence[str]) -> tuple[str, ...]:
    unknown = [language for language in languages if language not in STEMMER_NAMES]
    if unknown:
        raise ValueError(f"unsupported language(s) {unknown}; choose from {sorted(STEMMER_NAMES)}")
    return tuple(dict.fromkeys(languages))


@dataclass
class Analyzer:
    """Text to index terms for one language: lower-case words, compounds split, stems."""

    language: str
    vocabulary: frozenset[str] = frozenset()
    _stemmer: Stemmer.Stemmer = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._stemmer = Stemmer.Stemmer(STEMMER_NAMES[self.language])

    @property
    def stopwords(self) -> frozenset[str]:
        return STOPWORDS[self.language]

    def terms(self, text: str) -> list[str]:
        kept = [word for word in words(text) if word not in self.stopwords]
        if self.language in COMPOUNDING:
            kept = [piece for word in kept for piece in self.pieces(word)]
        return self._stemmer.stemWords(kept)

    def pieces(self, word: str) -> list[str]:
        """The word itself plus, for an unknown or a long compound, its known parts."""
        parts = split_known(word, self.vocabulary)
        if len(parts) == 1 and len(word) >= LONG_COMPOUND:
            parts = split_known(word, self.vocabulary, LONG_COMPOUND_PART, also_known=True)
        return [word] if len(parts) == 1 else [word, *parts]


def compound_vocabulary(texts: Sequence[str], languages: Sequence[str]) -> frozenset[str]:
    excluded = frozenset().union(*(STOPWORDS[language] for language in languages))
    return learn_vocabulary(texts, stopwords=excluded)


def split_text(text: str, vocabulary: frozenset[str]) -> str:
    """`text` with every splittable compound written as separate words, for the embedder."""
    return WORD.sub(lambda match: " ".join(split_known(match.group(), vocabulary)), text)


class LexicalIndex:
    """BM25 over documents in one or more languages; raw scores, best language per document.

    A query term counts 1 + ln(its count in the query): a CV that says "Java" ten times is more
    about Java than one that says it once, but not ten times more.
    """

    def __init__(self, documents: Sequence[str], languages: Sequence[str]) -> None:
        self.languages = supported(languages)
        self.vocabulary = compound_vocabulary(documents, self.languages)
        self._analyzers = [Analyzer(language, self.vocabulary) for language in self.languages]
        self._retrievers = [_bm25([analyzer.terms(doc) for doc in documents])
                            for analyzer in self._analyzers]
        self.size = len(documents)
        self._own_scores = np.maximum(
            np.max([_own_scores(retriever) for retriever in self._retrievers], axis=0),
            np.float32(1e-6),
        )

    def scores(self, query: str) -> np.ndarray:
        best = np.zeros(self.size, dtype=np.float32)
        for analyzer, retriever in zip(self._analyzers, self._retrievers, strict=True):
            counts = Counter(term for term in analyzer.terms(query) if term in retriever.vocab_dict)
            if counts:
                np.maximum(best, _weighted_scores(retriever, counts), out=best)
        return best

    def readable_share(self, query: str) -> float:
        """The share of the query's terms this index knows, in its best language.

        Exact-term evidence is only as trustworthy as this: a Dutch phrase against English labels
        shares a loanword or two, and BM25 would crown whichever label holds that loanword.
        """
        best = 0.0
        for analyzer, retriever in zip(self._analyzers, self._retrievers, strict=True):
            if len(retriever.vocab_dict) < MIN_TERMS_TO_JUDGE_LANGUAGE:
                return 1.0
            terms = analyzer.terms(query)
            if terms:
                known = sum(1 for term in terms if term in retriever.vocab_dict)
                best = max(best, known / len(terms))
        return best

    def coverage(self, query: str) -> np.ndarray:
        """How much of each document's own term weight the query contains, in [0, 1]."""
        return np.clip(self.scores(query) / self._own_scores, 0.0, 1.0)

    @property
    def splits_compounds(self) -> bool:
        return any(language in COMPOUNDING for language in self.languages)


def _own_scores(retriever: bm25s.BM25) -> np.ndarray:
    """Each document's BM25 for a query made of its own terms: the sum of its term scores."""
    matrix = retriever.scores
    return np.bincount(matrix["indices"], weights=matrix["data"],
                       minlength=matrix["num_docs"]).astype(np.float32)


def _weighted_scores(retriever: bm25s.BM25, counts: Counter[str]) -> np.ndarray:
    """BM25 with sublinear query-term weights; terms seen equally often share one lookup."""
    by_count: dict[int, list[str]] = defaultdict(list)
    for term, count in counts.items():
        by_count[count].append(term)
    total = np.zeros(retriever.scores["num_docs"], dtype=np.float32)
    for count, terms in by_count.items():
        total += np.float32(1.0 + math.log(count)) * retriever.get_scores(terms)
    return total


def _bm25(corpus_terms: list[list[str]]) -> bm25s.BM25:
    retriever = bm25s.BM25()
    # An empty document (a label of only stopwords) would break bm25s; give it a dummy term.
    retriever.index([terms or ["\x00"] for terms in corpus_terms], show_progress=False)
    return retriever
