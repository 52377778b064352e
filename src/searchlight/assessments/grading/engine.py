"""The offline engine: proposes a level per rubric item without any model endpoint.

What it compares the answer with, all in Dutch and English:
- reference answers (knowledge items): the embedding cosine of answer and best reference, and
  the share of the reference's content terms (stemmed) the answer contains;
- without reference answers, the description of the item's highest level plays that part;
- level descriptions: the answer's cosine with each described level, as an expected level;
- anchor answers (graded examples): a similarity-weighted vote of the examples' levels.

The "correctness" of an answer (0-1) is placed on the item's scale between `low` and `high`;
when the item has anchors, the anchors the answer resembles most pull the level towards theirs
(`anchor_share`). The supporting quote is the sentence of the answer closest to what the chosen
level asks for, copied verbatim. Parameters were chosen by cross-validation over questions
(bench/grading.py, bench/README.md): DEFAULT_PARAMS for a rubric alone, ANCHORED_PARAMS for
items with anchor answers.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from searchlight.assessments.grading.quotes import quote_in_answer
from searchlight.assessments.schemas import Item
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.matching.lexical import Analyzer

ENGINE_NAME = "offline"
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]?")
_MIN_SENTENCE_CHARS = 3
_MAX_QUOTE_CHARS = 300
# An answer that is (nearly) an anchor answer gets that anchor's level.
_SAME_AS_ANCHOR = 0.97


@dataclass(frozen=True)
class EngineParams:
    low: float = 0.1  # correctness at or below: the lowest level
    high: float = 0.35  # correctness at or above: the highest level
    lexical_share: float = 0.8  # share of term overlap in correctness (rest: embeddings)
    description_share: float = 0.25  # share of the level-description vote in the rubric level
    anchor_share: float = 0.5  # share of the anchor vote when the item has anchors
    temperature: float = 0.05  # softmax temperature of the anchor and description votes


# Chosen by 5-fold cross-validation over questions (bench/README.md, "Grading").
DEFAULT_PARAMS = EngineParams()
ANCHORED_PARAMS = EngineParams(low=0.15, high=0.4, lexical_share=0.6, description_share=0.25,
                               anchor_share=0.3, temperature=0.05)


@dataclass(frozen=True)
class ItemFeatures:
    """What the engine measured for one answer and item; levels follow from these + params."""

    empty: bool
    semantic: float  # best cosine with a reference (or the top level's description)
    lexical: float  # best share of a reference's content terms found in the answer
    description_levels: tuple[int, ...] = ()
    description_similarities: tuple[float, ...] = ()
    anchor_levels: tuple[int, ...] = ()
    anchor_similarities: tuple[float, ...] = ()


@dataclass(frozen=True)
class ItemProposal:
    item_key: str
    level: int | None
    quote: str | None
    basis: str  # what the level rests on, for the reviewer
    features: ItemFeatures | None = field(default=None, compare=False)


def sentences(text: str) -> list[str]:
    """The answer's sentences and lines, verbatim (stripped), for quoting."""
    found = [match.group().strip() for match in _SENTENCE.finditer(text)]
    return [sentence for sentence in found if len(sentence) >= _MIN_SENTENCE_CHARS]


@lru_cache(maxsize=4)
def _analyzer(language: str) -> Analyzer:
    return Analyzer(language)


def content_terms(text: str, language: str) -> set[str]:
    return set(_analyzer(language).terms(text))


def term_recall(answer: str, reference: str, languages: Sequence[str]) -> float:
    """The share of the reference's content terms that the answer uses, best language."""
    best = 0.0
    for language in languages:
        wanted = content_terms(reference, language)
        if wanted:
            best = max(best, len(wanted & content_terms(answer, language)) / len(wanted))
    return best


def _softmax_vote(levels: Sequence[int], similarities: Sequence[float],
                  temperature: float) -> float:
    values = np.asarray(similarities, dtype=np.float64) / max(temperature, 1e-6)
    weights = np.exp(values - values.max())
    return float(np.dot(weights, np.asarray(levels, dtype=np.float64)) / weights.sum())


def level_from_features(item: Item, features: ItemFeatures, params: EngineParams) -> tuple[
        int, str]:
    """The proposed level and a one-line basis, from measured features (pure arithmetic)."""
    lowest, highest = item.lowest, item.highest
    if features.empty:
        return lowest, "empty answer"
    correctness = ((1 - params.lexical_share) * features.semantic
                   + params.lexical_share * features.lexical)
    span = max(params.high - params.low, 1e-6)
    position = min(max((correctness - params.low) / span, 0.0), 1.0)
    rubric = lowest + position * (highest - lowest)
    basis = f"similarity to the reference {correctness:.2f}"
    if features.description_levels and params.description_share > 0:
        vote = _softmax_vote(features.description_levels, features.description_similarities,
                             params.temperature)
        rubric = (1 - params.description_share) * rubric + params.description_share * vote
        basis += ", level descriptions"
    level = rubric
    if len(set(features.anchor_levels)) > 1:
        best = int(np.argmax(features.anchor_similarities))
        if features.anchor_similarities[best] >= _SAME_AS_ANCHOR:
            return features.anchor_levels[best], "same as an anchor answer"
        vote = _softmax_vote(features.anchor_levels, features.anchor_similarities,
                             params.temperature)
        level = (1 - params.anchor_share) * rubric + params.anchor_share * vote
        basis += f", anchor answers (vote {vote:.1f})"
    return _nearest_allowed(item, level), basis


