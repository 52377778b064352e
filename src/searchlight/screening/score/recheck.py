"""The optional AI re-check of evidence: does this quote show the candidate doing this item?

The offline engine decides what counts; with the AI layer configured, the quotes of a scored CV
(the top candidates of a list) may be put to the model. The model can only take evidence away:
a quote it judges "not_shown" is dropped, one it judges "weaker" keeps a lower strength, and an
item left without a quote is no longer evidenced (its dimension may become unknown). It never
adds a quote or raises a strength. The quotes go to the model as one delimited data block
(`llm.prompts.data_block`: CV text is untrusted data), answers are checked against the ids
sent, and every call is recorded with the audit chain by the AI layer.

Verdicts are kept in the database (`QuoteCheck`), one per model, prompt template and (item,
quote): a quote judged once is not sent again, by any process. The quotes are redacted text, and
the candidate's known name, e-mail and phone are blanked once more before anything is sent. No
endpoint, the stop switch, the budget or the endpoint down: the offline score stands, unchanged.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight.anonymise import KnownIdentity
from searchlight.auth.models import User
from searchlight.llm import AIError, AIStopped, ai_enabled, current_engine, generate_structured
from searchlight.llm import prompts as llm_prompts
from searchlight.llm.results import OFFLINE_ENGINE
from searchlight.llm.service import input_hash
from searchlight.screening.models import QuoteCheck
from searchlight.screening.score.scoring import (
    DIMENSIONS,
    EVIDENCE_FLOOR,
    DimensionResult,
    ItemResult,
    Score,
    aggregate,
)

TASK = "screening.recheck"
PROMPT = "screening/recheck"
WEAKER = 0.5  # a quote judged weaker evidence keeps this share of its strength
MAX_QUOTE_CHARS = 400
MIN_NAME_PART = 3  # parts of a known name blanked on their own ("de", "el" are words too)

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


def blank_identity(text: str, known: KnownIdentity | None) -> str:
    """`text` without the candidate's known name (whole and its longer parts), e-mail or phone."""
    if known is None:
        return text
    parts = [known.email, known.phone, known.full_name,
             *(known.full_name or "").split()]
    for part in sorted({p.strip() for p in parts if p and len(p.strip()) >= MIN_NAME_PART},
                       key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", "[PERSON]", text, flags=re.IGNORECASE)
    return text


def _cached(db_session: Session, model: str, prompt_hash: str,
            hashes: Sequence[str]) -> dict[str, QuoteCheck]:
    rows = db_session.scalars(select(QuoteCheck).where(
        QuoteCheck.model == model, QuoteCheck.prompt_hash == prompt_hash,
        QuoteCheck.quote_hash.in_(set(hashes))))
    return {row.quote_hash: row for row in rows}


def _keep(db_session: Session, model: str, prompt_hash: str,
          verdicts: dict[str, QuoteVerdict], call_id: int | None) -> None:
    for hashed, answer in verdicts.items():
        try:
            with db_session.begin_nested():  # another worker may have judged it meanwhile
                db_session.add(QuoteCheck(model=model[:260], prompt_hash=prompt_hash,
                                          quote_hash=hashed, verdict=answer.verdict,
                                          reason=answer.reason[:300], call_id=call_id))
        except IntegrityError:
            pass


def recheck(
    *, db_session: Session, score: Score, weights: dict[str, float], language: str = "en",
    actor: User | None = None, known: KnownIdentity | None = None,
) -> Rechecked:
    """`score` with the model's verdicts applied, or unchanged when no model can judge."""
    lines = quote_lines(score)
    engine = current_engine(db_session=db_session)
    if not lines or engine == OFFLINE_ENGINE:
        return Rechecked(score, OFFLINE_ENGINE.name, 0, 0)
    if not ai_enabled(db_session=db_session):
        return Rechecked(score, OFFLINE_ENGINE.name, 0, 0, outcome="stopped")
    model, prompt_hash = f"{engine.name}:{engine.model}", llm_prompts.load(PROMPT).sha256
    bodies = {ident: blank_identity(line.split(" | ", 1)[1], known) for ident, *_, line in lines}
    hashes = {ident: hashlib.sha256(body.encode()).hexdigest() for ident, body in bodies.items()}
    known_rows = _cached(db_session, model, prompt_hash, list(hashes.values()))
    judged = {h: (row.verdict, row.reason) for h, row in known_rows.items()}
    todo = list(dict.fromkeys(h for h in hashes.values() if h not in judged))
    call_id = None
    if todo:
        sent = {f"q{n}": hashed for n, hashed in enumerate(todo, start=1)}
        body_of = {hashes[ident]: body for ident, body in bodies.items()}
        variables = {"quotes": "\n".join(f"{ident} | {body_of[h]}" for ident, h in sent.items())}
        try:
            result = generate_structured(
                db_session=db_session, task=TASK, prompt=PROMPT, variables=variables,
                schema=Recheck, language=language, actor=actor)
        except AIStopped:
            return Rechecked(score, OFFLINE_ENGINE.name, 0, 0, outcome="stopped")
        except AIError:  # budget, endpoint down: the offline result stands
            return Rechecked(score, OFFLINE_ENGINE.name, 0, 0)
        call_id = result.call_id
        if result.value is None:
            return Rechecked(score, OFFLINE_ENGINE.name, 0, 0, call_id)
        answers = {sent[v.id]: v for v in result.value.quotes if v.id in sent}
        _keep(db_session, model, prompt_hash, answers, call_id)
        judged.update({h: (v.verdict, v.reason) for h, v in answers.items()})
    by_ident: dict[str, Verdict] = {
        ident: verdict for ident, hashed in hashes.items()
        if (verdict := _verdict(judged.get(hashed, ("", ""))[0])) is not None}
    applied, removed, weakened = apply_verdicts(score, weights, lines, by_ident)
    every = {"quotes": "\n".join(f"{ident} | {body}" for ident, body in bodies.items())}
    return Rechecked(applied, model, removed, weakened, call_id, "checked",
                     _outcomes(score, lines, {i: judged[h] for i, h in hashes.items()
                                              if h in judged}),
                     prompt_hash, input_hash(every, language),
                     cached=len(set(hashes.values()) & known_rows.keys()))


def _outcomes(score: Score, lines: Sequence[tuple[str, int, int, str]],
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


def _verdict(value: str) -> Verdict | None:
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
