"""What a generation returns: the text or value, and which engine and model made it."""

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)

OFFLINE_NAME = "offline"
OFFLINE_MODEL = "offline-templates-v1"
PROVIDER_NAME = "openai-compatible"


@dataclass(frozen=True)
class EngineInfo:
    name: str  # "offline" or the provider name, e.g. "openai-compatible"
    model: str  # "offline-templates-v1" for the offline engine, else the configured model

    @property
    def is_offline(self) -> bool:
        return self.name == OFFLINE_NAME

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "model": self.model}


OFFLINE_ENGINE = EngineInfo(OFFLINE_NAME, OFFLINE_MODEL)


@dataclass(frozen=True)
class TextResult:
    text: str  # Markdown
    engine: EngineInfo
    call_id: int | None  # id of the recorded LLMCall row


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    value: T | None  # None => needs_human
    needs_human: bool
    reason: str  # why it needs a human ("" when fine)
    engine: EngineInfo
    call_id: int | None
