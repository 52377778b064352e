"""The AI layer: any OpenAI-compatible model, or none. Import from `searchlight.llm` only.

    generate_text / generate_structured    service.py / structured.py: the two ways to ask
    EngineInfo, TextResult, StructuredResult   results.py: every result names engine and model
    AIError, AIStopped, LLMUnavailable, BudgetExhausted   errors.py (domain errors, 503)
    ai_enabled, current_engine             switch.py / service.py

Inside:
    provider.py       the one provider protocol (ChatRequest -> ChatReply)
    openai_client.py  the real provider: the `openai` SDK, time-out, bounded retries on 429/5xx
    prompts.py        versioned template files <domain>/prompts/<name>.md; variables become
                      fenced, untrusted data blocks, never instructions
    budget.py         per-call token cap and daily token budget
    records.py        one LLMCall row per call (hashes and numbers, never text); log lines too
    models.py         LLMCall and AISwitch tables
    switch.py         the stop switch (audited)
    status.py         configuration, reachability and budget for the admin page and CLI
    views.py          /admin/ai: configuration, stop switch, budget, recent calls

    offline.py        the offline engine's mechanics: deterministic Markdown templates per
                      language (<domain>/offline/<name>.<nl|en>.md)
    selftest.py       the administrator's test call (prompt llm/selftest)

The offline engine is the caller's deterministic `offline` function (usually offline.render over
the role profile and organisation facts): it runs when no endpoint is configured, or on request
when the endpoint fails; its results say engine "offline", model "offline-templates-v1".

Use:
    from searchlight.llm import AIError, generate_text, offline
    try:
        result = generate_text(
            db_session=db, task="content.vacancy", prompt="content/vacancy",
            variables={"role": role_text, "organisation": org_text}, language="nl",
            offline=lambda: offline.render("content/vacancy", language="nl", context=facts),
            actor=user)
    except AIError as error:    # AIStopped / LLMUnavailable / BudgetExhausted
        ...                     # show str(error) and the manual path
    result.text, result.engine.name, result.engine.model, result.call_id
Settings: SEARCHLIGHT_LLM_* (README, Configuration). Tests: tests/llm/fakeserver.py."""

from searchlight.llm import offline
from searchlight.llm.errors import AIError, AIStopped, BudgetExhausted, LLMUnavailable
from searchlight.llm.results import (
    OFFLINE_ENGINE,
    EngineInfo,
    StructuredResult,
    TextResult,
)
from searchlight.llm.service import current_engine, generate_text
from searchlight.llm.structured import generate_structured
from searchlight.llm.switch import ai_enabled

__all__ = [
    "OFFLINE_ENGINE", "AIError", "AIStopped", "BudgetExhausted", "EngineInfo", "LLMUnavailable",
    "StructuredResult", "TextResult", "ai_enabled", "current_engine", "generate_structured",
    "generate_text", "offline",
]
