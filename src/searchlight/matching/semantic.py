"""Embedding evidence: label vectors, query windows, synonyms pulled towards their group.

Texts are lower-cased before embedding: the encoder is case-sensitive ("Python Developer" and
"python developer" land apart), labels are mostly lower case and job ads are not.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from searchlight.matching.cache import encode_cached
from searchlight.matching.embedder import Embedder, normalise_rows
from searchlight.matching.spans import candidate_spans
from searchlight.matching.thesaurus import Thesaurus, phrase_key

# Texts scored per matrix product: large enough to read the label matrix rarely, small enough to
# bound memory (1024 texts x 14k ESCO labels is ~60 MB).
_TEXTS_PER_PRODUCT = 1024
# Label spaces smaller than this are cheap to encode and too many to keep on disk one by one.
_DISK_CACHE_MIN_LABELS = 1000


# Pseudo-relevance feedback: (how many nearest labels, how far towards their centroid).
Feedback = tuple[int, float]
NO_FEEDBACK: Feedback = (0, 0.0)
# Feedback only where its labels are a small part of the space (a guard, not a tuned value: in
# a list of 30 titles the "nearest 5" are no cluster, and the benchmark corpora have thousands).
FEEDBACK_SPACE = 10


@dataclass(frozen=True)
class QueryPlan:
    """What to embed for one query: its whole-text variants, then its windows (may be none)."""

    variants: list[str]
    windows: list[str]

    @property
    def texts(self) -> list[str]:
        return [*self.variants, *self.windows]


class SemanticSpace:
    """Label vectors (pulled towards their synonyms) and the cosine evidence for queries."""

    def __init__(self, labels: Sequence[str], embedder: Embedder, thesaurus: Thesaurus,
                 synonym_pull: float) -> None:
        self.embedder = embedder
        self._thesaurus = thesaurus
        self._pull = synonym_pull
        disk = len(labels) >= _DISK_CACHE_MIN_LABELS
        # Synonym vectors by phrase key, encoded when a label or query first needs them: a
        # thesaurus of every ESCO occupation title is large, and one corpus meets a few of them.
        self._phrase_vectors: dict[str, np.ndarray] = {}
        label_vectors = encode_cached(embedder, _lower(labels), disk=disk)
        self.label_vectors = self._enriched(labels, label_vectors)

    def plan(self, query: str, *, split_variant: str, stopwords: Collection[str],
             span_words: int) -> QueryPlan:
        """A query no longer than a window is one mention; a longer one is read window by window."""
        variants = list(dict.fromkeys([query, split_variant]))
        if span_words == 0 or len(query.split()) <= span_words:
            return QueryPlan(variants, [])
        windows: dict[str, None] = {}
        for variant in variants:
            windows.update(dict.fromkeys(
                candidate_spans(variant, stopwords=stopwords, max_words=span_words)))
        for variant in variants:
            windows.pop(variant, None)
        return QueryPlan(variants, list(windows))

    def scores(self, plans: Sequence[QueryPlan], whole_query: float,
               feedback: Feedback = NO_FEEDBACK) -> np.ndarray:
        """Per query: the best whole-text cosine, blended with the best window when there are
        windows (`whole_query` is the share of the whole text)."""
        whole, best = self.cosines(plans, feedback)
        return whole_query * whole + (1.0 - whole_query) * best

    def cosines(self, plans: Sequence[QueryPlan],
                feedback: Feedback = NO_FEEDBACK) -> tuple[np.ndarray, np.ndarray]:
        """Per query and label: the best whole-text cosine, and the best of that and of the
        windows (the same matrix when a query has no windows)."""
        whole = np.zeros((len(plans), len(self.label_vectors)), dtype=np.float32)
        best = np.zeros_like(whole)
        for chunk in _chunks(plans, _TEXTS_PER_PRODUCT):
            texts = list(dict.fromkeys(t for i in chunk for t in plans[i].texts))
            row_of = {text: row for row, text in enumerate(texts)}
            vectors = self._enriched(texts, self.embedder.encode(_lower(texts)))
            cosines = self._fed_back(vectors, vectors @ self.label_vectors.T, feedback)
            for index in chunk:
                plan = plans[index]
                whole[index] = cosines[[row_of[text] for text in plan.variants]].max(axis=0)
                best[index] = whole[index]
                if plan.windows:
                    windows = cosines[[row_of[text] for text in plan.windows]].max(axis=0)
                    np.maximum(best[index], windows, out=best[index])
        return whole, best

    def _fed_back(self, vectors: np.ndarray, cosines: np.ndarray,
                  feedback: Feedback) -> np.ndarray:
        """Cosines after moving each text towards the centroid of its nearest labels."""
        labels, weight = feedback
        if not labels or not weight or len(self.label_vectors) < FEEDBACK_SPACE * labels:
            return cosines
        nearest = np.argsort(-cosines, axis=1, kind="stable")[:, :labels]
        centroids = self.label_vectors[nearest].mean(axis=1)
        moved = normalise_rows(vectors + np.float32(weight) * centroids)
        return moved @ self.label_vectors.T

    def _enriched(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Move the vector of every text the thesaurus knows towards its synonyms' centroid."""
        if not self._pull or not self._thesaurus:
            return vectors
        self._encode_phrases([p for text in texts for p in self._thesaurus.equivalents(text)])
        vectors = np.array(vectors)
        for row, text in enumerate(texts):
            keys = [phrase_key(p) for p in self._thesaurus.equivalents(text)]
            if keys:
                centroid = np.mean([self._phrase_vectors[key] for key in keys], axis=0)
                direction = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
                vectors[row] = normalise_rows((vectors[row] + self._pull * direction)[None, :])[0]
        return vectors

    def _encode_phrases(self, phrases: Sequence[str]) -> None:
        missing = {phrase_key(p): p for p in phrases if phrase_key(p) not in self._phrase_vectors}
        if missing:
            vectors = self.embedder.encode(_lower(list(missing.values())))
            self._phrase_vectors.update(zip(missing, vectors, strict=True))


def _lower(texts: Sequence[str]) -> list[str]:
    return [text.lower() for text in texts]


def _chunks(plans: Sequence[QueryPlan], budget: int) -> list[list[int]]:
    """Consecutive query numbers grouped so each group has about `budget` texts."""
    chunks: list[list[int]] = [[]]
    size = 0
    for index, plan in enumerate(plans):
        if chunks[-1] and size + len(plan.texts) > budget:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += len(plan.texts)
    return [chunk for chunk in chunks if chunk]
