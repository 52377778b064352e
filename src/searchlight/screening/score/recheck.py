"""The optional AI re-check of evidence, its pure part: does this quote show the candidate doing
this item? The quotes of a scored CV as delimited lines for the model (`quote_lines`), the
model's answer schema (`Recheck`), and its verdicts applied to the score (`apply_verdicts`).

The model can only take evidence away: a quote it judges "not_shown" is dropped, one it judges
"weaker" keeps a lower strength, and an item left without a quote is no longer evidenced (its
dimension may become unknown). It never adds a quote or raises a strength. Asking the model,
keeping its verdicts and running it for a shortlist are in `screening.rechecks`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from searchlight.screening.score.scoring import (
    DIMENSIONS,
    EVIDENCE_FLOOR,
    DimensionResult,
    ItemResult,
    Score,
    aggregate,
)

WEAKER = 0.5  # a quote judged weaker evidence keeps this share of its strength
MAX_QUOTE_CHARS = 400

Verdict = Literal["doing", "weaker", "not_shown"]
Outcome = Literal["checked", "offline", "stopped"]


class QuoteVerdict(BaseModel):
    id: str = Field(max_length=20, description="The quote id, as given (q1, q2, ...).")
    verdict: Verdict = Field(description="doing, weaker or not_shown.")
    reason: str = Field(default="", max_length=300, description="A few words: why.")


class Recheck(BaseModel):
    quotes: list[QuoteVerdict]


@dataclass(frozen=True)
class QuoteOutcome:
    """The model's verdict on one quote, found again on a page by item and quote position."""

    dimension: str
    item: int  # the item's index in its dimension (ItemSpec.index)
    start: int  # the quote's offset in the redacted text
    verdict: str
    reason: str


@dataclass(frozen=True)
class Rechecked:
    score: Score
    engine: str  # the model that judged, or "offline" when the offline score stands
    removed: int  # quotes dropped
    weakened: int  # quotes kept with a lower strength
    call_id: int | None = None
    outcome: Outcome = "offline"
    quotes: tuple[QuoteOutcome, ...] = ()  # every quote the model judged
    prompt_hash: str = ""  # of the prompt template
    input_hash: str = ""  # of every quote judged (sent now or earlier), as the AI layer hashes
    cached: int = 0  # verdicts taken from earlier calls

    @property
    def confirmed(self) -> int:
        return sum(quote.verdict == "doing" for quote in self.quotes)


def _single_line(text: str) -> str:
    return " ".join(text.replace("|", "/").split())[:MAX_QUOTE_CHARS]


def quote_body(item_text: str, quote_text: str) -> str:
    return f"{_single_line(item_text)} | {_single_line(quote_text)}"


def quote_lines(score: Score) -> list[tuple[str, int, int, str]]:
    """(id, dimension index, item position, line) for every quote of the score."""
    lines: list[tuple[str, int, int, str]] = []
    for d, key in enumerate(DIMENSIONS):
        for i, item in enumerate(score.dimensions[key].items):
            for quote in item.quotes:
                ident = f"q{len(lines) + 1}"
                body = quote_body(item.spec.text_en, quote.text)
                lines.append((ident, d, i, f"{ident} | {body}"))
    return lines


def outcomes_of(score: Score, lines: Sequence[tuple[str, int, int, str]],
              judged: dict[str, tuple[str, str]]) -> tuple[QuoteOutcome, ...]:
    outcomes = []
    seen: dict[tuple[int, int], int] = {}
    for ident, d, i, _ in lines:
        n = seen[(d, i)] = seen.get((d, i), -1) + 1
        item = score.dimensions[DIMENSIONS[d]].items[i]
        if ident in judged:
            verdict, reason = judged[ident]
            outcomes.append(QuoteOutcome(DIMENSIONS[d], item.spec.index, item.quotes[n].start,
                                         verdict, reason))
    return tuple(outcomes)


def as_verdict(value: str) -> Verdict | None:
    return value if value in ("doing", "weaker", "not_shown") else None  # type: ignore[return-value]


def apply_verdicts(
    score: Score, weights: dict[str, float], lines: Sequence[tuple[str, int, int, str]],
    verdicts: dict[str, Verdict],
) -> tuple[Score, int, int]:
    """Drop the quotes judged not shown, weaken those judged weaker, and score again: an item
    keeps at most its offline strength, and without a quote it is evidenced no more. Ids
    without a verdict keep their quote (the offline judgement stands)."""
    by_item: dict[tuple[int, int], list[Verdict]] = {}
    for ident, d, i, _ in lines:
        by_item.setdefault((d, i), []).append(verdicts.get(ident, "doing"))
    removed = weakened = 0
    items: list[ItemResult] = []
    for d, key in enumerate(DIMENSIONS):
        for i, item in enumerate(score.dimensions[key].items):
            said = by_item.get((d, i), [])
            kept = []
            for quote, verdict in zip(item.quotes, said, strict=False):
                if verdict == "not_shown":
                    removed += 1
                elif verdict == "weaker":
                    weakened += 1
                    kept.append(replace(quote, strength=round(quote.strength * WEAKER, 3)))
                else:
                    kept.append(quote)
            strength = item.strength
            if item.quotes:
                best = max((q.strength for q in kept), default=0.0)
                strength = min(strength, best) if kept else 0.0
                kept = [q for q in kept if q.strength >= EVIDENCE_FLOOR]
                if not kept:
                    strength = min(strength, EVIDENCE_FLOOR / 2)
            items.append(replace(item, strength=round(strength, 3), quotes=tuple(kept)))
    specs = [item.spec for item in items]
    strengths = np.array([[item.strength for item in items]])
    evidenced = np.array([[bool(item.quotes) for item in items]])
    pooled = aggregate(specs, weights, strengths, evidenced)
    dimensions = {}
    for key in DIMENSIONS:
        value = pooled.dimensions[key][0]
        dimensions[key] = DimensionResult(
            key, score.dimensions[key].weight, None if np.isnan(value) else float(value),
            tuple(item for item in items if item.spec.dimension == key))
    overall = pooled.overall[0]
    missing = [item.spec.text_en for item, gone in zip(items, pooled.missing[0], strict=True)
               if gone]
    reasons = tuple(dict.fromkeys((*score.reasons, *(
        f"must-have not evidenced: {text}" for text in missing))))
    return (Score(None if np.isnan(overall) else float(overall), float(pooled.coverage[0]),
                  dimensions, needs_human_check=score.needs_human_check or bool(missing),
                  reasons=reasons), removed, weakened)
