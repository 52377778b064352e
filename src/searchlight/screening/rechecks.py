"""The AI re-check of a shortlist in the product: a recruiter asks for the top N of a role's
shortlist, a job puts each one's quotes to the configured model (`recheck`; the quote lines and
how verdicts change a score are pure functions in `score.recheck`), and the result page shows
per quote "checked by AI: confirmed / weakened / removed" with the reason.

Verdicts are kept in the database (`QuoteCheck`), one per model, prompt template and (item,
quote): a quote judged once is not sent again, by any process. No endpoint, the stop switch, the
budget or the endpoint down: the offline score stands, unchanged.

The stored offline result is never changed: the entry keeps the score after the check beside
it. Each entry is one commit, so a killed worker loses at most one; the stop switch ends a run
("stopped": the rest is not sent). Requests and every checked result are in the audit chain
with engine, model, prompt hash and input hash (the AI layer records each call as well).
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight.anonymise import KnownIdentity, redact_known
from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.i18n import _
from searchlight.llm import AIError, AIStopped, ai_enabled, current_engine, generate_structured
from searchlight.llm import prompts as llm_prompts
from searchlight.llm.models import LLMCall
from searchlight.llm.results import OFFLINE_ENGINE
from searchlight.llm.service import input_hash
from searchlight.matching.embedder import default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import QuoteCheck, RecheckEntry, RecheckRun, ScreeningResult
from searchlight.screening.ranking import shortlist
from searchlight.screening.score.recheck import (
    QuoteVerdict,
    Recheck,
    Rechecked,
    Verdict,
    apply_verdicts,
    as_verdict,
    outcomes_of,
    quote_lines,
)
from searchlight.screening.score.scoring import Score, score_cv
from searchlight.screening.service import cv_evidence, scorer_for

TASK = "screening.recheck"
PROMPT = "screening/recheck"
MAX_TOP = 25  # each CV is one call: a recruiter re-checks the top, not the pool
DEFAULT_TOP = 5


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


def _blank(text: str, known: KnownIdentity | None) -> str:
    """The quotes are redacted text already; the candidate's known name, e-mail and phone are
    blanked once more before anything is sent."""
    return redact_known(text, known) if known is not None else text


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
    bodies = {ident: _blank(line.split(" | ", 1)[1], known) for ident, *_, line in lines}
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
        if (verdict := as_verdict(judged.get(hashed, ("", ""))[0])) is not None}
    applied, removed, weakened = apply_verdicts(score, weights, lines, by_ident)
    every = {"quotes": "\n".join(f"{ident} | {body}" for ident, body in bodies.items())}
    return Rechecked(applied, model, removed, weakened, call_id, "checked",
                     outcomes_of(score, lines, {i: judged[h] for i, h in hashes.items()
                                              if h in judged}),
                     prompt_hash, input_hash(every, language),
                     cached=len(set(hashes.values()) & known_rows.keys()))


def unavailable_reason(*, db_session: Session) -> str:
    """Why a re-check cannot be asked for now ("" when it can), for the page."""
    if current_engine(db_session=db_session) == OFFLINE_ENGINE:
        return _("No AI model is configured, so the AI re-check is not available.")
    if not ai_enabled(db_session=db_session):
        return _("The AI stop switch is on, so the AI re-check is not available.")
    return ""


def start(*, db_session: Session, user: User, role: Role, top: int) -> RecheckRun:
    """A run over the first `top` of the role's shortlist as the user sees it now."""
    require(user, "screening:run", target=f"role:{role.key}")
    if not 1 <= top <= MAX_TOP:
        raise InvalidInput(_("Choose how many to re-check: 1 to {n}.", n=MAX_TOP))
    if reason := unavailable_reason(db_session=db_session):
        raise Conflict(reason)
    results = shortlist(db_session=db_session, user=user, role=role, limit=top)
    if not results:
        raise InvalidInput(_("No CVs screened for this role yet."))
    run = RecheckRun(role_id=role.id, requested_by_id=user.id, entries=[
        RecheckEntry(result_id=result.id, position=n, score_before=result.overall)
        for n, result in enumerate(results)])
    db_session.add(run)
    db_session.flush()
    engine = current_engine(db_session=db_session)
    audit.record(db_session=db_session, actor=user, event=AuditEvent(
        "screening.recheck_requested", "screening_recheck", run.id, {
            "role": role.key, "results": [r.id for r in results], "engine": engine.name,
            "model": engine.model}))
    return run


