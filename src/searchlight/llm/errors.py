"""The errors of the AI layer. They are domain errors, so a view that does not catch one still
answers with a clear page or JSON (503); callers that can, catch them and show the manual path.
`str(error)` is one line a user can read, in English, without numbers: it is the msgid of its
Dutch translation (show it with `gettext(str(error))`). It never holds prompt or answer text;
the status and attempts are attributes, and the call record keeps them."""

from searchlight.errors import DomainError

# Every message the layer raises (each has a Dutch translation in translations/nl/llm.po).
STOPPED = "An administrator has switched the AI features off; please do this by hand for now."
BUDGET_USED_UP = ("Today's AI token budget is used up; try again tomorrow or ask an "
                  "administrator to raise it.")
NO_ANSWER_IN_TIME = "The AI model did not answer in time."
UNREACHABLE = "The AI endpoint cannot be reached."
BUSY = "The AI endpoint is busy; try again in a few minutes."
FAILING = "The AI endpoint is failing; try again later."
KEY_REFUSED = "The AI endpoint refused the API key."
REQUEST_REFUSED = "The AI endpoint refused the request."
KEY_FILE_UNREADABLE = "The API key file cannot be read."
EMPTY_ANSWER = "The AI model gave an empty answer."
MESSAGES = (STOPPED, BUDGET_USED_UP, NO_ANSWER_IN_TIME, UNREACHABLE, BUSY, FAILING, KEY_REFUSED,
            REQUEST_REFUSED, KEY_FILE_UNREADABLE, EMPTY_ANSWER)


class AIError(DomainError):
    """Base of every AI-layer error. `outcome` is what the call record stores."""

    status_code = 503
    code = "ai_error"
    outcome = "error"

    def __init__(self, message: str, *, outcome: str | None = None, attempts: int = 0,
                 status: int | None = None) -> None:
        super().__init__(message)
        if outcome:
            self.outcome = outcome
        self.attempts = attempts
        self.status = status

    def facts(self) -> str:
        """The message with status and attempts, for the call record (never user text)."""
        extra = [f"status {self.status}"] if self.status else []
        extra += [f"{self.attempts} attempts"] if self.attempts else []
        return f"{self.message} ({', '.join(extra)})" if extra else self.message


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
        super().__init__(message, attempts=attempts, status=status)
        self.status: int = status
