"""Score a CV's evidence against a SEARCH profile. Pure code: the same input gives the same score.

Every profile item is matched against every passage with two signals, the multilingual embedding
(meaning, across Dutch and English) and exact terms (names of tools, compounds). An item's strength
is its best passage; a dimension with no passage above the evidence floor is *unknown*, never zero.
"""

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from searchlight.screening.evidence import Passage
from searchlight.screening.terms import LexicalIndex, mask_to_array, phrase

DIMENSIONS = ("skills", "experience", "attitude", "results", "cognitive", "habits")
ENGINE_VERSION = "search-hybrid-1"

# Cosine of the multilingual encoder mapped onto 0..1: unrelated phrases sit below about 0.45
# (short clauses drift that high), a phrase and its translation from about 0.85 up.
COSINE_FLOOR, COSINE_FULL = 0.45, 0.85
# Meaning alone never proves an item as firmly as the item's own words do.
SEMANTIC_CEILING = 0.9
EVIDENCE_FLOOR = 0.40  # weaker matches are not quoted and cannot make a dimension known
MATCHED = 0.60  # an item counts as covered (and a must-have as present) from here
LISTED_ONLY = 0.85  # a skill that is only listed, not shown in experience or projects
QUOTES_PER_ITEM = 2


@dataclass(frozen=True)
class ItemSpec:
    dimension: str
    index: int
    text_nl: str
    text_en: str
    must_have: bool = False
    min_years: int | None = None
    synonyms: tuple[str, ...] = ()

    @cached_property
    def phrasings(self) -> tuple[str, ...]:
        """The item in its own words, compared by meaning; the number of years is checked
        against dated jobs instead."""
        return self._clean((self.text_nl, self.text_en))

    @cached_property
    def queries(self) -> tuple[str, ...]:
        """Every name to look for word for word: the item and its skills' synonyms (which are
        too varied to compare by meaning without drifting to neighbouring topics)."""
        return self._clean((self.text_nl, self.text_en, *self.synonyms))

    @cached_property
    def signature(self) -> str:
        """Everything that decides the item's strength in a CV; equal signatures give equal
        strengths, so a re-rank reuses them (must-have only changes what a weak item means)."""
        content = repr((ENGINE_VERSION, self.dimension, self.queries, self.min_years))
        return hashlib.sha1(content.encode()).hexdigest()[:16]

    def _clean(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = (_YEARS.sub(" ", t).strip(" -,") if self.min_years else t for t in texts)
        return tuple(dict.fromkeys(t for t in cleaned if t))


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    section: str
    strength: float


@dataclass(frozen=True)
class ItemResult:
    spec: ItemSpec
    strength: float
    quotes: tuple[Quote, ...]

    @property
    def matched(self) -> bool:
        return self.strength >= MATCHED


@dataclass(frozen=True)
class DimensionResult:
    key: str
    weight: float
    score: float | None  # None = unknown: the CV holds no evidence for this dimension
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class Score:
    overall: float | None
    coverage: float
    dimensions: dict[str, DimensionResult]
    needs_human_check: bool
    reasons: tuple[str, ...] = field(default=())


_YEARS = re.compile(r"\d+\s*(?:[-–+]\s*\d*\s*)?(?:jaar|years?|yrs?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]|]+|\s[-–—/]\s")
# Redaction placeholders and dates say nothing about a skill; alone they match anything a bit.
_NOISE = re.compile(r"\[[A-Z_]+\]|\b(?:19|20)\d\d(?:[-/.]\d{1,2})?\b")


def _is_phrase(clause: str) -> bool:
    """Clauses of two words or more: single words are left to exact-term matching, because a
    lone word's vector lands near unrelated short labels."""
    return len(re.findall(r"[^\W\d_]{2,}", clause)) >= 2


def embedding_units(passages: Sequence[Passage]) -> tuple[list[str], np.ndarray]:
    """Each passage and, when it has several, its clauses: a short item meets the few words
    that mention it instead of drowning in a long sentence. Returns texts and their passage."""
    texts: list[str] = []
    owners: list[int] = []
    for index, passage in enumerate(passages):
        text = _NOISE.sub(" ", passage.text)
        if not re.search(r"[^\W\d_]{2,}", text):
            continue  # nothing but placeholders and numbers: nothing to mean
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(text) if _is_phrase(c)]
        for unit in dict.fromkeys([text, *(clauses if len(clauses) > 1 else [])]):
            texts.append(unit)
            owners.append(index)
    return texts, np.array(owners, dtype=np.int32)


@dataclass(frozen=True)
class CvEvidence:
    """What scoring needs of one CV: passages, unit vectors of their embedding units (see
    `embedding_units`, in passage order), and years of work."""

    passages: tuple[Passage, ...]
    unit_vectors: np.ndarray  # units x dim, L2-normalised
    unit_owners: np.ndarray  # passage index of each unit
    total_years: float | None
    dated_passages: tuple[int, ...] = ()  # passages naming a work period, quoted for years
    lexicon: LexicalIndex | None = None  # built from the passages when not stored

    def lexical(self) -> LexicalIndex:
        return self.lexicon or LexicalIndex.build([p.text for p in self.passages])

    def semantic(self, query_vectors: np.ndarray) -> np.ndarray:
        """Calibrated similarity of each query to each passage (its best unit)."""
        per_passage = np.full(len(self.passages), -1.0, dtype=np.float32)
        if len(self.unit_owners):
            cosine = query_vectors.astype(np.float32) @ self.unit_vectors.astype(np.float32).T
            np.maximum.at(per_passage, self.unit_owners, cosine.max(axis=0))
        scaled = (per_passage - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR)
        return SEMANTIC_CEILING * np.clip(scaled, 0.0, 1.0)


