"""The mail job: send what the outbox says is due (idempotent; a failed send is retried later)."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.db import utcnow
from searchlight.mail.models import OutboxMessage
from searchlight.mail.service import get_mail_settings, send_due


@jobs.task("mail.send_due")
def send_due_mail() -> None:
    send_due()


@jobs.finds_due_work
def due_mail(db_session: Session) -> jobs.DueWork:
    if not get_mail_settings().configured:
        return []
    due = db_session.scalar(select(exists().where(
        OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= utcnow())))
    return [("mail.send_due", {})] if due else []