def latest_run(*, db_session: Session, role: Role) -> RecheckRun | None:
    return db_session.scalar(select(RecheckRun).where(RecheckRun.role_id == role.id)
                             .order_by(RecheckRun.id.desc()).limit(1))


@dataclass(frozen=True)
class Progress:
    total: int
    processed: int
    checked: int
    offline: int
    skipped: int


def progress(run: RecheckRun) -> Progress:
    statuses = [entry.status for entry in run.entries]
    return Progress(len(statuses), sum(s != "pending" for s in statuses),
                    statuses.count("checked"), statuses.count("offline"),
                    statuses.count("skipped"))


def latest_check(*, db_session: Session, result: ScreeningResult) -> RecheckEntry | None:
    """The most recent re-check in which the model judged this result's quotes."""
    return db_session.scalar(select(RecheckEntry).where(
        RecheckEntry.result_id == result.id, RecheckEntry.status == "checked")
        .order_by(RecheckEntry.checked_at.desc(), RecheckEntry.id.desc()).limit(1))


def verdict_lookup(entry: RecheckEntry | None) -> dict[tuple[str, int, int], dict[str, str]]:
    """(dimension, item index, quote start) -> {"verdict", "reason"}, for the result page."""
    if entry is None:
        return {}
    return {(v["dimension"], int(v["item"]), int(v["start"])): v for v in entry.verdicts}


def check_entry(*, db_session: Session, entry: RecheckEntry, actor: User | None) -> Rechecked:
    """Put one result's quotes to the model and keep what it said on the entry."""
    result = db_session.get_one(ScreeningResult, entry.result_id)
    version = db_session.get_one(RoleVersion, result.role_version_id)
    scorer = scorer_for(db_session=db_session, version=version, embedder=default_embedder())
    offline = score_cv(scorer.items, scorer.vectors, scorer.weights, cv_evidence(result.analysis))
    candidate = result.candidate
    known = KnownIdentity(candidate.full_name, candidate.email, candidate.phone) \
        if candidate is not None else None
    checked = recheck(db_session=db_session, score=offline, weights=scorer.weights,
                      language=result.analysis.language or "en", actor=actor, known=known)
    entry.status = {"checked": "checked", "stopped": "skipped"}.get(checked.outcome, "offline")
    entry.engine = checked.engine[:260]
    entry.score_before, entry.score_after = result.overall, checked.score.overall
    entry.confirmed, entry.weakened, entry.removed = (
        checked.confirmed, checked.weakened, checked.removed)
    entry.verdicts = [{"dimension": q.dimension, "item": q.item, "start": q.start,
                       "verdict": q.verdict, "reason": q.reason} for q in checked.quotes]
    entry.checked_at = utcnow()
    if checked.outcome == "checked":
        call = db_session.get(LLMCall, checked.call_id) if checked.call_id else None
        audit.record(db_session=db_session, actor=actor, event=AuditEvent(
            "screening.rechecked", "screening_result", result.id, {
                "run": entry.run_id, "engine": checked.engine.split(":", 1)[0],
                "model": checked.engine.split(":", 1)[-1], "prompt_hash": checked.prompt_hash,
                "input_hash": checked.input_hash, "call": checked.call_id,
                "call_input_hash": call.input_hash if call else None,
                "cached": checked.cached, "confirmed": checked.confirmed,
                "weakened": checked.weakened, "removed": checked.removed,
                "score_before": result.overall, "score_after": checked.score.overall}))
    return checked
