"""The daily token budget and the per-call token cap.

A call may start when the tokens used today (UTC) plus an estimate of its prompt leave room;
its completion is capped at the smaller of the per-call cap and what is left. Calls running at
the same moment can overshoot by at most their own caps: the budget is a guard, not an invoice."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from searchlight.config import Settings
from searchlight.llm import errors
from searchlight.llm.errors import BudgetExhausted
from searchlight.llm.records import tokens_used_today

CHARS_PER_TOKEN = 4  # a deliberately rough estimate; the endpoint's usage figures are recorded


@dataclass(frozen=True)
class Budget:
    daily: int
    used: int

    @property
    def left(self) -> int:
        return max(0, self.daily - self.used)


def today(*, db_session: Session, settings: Settings) -> Budget:
    return Budget(daily=settings.llm_daily_token_budget,
                  used=tokens_used_today(db_session=db_session))


def estimate_tokens(text: str) -> int:
    return len(text) // CHARS_PER_TOKEN + 1


def completion_cap(*, db_session: Session, settings: Settings, prompt_chars: int,
                   asked: int | None) -> int:
    """The max_tokens to send, or BudgetExhausted when the budget has no room for this call."""
    left = today(db_session=db_session, settings=settings).left
    room = left - prompt_chars // CHARS_PER_TOKEN - 1
    if room <= 0:
        raise BudgetExhausted(errors.BUDGET_USED_UP)
    cap = settings.llm_max_tokens if asked is None else min(asked, settings.llm_max_tokens)
    return max(1, min(cap, room))
