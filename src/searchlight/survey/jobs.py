"""The survey goes out by itself: at most hourly, invite the candidates and hiring managers of
procedures that ended `survey_after_days` ago (settings) and were not invited by hand."""

from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.config import get_settings
from searchlight.db import transaction, utcnow
from searchlight.survey.service import due_invitations, send_due

hourly = jobs.Every(3600.0)


@jobs.task("survey.send_due")
def send_due_surveys() -> None:
    settings = get_settings()
    with transaction() as db_session:
        send_due(db_session=db_session, after_days=settings.survey_after_days,
                 base_url=settings.public_url.rstrip("/"), now=utcnow())


@jobs.finds_due_work
def due_surveys(db_session: Session) -> jobs.DueWork:
    if not hourly.due():
        return []
    if due_invitations(db_session=db_session, after_days=get_settings().survey_after_days,
                       now=utcnow()):
        return [("survey.send_due", {})]
    return []
