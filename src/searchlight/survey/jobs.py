"""The survey goes out by itself: at most hourly, invite the candidates and hiring managers of
procedures that ended `survey_after_days` ago (settings) and were not invited by hand."""

import time

from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.config import get_settings
from searchlight.db import transaction, utcnow
from searchlight.survey.service import due_invitations, send_due

CHECK_EVERY_SECONDS = 3600.0
_last_check: list[float] = []


@jobs.task("survey.send_due")
def send_due_surveys() -> None:
    settings = get_settings()
    with transaction() as db_session:
        send_due(db_session=db_session, after_days=settings.survey_after_days,
                 base_url=settings.public_url.rstrip("/"), now=utcnow())


@jobs.finds_due_work
def due_surveys(db_session: Session) -> jobs.DueWork:
    now = time.monotonic()
    if _last_check and now - _last_check[-1] < CHECK_EVERY_SECONDS:
        return []
    _last_check.append(now)
    del _last_check[:-1]
    if due_invitations(db_session=db_session, after_days=get_settings().survey_after_days,
                       now=utcnow()):
        return [("survey.send_due", {})]
    return []
