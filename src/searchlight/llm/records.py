"""Call records: writing one per generation, reading them back for the admin page, the CLI and
the daily budget. Application logs get one line per call with numbers only, never text."""

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.llm.models import LLMCall
from searchlight.llm.results import OFFLINE_NAME, EngineInfo

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CallFacts:
    """What is known about a call before it runs (no text, only names and hashes)."""

    task: str
    prompt_template: str
    prompt_version: str
    template_hash: str
    prompt_hash: str
    input_hash: str
    language: str
    actor: User | None = None  # who asked, when a person did


def record_call(
    *, db_session: Session, facts: CallFacts, engine: EngineInfo, mode: str, outcome: str,
    prompt_tokens: int = 0, completion_tokens: int = 0, latency_ms: int = 0, attempts: int = 0,
    detail: str = "", output: str | None = None,
) -> LLMCall:
    """Store the call. When it produced an `output` (a text, a value as JSON, or the answer a
    human must now review), its hash is stored and the output enters the audit chain."""
    call = LLMCall(
        task=facts.task[:100], engine=engine.name, model=engine.model[:200],
        prompt_template=facts.prompt_template, prompt_version=facts.prompt_version[:40],
        template_hash=facts.template_hash, prompt_hash=facts.prompt_hash,
        input_hash=facts.input_hash, language=facts.language[:8], mode=mode,
        prompt_tokens=prompt_tokens, completion_tokens=completion_tokens,
        total_tokens=prompt_tokens + completion_tokens, latency_ms=latency_ms,
        attempts=attempts, outcome=outcome, detail=detail[:300],
        output_hash=hashlib.sha256(output.encode()).hexdigest() if output is not None else "",
    )
    db_session.add(call)
    db_session.flush()
    if output is not None:
        audit.record(db_session=db_session, actor=facts.actor, event=AuditEvent(
            "ai.output", "llm_call", call.id, {
                "task": call.task, "engine": call.engine, "model": call.model,
                "prompt": f"{call.prompt_template}@{call.prompt_version}",
                "prompt_hash": call.prompt_hash, "input_hash": call.input_hash,
                "output_hash": call.output_hash, "outcome": call.outcome}))
    logger.info(
        "AI call %s task=%s engine=%s model=%s mode=%s outcome=%s tokens=%d latency_ms=%d "
        "attempts=%d", call.id, call.task, call.engine, call.model, call.mode, call.outcome,
        call.total_tokens, call.latency_ms, call.attempts,
    )
    return call


def start_of_today() -> datetime:
    now = utcnow()
    return datetime.combine(now.date(), time.min, tzinfo=now.tzinfo)


def tokens_used_today(*, db_session: Session) -> int:
    """Tokens that endpoint calls used since midnight UTC (the offline engine uses none)."""
    used = db_session.scalar(
        select(func.coalesce(func.sum(LLMCall.total_tokens), 0))
        .where(LLMCall.created_at >= start_of_today(), LLMCall.engine != OFFLINE_NAME)
    )
    return int(used or 0)


def usage_by_task_today(*, db_session: Session) -> list[dict[str, object]]:
    """Calls and endpoint tokens per task since midnight UTC, the largest users first."""
    tokens = func.coalesce(func.sum(LLMCall.total_tokens), 0)
    rows = db_session.execute(
        select(LLMCall.task, func.count(), tokens)
        .where(LLMCall.created_at >= start_of_today())
        .group_by(LLMCall.task).order_by(tokens.desc(), LLMCall.task)
    ).all()
    return [{"task": task, "calls": int(calls), "tokens": int(used)}
            for task, calls, used in rows]


def recent_calls(*, db_session: Session, limit: int = 50, task: str = "") -> Sequence[LLMCall]:
    query = select(LLMCall).order_by(LLMCall.id.desc()).limit(max(1, min(limit, 1000)))
    if task:
        query = query.where(LLMCall.task == task)
    return db_session.scalars(query).all()


def call_as_dict(call: LLMCall) -> dict[str, object]:
    return {
        "id": call.id, "created_at": call.created_at.isoformat(), "task": call.task,
        "engine": {"name": call.engine, "model": call.model},
        "prompt": {"template": call.prompt_template, "version": call.prompt_version,
                   "template_hash": call.template_hash, "prompt_hash": call.prompt_hash},
        "input_hash": call.input_hash, "output_hash": call.output_hash,
        "language": call.language, "mode": call.mode,
        "tokens": {"prompt": call.prompt_tokens, "completion": call.completion_tokens,
                   "total": call.total_tokens},
        "latency_ms": call.latency_ms, "attempts": call.attempts, "outcome": call.outcome,
        "detail": call.detail,
    }
