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
    """The few global parameters of the hybrid score (defaults: `SKILL_FUSION`, chosen by 5-fold
    cross-validation on ESCO TECH + HOUSE and the resume categories, bench/README.md).

    `lexical + embedding + prior` should be 1 so that fused scores stay in [0, 1].
    """

    lexical: float = 0.3
    embedding: float = 0.67
    prior: float = 0.03
    # Share of the embedding evidence taken from the whole query rather than its best window.
    whole_query: float = 0.5
    # Longest query window in words; queries up to this long, or all when 0, are compared whole.
    span_words: int = 4
    # How far a phrase's vector moves towards the centroid of its known synonyms.
    synonym_pull: float = 0.3
    # Documents: how many best passages make the evidence, and the weight of whole-document
    # term frequencies next to it.
    evidence_passages: int = 2
    document_lexical: float = 0.2
    # Pseudo-relevance feedback: each query vector moves `feedback` of the way towards the
    # centroid of its `feedback_labels` nearest labels, then is compared again (0: off). In a
    # corpus where equivalent labels cluster (job titles), this finds the cluster's far members.
    feedback_labels: int = 0
    feedback: float = 0.0

    @property
    def feedback_pair(self) -> tuple[int, float]:
        return self.feedback_labels, self.feedback


SKILL_FUSION = Fusion()


@dataclass(frozen=True)
class Evidence:
    """The pieces a fused score is made of, one row per query and one column per label.

    Kept apart so that other weights can be tried without embedding anything again (the
    cross-validation in bench/quality.py re-fuses them for every grid point).
    """

    whole: np.ndarray  # cosine of the whole query (its best variant), unclipped
    best: np.ndarray  # the better of `whole` and the query's best window
    lexical: np.ndarray | None  # relative BM25 in [0, 1]; None when the fusion ignores it
    readable: np.ndarray  # per query: the share of its terms the index knows


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
        scores = self._semantic.scores(plans, self.fusion.whole_query, self.fusion.feedback_pair)
        return np.clip(scores, 0.0, 1.0)

    def with_fusion(self, fusion: Fusion) -> "LabelIndex":
        """The same labels under other weights, sharing vectors and term index (nothing is
        encoded again). The synonym pull shapes the label vectors, so it cannot change here."""
        if fusion.synonym_pull != self.fusion.synonym_pull:
            raise ValueError("the synonym pull is fixed when the index is built")
        return LabelIndex(self.labels, fusion=fusion, semantic=self._semantic,
                          lexical=self._lexical, entry_owner=self._entry_owner,
                          prior_scores=self._prior_scores)

    def evidence(self, queries: Sequence[str], *, windows: bool = True) -> Evidence:
        """The unfused evidence for `queries` (windows and feedback as this index's fusion
        sets them)."""
        plans = [self._plan(query, windows) for query in queries]
        whole, best = self._semantic.cosines(plans, self.fusion.feedback_pair)
        readable = np.asarray([self._lexical.readable_share(q) for q in queries], np.float32)
        lexical = None
        if self.fusion.lexical:
            lexical = np.zeros_like(whole)
            for row, query in enumerate(queries):
                if readable[row]:
                    lexical[row] = self.lexical_scores(query)
        return Evidence(whole, best, lexical, readable)

    def fuse(self, evidence: Evidence, fusion: Fusion | None = None) -> np.ndarray:
        """Fused scores in [0, 1] from `evidence`, with this index's weights or `fusion`'s
        (windows, synonym pull and feedback stay as the evidence was gathered)."""
        fusion = fusion or self.fusion
        semantic = np.clip(fusion.whole_query * evidence.whole
                           + (1.0 - fusion.whole_query) * evidence.best, 0.0, 1.0)
        # Lexical weight the index cannot use on a query goes to the embedding.
        lexical = fusion.lexical * evidence.readable[:, None]
        semantic *= fusion.embedding + fusion.lexical - lexical
        if fusion.lexical:
            if evidence.lexical is None:
                raise ValueError("this evidence was gathered without lexical scores")
            semantic += lexical * evidence.lexical
        if fusion.prior:
            semantic += fusion.prior * self._prior_scores
        return semantic

    def _fused(self, queries: Sequence[str], *, windows: bool) -> np.ndarray:
        return self.fuse(self.evidence(queries, windows=windows))

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
