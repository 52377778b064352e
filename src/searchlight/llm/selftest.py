"""The administrator's test call: one small generation through the whole layer (stop switch,
budget, endpoint or offline engine, call record), so the admin page shows it really works."""

from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.i18n import _
from searchlight.llm.results import TextResult
from searchlight.llm.service import generate_text

TASK = "llm.selftest"


def offline_answer() -> str:
    return _("The offline engine answered: no AI model is configured, so texts are drafted "
             "from templates.")


def run(*, db_session: Session, language: str, actor: User | None = None) -> TextResult:
    """Raises AIStopped or LLMUnavailable like every AI feature; the page shows the message."""
    return generate_text(
        db_session=db_session, task=TASK, prompt="llm/selftest", language=language,
        variables={"check": "Searchlight administrator connection check"},
        offline=offline_answer, max_tokens=100, actor=actor,
    )
