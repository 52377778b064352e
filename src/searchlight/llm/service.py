"""Generating text: pick the engine, guard the switch and the budget, record the call.

The caller's session holds the call record (services flush, never commit). A caller that
catches an AIError and goes on keeps the record of the failed call; a request that fails with
it rolls the record back together with everything else."""

import hashlib
import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.config import Settings, get_settings
from searchlight.db import end_unwritten_transaction
from searchlight.llm import budget, errors, prompts
from searchlight.llm.errors import AIStopped, LLMUnavailable
from searchlight.llm.openai_client import OpenAICompatibleProvider
from searchlight.llm.provider import ChatReply, ChatRequest, Provider
from searchlight.llm.records import CallFacts, record_call
from searchlight.llm.results import OFFLINE_ENGINE, PROVIDER_NAME, EngineInfo, TextResult
from searchlight.llm.switch import ai_enabled

MARKDOWN_RULE = (
    "Write your answer in {language_name}, formatted as Markdown (headings, lists, paragraphs). "
    "Answer with the text only: no remarks about the text, no code fence around it."
)
OUTER_FENCE = re.compile(r"^```[a-zA-Z]*\n(.*)\n```$", re.DOTALL)


def current_engine(*, db_session: Session) -> EngineInfo:
    """What would run now: the configured endpoint's model, or the offline engine."""
    settings = get_settings()
    return EngineInfo(PROVIDER_NAME, settings.llm_model) if settings.llm_base_url \
        else OFFLINE_ENGINE


def make_provider(settings: Settings) -> Provider | None:
    return OpenAICompatibleProvider(settings) if settings.llm_base_url else None


@dataclass(frozen=True)
class Prepared:
    facts: CallFacts
    prompt: prompts.RenderedPrompt
    settings: Settings
    provider: Provider | None

    @property
    def engine(self) -> EngineInfo:
        return self.provider.engine if self.provider else OFFLINE_ENGINE


def input_hash(variables: Mapping[str, str], language: str) -> str:
    canonical = json.dumps({"variables": dict(variables), "language": language},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def prepare(*, db_session: Session, task: str, prompt: str, variables: Mapping[str, str],
            language: str, actor: User | None = None) -> Prepared:
    """Render the template, then refuse (recorded) when the stop switch is on."""
    template = prompts.load(prompt)
    rendered = template.render(variables=variables, language=language)
    facts = CallFacts(
        task=task, prompt_template=template.name, prompt_version=template.version,
        template_hash=template.sha256, prompt_hash=rendered.sha256,
        input_hash=input_hash(variables, language), language=language, actor=actor,
    )
    settings = get_settings()
    prepared = Prepared(facts=facts, prompt=rendered, settings=settings,
                        provider=make_provider(settings))
    if not ai_enabled(db_session=db_session):
        record_call(db_session=db_session, facts=facts, engine=prepared.engine, mode="none",
                    outcome="stopped")
        raise AIStopped(errors.STOPPED)
    return prepared


def ask(*, db_session: Session, prepared: Prepared, request: ChatRequest) -> ChatReply:
    """One exchange with the provider, its completion capped by the per-call cap and budget."""
    assert prepared.provider is not None
    cap = budget.completion_cap(
        db_session=db_session, settings=prepared.settings,
        prompt_chars=sum(len(m["content"]) for m in request.messages()),
        asked=request.max_tokens or None,
    )
    end_unwritten_transaction(db_session)  # SQLite: no lock held while the model answers
    reply = prepared.provider.chat(ChatRequest(
        system=request.system, user=request.user, max_tokens=cap,
        response_format=request.response_format, follow_up=request.follow_up))
    if not reply.prompt_tokens and not reply.completion_tokens:
        # Servers that report no usage still spend tokens; count an estimate against the budget.
        sent = sum(len(m["content"]) for m in request.messages())
        reply = ChatReply(reply.text, sent // budget.CHARS_PER_TOKEN + 1,
                          budget.estimate_tokens(reply.text), reply.finish_reason, reply.attempts)
    return reply


def record_failure(*, db_session: Session, prepared: Prepared, mode: str, error: LLMUnavailable,
                   started: float, earlier: Sequence[ChatReply] = ()) -> None:
    """Record a failed call; `earlier` replies of the same call (a structured retry) still
    count their tokens and attempts."""
    record_call(db_session=db_session, facts=prepared.facts, engine=prepared.engine, mode=mode,
                outcome=error.outcome, attempts=error.attempts + sum(r.attempts for r in earlier),
                prompt_tokens=sum(r.prompt_tokens for r in earlier),
                completion_tokens=sum(r.completion_tokens for r in earlier),
                latency_ms=elapsed_ms(started), detail=error.facts())


def elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def run_offline_text(*, db_session: Session, prepared: Prepared, offline: Callable[[], str],
                     detail: str) -> TextResult:
    started = time.monotonic()
    text = offline()
    call = record_call(db_session=db_session, facts=prepared.facts, engine=OFFLINE_ENGINE,
                       mode="offline", outcome="ok", latency_ms=elapsed_ms(started), detail=detail,
                       output=text)
    return TextResult(text=text, engine=OFFLINE_ENGINE, call_id=call.id)


def clean_markdown(text: str) -> str:
    stripped = text.strip()
    fenced = OUTER_FENCE.match(stripped)
    return (fenced.group(1) if fenced else stripped).strip()


def generate_text(
    *, db_session: Session, task: str, prompt: str, variables: Mapping[str, str], language: str,
    offline: Callable[[], str], fallback_offline: bool = False, max_tokens: int | None = None,
    actor: User | None = None,
) -> TextResult:
    """Markdown prose from the template `prompt` ("<domain>/<name>", see prompts.py).

    No endpoint configured: runs `offline()` (engine "offline"). Stop switch on: AIStopped.
    Endpoint fails, refuses, times out or the budget is used up: LLMUnavailable (BudgetExhausted),
    unless `fallback_offline` (then `offline()`, and the result says engine "offline").
    `actor` (an addition to the agreed interface) is the person who asked, for the audit chain."""
    prepared = prepare(db_session=db_session, task=task, prompt=prompt, variables=variables,
                       language=language, actor=actor)
    if prepared.provider is None:
        return run_offline_text(db_session=db_session, prepared=prepared, offline=offline,
                                detail="no endpoint configured")
    started = time.monotonic()
    system = f"{prepared.prompt.system}\n\n" + MARKDOWN_RULE.format(
        language_name=prompts.LANGUAGE_NAMES.get(language, language))
    try:
        reply = ask(db_session=db_session, prepared=prepared, request=ChatRequest(
            system=system, user=prepared.prompt.user, max_tokens=max_tokens or 0))
        text = clean_markdown(reply.text)
        if not text:
            raise LLMUnavailable(errors.EMPTY_ANSWER, outcome="empty_answer",
                                 attempts=reply.attempts)
    except LLMUnavailable as error:
        record_failure(db_session=db_session, prepared=prepared, mode="text", error=error,
                       started=started)
        if not fallback_offline:
            raise
        return run_offline_text(db_session=db_session, prepared=prepared, offline=offline,
                                detail=f"fallback after {error.outcome}")
    call = record_call(
        db_session=db_session, facts=prepared.facts, engine=prepared.engine, mode="text",
        outcome="ok", prompt_tokens=reply.prompt_tokens, completion_tokens=reply.completion_tokens,
        latency_ms=elapsed_ms(started), attempts=reply.attempts,
        detail="cut off at the token cap" if reply.finish_reason == "length" else "",
        output=text,
    )
    return TextResult(text=text, engine=prepared.engine, call_id=call.id)
