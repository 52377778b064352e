"""SMTP settings, queueing and delivery. Settings come from the environment:

SEARCHLIGHT_SMTP_HOST (empty: mail stays queued), SEARCHLIGHT_SMTP_PORT (25),
SEARCHLIGHT_SMTP_USER, SEARCHLIGHT_SMTP_PASSWORD_FILE, SEARCHLIGHT_SMTP_FROM,
SEARCHLIGHT_SMTP_TLS ("none", "starttls" or "ssl"), SEARCHLIGHT_SMTP_TIMEOUT_SECONDS.
"""

import logging
import smtplib
import ssl
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.db import transaction, utcnow
from searchlight.mail.models import OutboxMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 30, 120, 720)


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


def send_due(settings: MailSettings | None = None) -> int:
    """Send every queued message whose time has come; returns how many were sent."""
    settings = settings or get_mail_settings()
    if not settings.configured:
        return 0
    sent = 0
    with transaction() as db_session:
        ids = list(db_session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= utcnow())
            .order_by(OutboxMessage.id)))
    for message_id in ids:
        with transaction() as db_session:
            message = db_session.get(OutboxMessage, message_id)
            if message is None or message.status != "queued":
                continue
            message.attempts += 1
            try:
                deliver(message, settings)
            except (smtplib.SMTPException, OSError) as error:
                # Only the error class and SMTP code: never the body or the address.
                reason = type(error).__name__
                code = getattr(error, "smtp_code", None)
                message.last_error = f"{reason} {code}" if code else reason
                if message.attempts >= MAX_ATTEMPTS:
                    message.status = "failed"
                else:
                    wait = BACKOFF_MINUTES[min(message.attempts - 1, len(BACKOFF_MINUTES) - 1)]
                    message.next_attempt_at = utcnow() + timedelta(minutes=wait)
                log.warning("mail %s (%s) not sent, attempt %s: %s", message.id,
                            message.purpose, message.attempts, message.last_error)
                continue
            message.status, message.sent_at, message.last_error = "sent", utcnow(), ""
            sent += 1
            log.info("mail %s (%s) sent", message.id, message.purpose)
    return sent
