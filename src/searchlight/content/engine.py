"""The one way content reaches a text engine: `searchlight.llm.generate_text` with the offline
engine as its `offline` callable. Role and organisation fields go in as variables, which the AI
layer puts in fenced data blocks, never into the instructions of the prompt template."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from searchlight import llm
from searchlight.content.offline import MODEL as OFFLINE_MODEL


class EngineUnavailable(Exception):
    """The configured endpoint failed or refused; str() is one clear line for users."""


class EngineStopped(EngineUnavailable):
    """An administrator switched the AI features off: the manual path applies."""


@dataclass(frozen=True)
class Written:
    text: str
    engine_name: str
    engine_model: str
    call_id: int | None


def current(*, db_session: Session) -> tuple[str, str, bool]:
    """(engine name, model, AI enabled) as things stand now, for the studio page."""
    info = llm.current_engine(db_session=db_session)
    return info.name, info.model, llm.ai_enabled(db_session=db_session)


def write(
    *, db_session: Session, task: str, prompt: str, variables: Mapping[str, str], language: str,
    offline: Callable[[], str], fallback_offline: bool = False,
) -> Written:
    try:
        result = llm.generate_text(db_session=db_session, task=task, prompt=prompt,
                                   variables=variables, language=language, offline=offline,
                                   fallback_offline=fallback_offline)
    except llm.AIStopped as error:
        raise EngineStopped(str(error)) from error
    except llm.AIError as error:
        raise EngineUnavailable(str(error)) from error
    return Written(result.text, result.engine.name, result.engine.model, result.call_id)


@dataclass(frozen=True)
class Drafted:
    value: Any  # a Pydantic model of the asked schema; the offline value when the model failed
    engine_name: str
    engine_model: str
    note: str  # why the offline draft is shown instead of the model's ("" when fine)


def draft(
    *, db_session: Session, task: str, prompt: str, variables: Mapping[str, str], language: str,
    schema: type[Any], offline: Callable[[], Any],
) -> Drafted:
    """A structured draft for a person to edit. It never blocks: a model that fails, answers
    something unusable or is switched off leaves the offline draft, with the reason."""
    try:
        result = llm.generate_structured(db_session=db_session, task=task, prompt=prompt,
                                         variables=variables, schema=schema, language=language,
                                         offline=offline)
    except llm.AIError as error:
        return Drafted(offline(), "offline", OFFLINE_MODEL, str(error))
    if result.needs_human or result.value is None:
        return Drafted(offline(), "offline", OFFLINE_MODEL, result.reason)
    return Drafted(result.value, result.engine.name, result.engine.model, "")
