"""SMTP settings, queueing and delivery. Settings come from the environment:

SEARCHLIGHT_SMTP_HOST (empty: mail stays queued), SEARCHLIGHT_SMTP_PORT (25),
SEARCHLIGHT_SMTP_USER, SEARCHLIGHT_SMTP_PASSWORD_FILE, SEARCHLIGHT_SMTP_FROM,
SEARCHLIGHT_SMTP_TLS ("none", "starttls" or "ssl"), SEARCHLIGHT_SMTP_TIMEOUT_SECONDS.
"""

import logging
import smtplib
import ssl
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.db import transaction, utcnow
from searchlight.mail.models import OutboxMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
# How long a claimed message is left to its worker before another may send it.
SEND_LEASE = timedelta(minutes=15)


class MailSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEARCHLIGHT_SMTP_", extra="ignore")

    host: str = ""
    port: int = 25
    user: str = ""
    password_file: Path | None = None
    from_address: str = Field(default="searchlight@localhost",
                              validation_alias="SEARCHLIGHT_SMTP_FROM")
    tls: Literal["none", "starttls", "ssl"] = "none"
    timeout_seconds: float = Field(default=20.0, gt=0)

    @property
    def configured(self) -> bool:
        return bool(self.host)

    def password(self) -> str:
        if self.password_file is None:
            return ""
        return self.password_file.read_text(encoding="utf-8").strip()


def get_mail_settings() -> MailSettings:
    return MailSettings()


def queue_mail(
    db_session: Session, *, to: str, subject: str, body: str, purpose: str = "",
    language: str = "en",
) -> OutboxMessage:
    """Put a message in the outbox; it is sent after the caller's transaction commits."""
    message = OutboxMessage(to_address=to.strip(), subject=subject.replace("\n", " ")[:300],
                            body=body, purpose=purpose, language=language)
    db_session.add(message)
    db_session.flush()
    jobs.defer(db_session=db_session, task_name="mail.send_due", queueing_lock="mail.send_due")
    return message


def _smtp(settings: MailSettings) -> smtplib.SMTP:
    if settings.tls == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout_seconds,
                                context=ssl.create_default_context())
    client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
    if settings.tls == "starttls":
        client.starttls(context=ssl.create_default_context())
    return client


def deliver(message: OutboxMessage, settings: MailSettings) -> None:
    """Send one message now over SMTP; raises on failure."""
    email = EmailMessage()
    email["From"] = settings.from_address
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain=settings.from_address.rpartition("@")[2] or None)
    email.set_content(message.body)
    with _smtp(settings) as client:
        if settings.user:
            client.login(settings.user, settings.password())
        client.send_message(email)


def _claim(message_id: int, now: datetime) -> OutboxMessage | None:
    """Take one due message for this worker: one conditional update, so two workers never both
    get it. The claim counts the attempt and moves the next attempt a lease ahead: a worker that
    dies while sending leaves the message due again once the lease runs out."""
    with transaction(writes=True) as db_session:
        claimed = db_session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.status == "queued",
                   OutboxMessage.next_attempt_at <= now)
            .values(attempts=OutboxMessage.attempts + 1, next_attempt_at=now + SEND_LEASE)
            .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            return None
        message = db_session.get(OutboxMessage, message_id)
        if message is not None:
            db_session.expunge(message)
        return message


def _reason(error: Exception) -> str:
    """Only the error class and SMTP code: never the body or the address."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _record(message: OutboxMessage, error: Exception | None) -> None:
    """Write down how a claimed send went, in a short transaction of its own."""
    with transaction(writes=True) as db_session:
        stored = db_session.get(OutboxMessage, message.id)
        if stored is None:  # erased while it was being sent
            return
        if error is None:
            stored.status, stored.sent_at, stored.last_error = "sent", utcnow(), ""
            return
        stored.last_error = _reason(error)
        if stored.attempts >= MAX_ATTEMPTS:
            stored.status = "failed"
        else:
            wait = BACKOFF_MINUTES[min(stored.attempts - 1, len(BACKOFF_MINUTES) - 1)]
            stored.next_attempt_at = utcnow() + timedelta(minutes=wait)


def send_due(settings: MailSettings | None = None) -> int:
    """Send every queued message whose time has come; returns how many this call sent.

    Each message is claimed, sent and recorded in three steps, and no transaction is open while
    the SMTP server is talked to: a slow server holds no lock, and a write elsewhere in between
    cannot undo the record of a message that went out (which would send it again)."""
    settings = settings or get_mail_settings()
    if not settings.configured:
        return 0
    sent = 0
    now = utcnow()
    with transaction() as db_session:
        ids = list(db_session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.id)))
    for message_id in ids:
        message = _claim(message_id, now)
        if message is None:  # another worker has it, or it went
            continue
        try:
            deliver(message, settings)
        except (smtplib.SMTPException, OSError) as error:
            _record(message, error)
            log.warning("mail %s (%s) not sent, attempt %s: %s", message.id, message.purpose,
                        message.attempts, _reason(error))
            continue
        _record(message, None)
        sent += 1
        log.info("mail %s (%s) sent", message.id, message.purpose)
    return sent
