"""Structured answers: a Pydantic model in, a validated value or "needs a human" out.

The request carries the model's JSON schema as `response_format` (type json_schema). A server
that refuses that with a 400 is asked again in JSON mode (type json_object), and remembered for
the rest of the process. The schema is in the system message either way. An answer that is not
JSON or does not validate gets one retry that quotes the validation error; a second bad answer
makes the result needs_human - never a default value."""

import json
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.llm import openai_client, prompts
from searchlight.llm.errors import LLMUnavailable, ProviderRefused
from searchlight.llm.provider import ChatReply, ChatRequest
from searchlight.llm.records import record_call
from searchlight.llm.results import OFFLINE_ENGINE, StructuredResult, T
from searchlight.llm.service import Prepared, ask, elapsed_ms, prepare, record_failure

JSON_RULE = (
    "Answer with one JSON object and nothing else: no prose, no code fence. Write the texts "
    "inside it in {language_name}. The object must match this JSON schema:\n{schema}"
)
RETRY_RULE = (
    "That answer cannot be used: {error}. Answer again with only the corrected JSON object "
    "that matches the schema."
)
# Reasons in StructuredResult (English msgids; Dutch in translations/nl/llm.po).
NO_ENGINE = "No AI model is configured and there is no offline version of this task."
TWICE_INVALID = "The AI model's answer did not match the expected form, twice."
JSON_FENCE = re.compile(r"^```(?:json)?\s*\n(.*)\n```$", re.DOTALL)
SCHEMA_NAME = re.compile(r"[^a-zA-Z0-9_-]")

# (base_url, model) of endpoints that answered 400 to a json_schema response format.
_no_json_schema: set[tuple[str, str]] = set()


def forget_endpoints() -> None:
    """Forget what was learnt about endpoints (tests start servers on reused ports)."""
    _no_json_schema.clear()
    openai_client.forget_endpoints()


def _schema_format(schema: type[T]) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {
        "name": SCHEMA_NAME.sub("_", schema.__name__)[:64], "schema": schema.model_json_schema(),
        "strict": False}}


def parse_answer(text: str, schema: type[T]) -> tuple[T | None, str]:
    """The validated value, or None and a short reason (no answer text in it)."""
    stripped = text.strip()
    if fenced := JSON_FENCE.match(stripped):
        stripped = fenced.group(1)
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        return None, f"it is not valid JSON ({error.msg} at {where})"
    try:
        return schema.model_validate(data), ""
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in error.errors())
        return None, f"it does not match the schema ({problems})"


def _exchange(*, db_session: Session, prepared: Prepared, request: ChatRequest,
              schema: type[T]) -> tuple[ChatReply, str]:
    """Ask once in json_schema mode (json_object where the endpoint lacks it); return the reply
    and the mode that answered."""
    settings = prepared.settings
    key = (str(settings.llm_base_url), settings.llm_model)
    if key not in _no_json_schema:
        try:
            with_schema = ChatRequest(request.system, request.user, request.max_tokens,
                                      _schema_format(schema), request.follow_up)
            return ask(db_session=db_session, prepared=prepared, request=with_schema), \
                "json_schema"
        except ProviderRefused as refusal:
            if refusal.status != 400:
                raise
            _no_json_schema.add(key)
    json_mode = ChatRequest(request.system, request.user, request.max_tokens,
                            {"type": "json_object"}, request.follow_up)
    return ask(db_session=db_session, prepared=prepared, request=json_mode), "json_object"


def _offline_structured(*, db_session: Session, prepared: Prepared,
                        offline: Callable[[], T] | None, detail: str) -> StructuredResult[T]:
    started = time.monotonic()
    value = offline() if offline else None
    call = record_call(db_session=db_session, facts=prepared.facts, engine=OFFLINE_ENGINE,
                       mode="offline", outcome="ok" if value is not None else "needs_human",
                       latency_ms=elapsed_ms(started), detail=detail,
                       output=value.model_dump_json() if value is not None else None)
    return StructuredResult(value=value, needs_human=value is None,
                            reason="" if value is not None else NO_ENGINE,
                            engine=OFFLINE_ENGINE, call_id=call.id)


def generate_structured(
    *, db_session: Session, task: str, prompt: str, variables: Mapping[str, str],
    schema: type[T], language: str, offline: Callable[[], T] | None = None,
    fallback_offline: bool = False, max_tokens: int | None = None, actor: User | None = None,
) -> StructuredResult[T]:
    """A `schema` instance from the template `prompt`, or needs_human with the reason.

    No endpoint: `offline()` when given, else needs_human. Stop switch on: AIStopped. Endpoint
    fails or the budget is used up: LLMUnavailable (BudgetExhausted), unless `fallback_offline`
    and `offline` are given. `fallback_offline`, `max_tokens` and `actor` are additions to the
    agreed interface, matching generate_text."""
    prepared = prepare(db_session=db_session, task=task, prompt=prompt, variables=variables,
                       language=language, actor=actor)
    if prepared.provider is None:
        return _offline_structured(db_session=db_session, prepared=prepared, offline=offline,
                                   detail="no endpoint configured")
    started, mode = time.monotonic(), "json_schema"
    system = f"{prepared.prompt.system}\n\n" + JSON_RULE.format(
        language_name=prompts.LANGUAGE_NAMES.get(language, language),
        schema=json.dumps(schema.model_json_schema(), ensure_ascii=False))
    request = ChatRequest(system=system, user=prepared.prompt.user, max_tokens=max_tokens or 0)
    replies: list[ChatReply] = []
    try:
        reply, mode = _exchange(db_session=db_session, prepared=prepared, request=request,
                                schema=schema)
        replies.append(reply)
        value, problem = parse_answer(reply.text, schema)
        if value is None:
            retry = ChatRequest(request.system, request.user, request.max_tokens, None, (
                ("assistant", reply.text), ("user", RETRY_RULE.format(error=problem))))
            reply, mode = _exchange(db_session=db_session, prepared=prepared, request=retry,
                                    schema=schema)
            replies.append(reply)
            value, problem = parse_answer(reply.text, schema)
    except LLMUnavailable as error:
        record_failure(db_session=db_session, prepared=prepared, mode=mode, error=error,
                       started=started, earlier=replies)
        if fallback_offline and offline is not None:
            return _offline_structured(db_session=db_session, prepared=prepared,
                                       offline=offline, detail=f"fallback after {error.outcome}")
        raise
    call = record_call(
        db_session=db_session, facts=prepared.facts, engine=prepared.engine, mode=mode,
        outcome="ok" if value is not None else "needs_human",
        prompt_tokens=sum(r.prompt_tokens for r in replies),
        completion_tokens=sum(r.completion_tokens for r in replies),
        latency_ms=elapsed_ms(started), attempts=sum(r.attempts for r in replies),
        detail="retried after an invalid answer" if len(replies) > 1 else "",
        # The value produced, or the rejected answer that a human now reviews instead.
        output=value.model_dump_json() if value is not None else reply.text,
    )
    return StructuredResult(value=value, needs_human=value is None,
                            reason="" if value is not None else TWICE_INVALID,
                            engine=prepared.engine, call_id=call.id)