def _nearest_allowed(item: Item, value: float) -> int:
    """Round to the nearest whole level inside the item's range (undescribed levels count)."""
    return int(min(max(round(value), item.lowest), item.highest))


class OfflineEngine:
    """Grades rubric items by similarity; no network, the embedder ships in a package."""

    name = ENGINE_NAME

    def __init__(self, *, embedder: Embedder | None = None,
                 params: EngineParams = DEFAULT_PARAMS,
                 anchored_params: EngineParams = ANCHORED_PARAMS, use_anchors: bool = True,
                 languages: Sequence[str] = ("en", "nl")) -> None:
        self._embedder = embedder
        self.params = params
        self.anchored_params = anchored_params
        self.use_anchors = use_anchors
        self.languages = tuple(languages)
        self._cache: dict[str, np.ndarray] = {}

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def params_for(self, features: ItemFeatures) -> EngineParams:
        """ANCHORED_PARAMS when the item has anchor answers of two or more levels."""
        return self.anchored_params if len(set(features.anchor_levels)) > 1 else self.params

    @property
    def model(self) -> str:
        return f"{self.embedder.name}+bm25-terms"

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._cache]
        if missing:
            for text, vector in zip(missing, self.embedder.encode(
                    [text.lower() for text in missing]), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.asarray(self.embedder.encode([]), dtype=np.float32)
        return np.stack([self._cache[text] for text in texts])

    def features(self, item: Item, answer: str) -> ItemFeatures:
        text = answer.strip()
        if not any(ch.isalnum() for ch in text):
            return ItemFeatures(empty=True, semantic=0.0, lexical=0.0)
        references = item.reference_answers or [
            level.description for level in reversed(item.levels) if level.description][:1]
        vector = self._vectors([text])[0]
        semantic = lexical = 0.0
        if references:
            semantic = float(np.max(self._vectors(references) @ vector))
            lexical = max(term_recall(text, ref, self.languages) for ref in references)
        described = [level for level in item.levels if level.description]
        anchors = [(level.level, example) for level in item.levels for example in level.examples
                   if self.use_anchors and any(ch.isalnum() for ch in example)]
        if anchors:  # reference answers are examples of the highest level too
            anchors += [(item.highest, reference) for reference in item.reference_answers]
        return ItemFeatures(
            empty=False, semantic=max(semantic, 0.0), lexical=lexical,
            description_levels=tuple(level.level for level in described),
            description_similarities=tuple(
                float(s) for s in self._vectors([d.description for d in described]) @ vector),
            anchor_levels=tuple(level for level, _ in anchors),
            anchor_similarities=tuple(
                float(s) for s in self._vectors([example for _, example in anchors]) @ vector),
        )

    def propose(self, item: Item, answer: str, *, original: str | None = None,
                features: ItemFeatures | None = None) -> ItemProposal:
        """A level and a quote; with `original`, only sentences also found there are quoted
        (grading a cleaned copy of an answer still quotes the answer itself)."""
        features = features or self.features(item, answer)
        level, basis = level_from_features(item, features, self.params_for(features))
        return ItemProposal(item.key, level, self.quote(item, answer, level, original=original),
                            basis, features)

    def quote(self, item: Item, answer: str, level: int, *,
              original: str | None = None) -> str | None:
        """The sentence of the answer most like what the chosen level asks for, verbatim."""
        candidates = [sentence for sentence in sentences(answer)
                      if original is None or quote_in_answer(sentence, original)]
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0][:_MAX_QUOTE_CHARS]
        targets = [example for entry in item.levels if entry.level == level
                   for example in entry.examples]
        targets += [entry.description for entry in item.levels
                    if entry.level == level and entry.description]
        if level > item.lowest or not targets:
            targets += item.reference_answers
        if not targets:
            targets = [entry.description for entry in item.levels if entry.description]
        if not targets:
            return candidates[0][:_MAX_QUOTE_CHARS]
        scores = self._vectors(candidates) @ self._vectors(targets).T
        return candidates[int(np.argmax(scores.max(axis=1)))][:_MAX_QUOTE_CHARS]
