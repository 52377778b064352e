"""The one provider protocol: a chat completion in, text and token counts out. The OpenAI-
compatible client implements it; a test or a future provider can too."""

from dataclasses import dataclass, field
from typing import Any, Protocol

from searchlight.llm.results import EngineInfo


@dataclass(frozen=True)
class ChatRequest:
    system: str
    user: str
    max_tokens: int
    # {"type": "json_schema", ...} or {"type": "json_object"}; None asks for plain text.
    response_format: dict[str, Any] | None = None
    # Earlier turns after the user message (a retry sends the invalid answer and the error).
    follow_up: tuple[tuple[str, str], ...] = field(default=())

    def messages(self) -> list[dict[str, str]]:
        turns = [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]
        turns += [{"role": role, "content": content} for role, content in self.follow_up]
        return turns


@dataclass(frozen=True)
class ChatReply:
    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str
    attempts: int  # HTTP requests it took, retries included


class Provider(Protocol):
    """Raises LLMUnavailable (or its ProviderRefused / BudgetExhausted) when it cannot answer."""

    @property
    def engine(self) -> EngineInfo: ...

    def chat(self, request: ChatRequest) -> ChatReply: ...

    def ping(self) -> None:
        """Check that the endpoint answers; raises LLMUnavailable when it does not."""
        ...
