"""What the admin page and `searchlight ai status` show: configuration (never the key), the
stop switch, today's budget and, on request, whether the endpoint answers."""

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy.orm import Session

from searchlight.config import Settings, get_settings
from searchlight.llm import budget, records, switch
from searchlight.llm.errors import LLMUnavailable
from searchlight.llm.openai_client import OpenAICompatibleProvider, api_key
from searchlight.llm.service import current_engine


def display_url(url: str | None) -> str | None:
    """The endpoint without any user:password part."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def key_state(settings: Settings) -> str:
    """"environment", "file", "none" or "unreadable": where the key comes from, never the key."""
    if settings.llm_api_key:
        return "environment"
    if settings.llm_api_key_file is None:
        return "none"
    try:
        return "file" if api_key(settings) else "none"
    except LLMUnavailable:
        return "unreadable"


def reachability(settings: Settings) -> tuple[bool | None, str]:
    if not settings.llm_base_url:
        return None, "no endpoint configured"
    try:
        OpenAICompatibleProvider(settings).ping()
    except LLMUnavailable as error:
        return False, str(error)
    return True, "ok"


def status(*, db_session: Session, check: bool = False) -> dict[str, Any]:
    settings = get_settings()
    state = switch.state(db_session=db_session)
    today = budget.today(db_session=db_session, settings=settings)
    reachable, note = reachability(settings) if check else (None, "not checked")
    return {
        "engine": current_engine(db_session=db_session).as_dict(),
        "endpoint": display_url(settings.llm_base_url),
        "model": settings.llm_model if settings.llm_base_url else None,
        "api_key": key_state(settings),
        "timeout_seconds": settings.llm_timeout_seconds,
        "max_retries": settings.llm_max_retries,
        "max_tokens_per_call": settings.llm_max_tokens,
        "ai_enabled": not state.stopped,
        "switch": {"stopped": state.stopped, "reason": state.reason,
                   "changed_at": state.changed_at.isoformat() if state.changed_at else None,
                   "changed_by": state.changed_by},
        "budget": {"daily_tokens": today.daily, "used_today": today.used, "left": today.left,
                   "by_task": records.usage_by_task_today(db_session=db_session)},
        "reachable": reachable,
        "reachability": note,
    }
