"""Tables of the AI layer: one row per AI call (never its text) and the stop switch."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from searchlight.db import Base, utcnow


class LLMCall(Base):
    """Every generation, offline ones and failures too. Hashes identify the template file
    (`template_hash`), the exact prompt sent (`prompt_hash`), the caller's input (`input_hash`)
    and the output (`output_hash`) without storing any of their text."""

    __tablename__ = "llm_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    task: Mapped[str] = mapped_column(String(100), index=True)
    engine: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(200))
    prompt_template: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(40))
    template_hash: Mapped[str] = mapped_column(String(64))
    prompt_hash: Mapped[str] = mapped_column(String(64))
    input_hash: Mapped[str] = mapped_column(String(64))
    # sha256 of what the call produced ("" when it produced nothing); also in the audit chain.
    output_hash: Mapped[str] = mapped_column(String(64), default="")
    language: Mapped[str] = mapped_column(String(8))
    # "text", "json_schema", "json_object" or "offline"
    mode: Mapped[str] = mapped_column(String(20))
    prompt_tokens: Mapped[int] = mapped_column(default=0)
    completion_tokens: Mapped[int] = mapped_column(default=0)
    total_tokens: Mapped[int] = mapped_column(default=0)
    latency_ms: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    # "ok", "needs_human", "stopped", "budget_exhausted", "timeout", "rate_limited",
    # "server_error", "unreachable", "refused", "unavailable", "empty_answer"
    outcome: Mapped[str] = mapped_column(String(30), index=True)
    # A short machine note ("retried after invalid answer", "fallback from json_schema"); no text.
    detail: Mapped[str] = mapped_column(String(300), default="")


class AISwitch(Base):
    """One row (id 1): whether an administrator has switched every AI feature off."""

    __tablename__ = "ai_switch"

    id: Mapped[int] = mapped_column(primary_key=True)
    stopped: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(String(500), default="")
    changed_at: Mapped[datetime | None]
    changed_by: Mapped[str] = mapped_column(String(254), default="")
