"""A label space searchable by meaning and by exact terms at once.

The score of a label for a query fuses three pieces of evidence, each in [0, 1]:
- lexical: BM25 of the query against the label (and its synonyms), divided by the best label's
  BM25 for that query, so a rare exact term counts in any language the index speaks; weighted by
  the share of the query's terms the index knows, so a query in another language leans on
  meaning instead of on the one loanword it shares with some label;
- embedding: cosine of the label vector with the query and with the query's best short window
  (a label is usually mentioned by a few words of a longer sentence);
- prior: how common the label is (e.g. ESCO skill frequencies), a tie-breaker only.
Compounds a query writes as one word ("vectordatabases") are also embedded split up.

A long document (a CV) is scored by its best few passages plus its term frequencies, so one
stray sentence does not decide what the whole document is about.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.matching.lexical import STOPWORDS, LexicalIndex, split_text
from searchlight.matching.semantic import QueryPlan, SemanticSpace
from searchlight.matching.spans import split_passages
from searchlight.matching.thesaurus import Thesaurus


@dataclass(frozen=True)
class Match:
    label: str
    score: float
    index: int


@dataclass(frozen=True)
class Fusion:
    """The few global parameters of the hybrid score (chosen on validation data, bench/README).

    `lexical + embedding + prior` should be 1 so that fused scores stay in [0, 1].
    """

    lexical: float = 0.3
    embedding: float = 0.67
    prior: float = 0.03
    # Share of the embedding evidence taken from the whole query rather than its best window.
    whole_query: float = 0.2
    # Longest query window in words; queries up to this long, or all when 0, are compared whole.
    span_words: int = 6
    # How far a phrase's vector moves towards the centroid of its known synonyms.
    synonym_pull: float = 0.3
    # Documents: how many best passages make the evidence, and the weight of whole-document
    # term frequencies next to it.
    evidence_passages: int = 2
    document_lexical: float = 0.2


SKILL_FUSION = Fusion()


class LabelIndex:
    """Labels with their vectors and term index; build once, search many times."""

    def __init__(self, labels: Sequence[str], *, fusion: Fusion, semantic: SemanticSpace,
                 lexical: LexicalIndex, entry_owner: np.ndarray, prior_scores: np.ndarray) -> None:
        self.labels = tuple(labels)
        self.fusion = fusion
        self._semantic = semantic
        self._lexical = lexical
        self._entry_owner = entry_owner
        self._prior_scores = prior_scores
        self._stopwords = frozenset().union(*(STOPWORDS[lang] for lang in lexical.languages))

    @classmethod
    def build(
        cls,
        labels: Sequence[str],
        *,
        embedder: Embedder | None = None,
        synonyms: Mapping[str, Sequence[str]] | None = None,
        languages: Sequence[str] = ("en", "nl"),
        fusion: Fusion = SKILL_FUSION,
        priors: Mapping[str, float] | None = None,
    ) -> "LabelIndex":
        """Index `labels`; `synonyms` maps a phrase to equivalent phrases (read both ways)."""
        if not labels:
            raise ValueError("a label space needs at least one label")
        thesaurus = Thesaurus(synonyms)
        entries, owner = _entries(labels, thesaurus)
        semantic = SemanticSpace(labels, embedder or default_embedder(), thesaurus,
                                 fusion.synonym_pull)
        return cls(labels, fusion=fusion, semantic=semantic,
                   lexical=LexicalIndex(entries, languages), entry_owner=owner,
                   prior_scores=_prior_scores(labels, priors or {}))

    def __len__(self) -> int:
        return len(self.labels)

    def search(self, queries: Sequence[str], *, top_k: int = 5) -> list[list[Match]]:
        """The `top_k` best labels per query, best first; ties keep label order."""
        return [self._top(row, top_k) for row in self.scores(queries)]

    def search_documents(self, documents: Sequence[str], *, top_k: int = 5) -> list[list[Match]]:
        """Like `search`, for long texts: the labels each whole document is most about."""
        return [self._top(self.document_scores(document), top_k) for document in documents]

    def scores(self, queries: Sequence[str]) -> np.ndarray:
        """Fused scores in [0, 1], one row per query and one column per label."""
        return self._fused(queries, windows=True)

    def document_scores(self, document: str) -> np.ndarray:
        """Mean fused score of the document's best passages per label, plus its term counts.

        Passages (CV lines, sentences) are compared whole: each is already about one thing.
        """
        passages = split_passages(document) or [document]
        per_passage = self._fused(passages, windows=False)
        best = min(self.fusion.evidence_passages, len(passages))
        evidence = np.sort(per_passage, axis=0)[-best:].mean(axis=0)
        share = self.fusion.document_lexical * self._lexical.readable_share(document)
        return (1.0 - share) * evidence + share * self.lexical_scores(document)

    def embedding_scores(self, queries: Sequence[str], *, windows: bool = True) -> np.ndarray:
        """Cosine evidence in [0, 1] per query and label (whole query and best window)."""
        plans = [self._plan(query, windows) for query in queries]
        return np.clip(self._semantic.scores(plans, self.fusion.whole_query), 0.0, 1.0)

    def _fused(self, queries: Sequence[str], *, windows: bool) -> np.ndarray:
        fusion = self.fusion
        semantic = self.embedding_scores(queries, windows=windows)
        for row, query in enumerate(queries):
            # Lexical weight the index cannot use on this query goes to the embedding.
            lexical = fusion.lexical * self._lexical.readable_share(query)
            semantic[row] *= fusion.embedding + fusion.lexical - lexical
            if lexical:
                semantic[row] += lexical * self.lexical_scores(query)
        if fusion.prior:
            semantic += fusion.prior * self._prior_scores
        return semantic

    def lexical_scores(self, query: str) -> np.ndarray:
        """BM25 relative to the best label for this query, in [0, 1]."""
        per_label = self._per_label(self._lexical.scores(query))
        top = per_label.max()
        return per_label / top if top > 0 else per_label

    def lexical_coverage(self, query: str) -> np.ndarray:
        """Share of each label's own term weight found in the query, in [0, 1] (absolute)."""
        return self._per_label(self._lexical.coverage(query))

    def _per_label(self, per_entry: np.ndarray) -> np.ndarray:
        per_label = np.zeros(len(self.labels), dtype=np.float32)
        np.maximum.at(per_label, self._entry_owner, per_entry)
        return per_label

    def _plan(self, query: str, windows: bool) -> QueryPlan:
        lexical = self._lexical
        split = split_text(query, lexical.vocabulary) if lexical.splits_compounds else query
        span_words = self.fusion.span_words if windows else 0
        return self._semantic.plan(query, split_variant=split, stopwords=self._stopwords,
                                   span_words=span_words)

    def _top(self, row: np.ndarray, top_k: int) -> list[Match]:
        order = np.argsort(-row, kind="stable")[:top_k]
        return [Match(self.labels[i], float(row[i]), int(i)) for i in order]


def _entries(labels: Sequence[str], thesaurus: Thesaurus) -> tuple[list[str], np.ndarray]:
    """Each label and each of its synonyms as a lexical document, with the label it belongs to."""
    entries: list[str] = []
    owner: list[int] = []
    for index, label in enumerate(labels):
        for text in (label, *thesaurus.equivalents(label)):
            entries.append(text)
            owner.append(index)
    return entries, np.asarray(owner, dtype=np.int64)


def _prior_scores(labels: Sequence[str], priors: Mapping[str, float]) -> np.ndarray:
    """Log-scaled priors in [0, 1]; a label without a prior gets the smallest one seen."""
    logs = {label: math.log(value) for label, value in priors.items() if value > 0}
    if not logs:
        return np.zeros(len(labels), dtype=np.float32)
    low, high = min(logs.values()), max(logs.values())
    spread = (high - low) or 1.0
    return np.asarray([(logs.get(label, low) - low) / spread for label in labels], np.float32)
