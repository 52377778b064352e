"""The errors of the AI layer. They are domain errors, so a view that does not catch one still
answers with a clear page or JSON (503); callers that can, catch them and show the manual path.
`str(error)` is one line a user can read; it never holds prompt or answer text."""

from searchlight.errors import DomainError


class AIError(DomainError):
    """Base of every AI-layer error. `outcome` is what the call record stores."""

    status_code = 503
    code = "ai_error"
    outcome = "error"

    def __init__(self, message: str, *, outcome: str | None = None, attempts: int = 0) -> None:
        super().__init__(message)
        if outcome:
            self.outcome = outcome
        self.attempts = attempts


class AIStopped(AIError):
    """An administrator switched every AI feature off; the feature shows its manual path."""

    code = "ai_stopped"
    outcome = "stopped"


class LLMUnavailable(AIError):
    """The endpoint is down, refused, timed out, or the retries ran out."""

    code = "ai_unavailable"
    outcome = "unavailable"


class BudgetExhausted(LLMUnavailable):
    """Today's token budget is used up (or this call would go over it)."""

    code = "ai_budget_exhausted"
    outcome = "budget_exhausted"


class ProviderRefused(LLMUnavailable):
    """The endpoint answered with a 4xx status other than 429. The service uses a 400 on a
    JSON-schema request to fall back to JSON mode; otherwise it is simply unavailable."""

    outcome = "refused"

    def __init__(self, message: str, *, status: int, attempts: int = 0) -> None:
        super().__init__(message, attempts=attempts)
        self.status = status