def item_strengths(
    spec: ItemSpec, query_vectors: np.ndarray, cv: CvEvidence, lexical: LexicalIndex
) -> np.ndarray:
    """Strength of the item in each passage: the best of its phrasings, by meaning or by terms
    (all content words of one of its names in the passage counts as full evidence)."""
    if not cv.passages:
        return np.zeros(0)
    semantic = cv.semantic(query_vectors)
    mask = 0
    for query in spec.queries:
        mask |= lexical.passages_with(phrase(query))
    exact = np.array(mask_to_array(mask, len(cv.passages)), dtype=np.float32)
    strengths = np.maximum(semantic, exact)
    # A bare list of skills shows a skill a little, and an attitude or a result not at all.
    listed_weight = LISTED_ONLY if spec.dimension == "skills" else 0.0
    listed = np.array([p.section == "skills" for p in cv.passages])
    return np.where(listed, strengths * listed_weight, strengths)


def _quotes(cv: CvEvidence, strengths: np.ndarray) -> tuple[Quote, ...]:
    quotes: dict[str, Quote] = {}
    for i in np.argsort(-strengths, kind="stable"):
        if strengths[i] < EVIDENCE_FLOOR or len(quotes) == QUOTES_PER_ITEM:
            break
        passage = cv.passages[i]
        quotes.setdefault(passage.text, Quote(passage.text, passage.start, passage.end,
                                              passage.section, round(float(strengths[i]), 3)))
    return tuple(quotes.values())


def _years_item(spec: ItemSpec, strengths: np.ndarray, cv: CvEvidence) -> ItemResult:
    """"5+ years of ML": half the dated work history against the minimum, half the topic."""
    assert spec.min_years is not None and cv.total_years is not None
    years_share = min(1.0, cv.total_years / max(spec.min_years, 1))
    topic = float(strengths.max()) if strengths.size else 0.0
    dated = np.zeros_like(strengths)
    dated[list(cv.dated_passages)] = years_share
    quotes = _quotes(cv, np.maximum(strengths, dated))
    return ItemResult(spec, round(0.5 * years_share + 0.5 * topic, 3), quotes)


def score_item(
    spec: ItemSpec, query_vectors: np.ndarray, cv: CvEvidence, lexical: LexicalIndex
) -> ItemResult:
    strengths = item_strengths(spec, query_vectors, cv, lexical)
    if spec.min_years and cv.total_years and cv.dated_passages:
        return _years_item(spec, strengths, cv)
    best = float(strengths.max()) if strengths.size else 0.0
    if best < EVIDENCE_FLOOR:
        return ItemResult(spec, round(best, 3), ())
    return ItemResult(spec, round(best, 3), _quotes(cv, strengths))


def score_dimension(key: str, weight: float, items: Sequence[ItemResult]) -> DimensionResult:
    evidenced = [item for item in items if item.quotes]
    if not evidenced:
        return DimensionResult(key, weight, None, tuple(items))
    score = 100.0 * sum(item.strength for item in items) / len(items)
    return DimensionResult(key, weight, round(score, 1), tuple(items))


def combine(dimensions: dict[str, DimensionResult]) -> Score:
    total_weight = sum(d.weight for d in dimensions.values())
    known = [d for d in dimensions.values() if d.score is not None and d.weight > 0]
    known_weight = sum(d.weight for d in known)
    overall = (
        round(sum(d.score * d.weight for d in known if d.score is not None) / known_weight, 1)
        if known_weight else None
    )
    coverage = round(known_weight / total_weight, 3) if total_weight else 0.0
    missing = [
        item.spec for d in dimensions.values() for item in d.items
        if item.spec.must_have and not item.matched
    ]
    reasons = tuple(f"must-have not evidenced: {spec.text_en}" for spec in missing)
    return Score(overall, coverage, dimensions, needs_human_check=bool(missing), reasons=reasons)


Known = Mapping[str, tuple[float, tuple[Quote, ...]]]


def score_cv(
    items: Sequence[ItemSpec], item_vectors: Sequence[np.ndarray], weights: dict[str, float],
    cv: CvEvidence | Callable[[], CvEvidence], known: Known | None = None,
) -> Score:
    """Score one CV. `item_vectors[i]` holds the unit vectors of `items[i].phrasings`; `known`
    holds strengths and quotes of items already measured in this CV, by signature (then `cv`
    may be a loader, called only when some item is new)."""
    known = known or {}
    evidence: CvEvidence | None = None
    lexical: LexicalIndex | None = None
    results = []
    for spec, vectors in zip(items, item_vectors, strict=True):
        if spec.signature in known:
            results.append(ItemResult(spec, *known[spec.signature]))
            continue
        if evidence is None:
            evidence = cv() if callable(cv) else cv
            lexical = evidence.lexical()
        assert lexical is not None
        results.append(score_item(spec, vectors, evidence, lexical))
    dimensions = {
        key: score_dimension(key, weights.get(key, 1.0), [r for r in results
                                                           if r.spec.dimension == key])
        for key in DIMENSIONS
    }
    return combine(dimensions)
