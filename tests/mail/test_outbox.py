import logging
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.db import utcnow
from searchlight.mail import get_mail_settings, queue_mail, send_due
from searchlight.mail.models import OutboxMessage
from tests.mail.smtpserver import SmtpServer


def _queue(db: Session, body: str = "Dear Ada, your secret body text.") -> OutboxMessage:
    message = queue_mail(db, to="ada@example.org", subject="Welcome", body=body,
                         purpose="test.welcome", language="en")
    db.commit()
    return message


def test_it_sends_a_queued_message_over_smtp(db: Session, smtp_server: SmtpServer) -> None:
    message = _queue(db)
    assert message.status == "queued"
    assert send_due() == 1
    db.refresh(message)
    assert message.status == "sent" and message.attempts == 1 and message.sent_at is not None
    [received] = smtp_server.messages
    assert received.recipients == ["ada@example.org"]
    assert received.message["Subject"] == "Welcome"
    assert received.message["From"] == "jobs@searchlight.test"
    assert "your secret body text" in received.message.get_payload()
    assert send_due() == 0  # nothing sent twice


def test_it_retries_a_failed_send_and_never_logs_the_body(
        db: Session, smtp_server: SmtpServer, caplog: pytest.LogCaptureFixture) -> None:
    smtp_server.fail_next = 1
    message = _queue(db, body="Body with a private detail 0612345678")
    with caplog.at_level(logging.DEBUG):
        assert send_due() == 0
    db.refresh(message)
    assert message.status == "queued" and message.attempts == 1
    assert "451" in message.last_error
    assert message.next_attempt_at > utcnow()
    assert "0612345678" not in caplog.text and "ada@example.org" not in caplog.text
    message.next_attempt_at = utcnow()
    db.commit()
    assert send_due() == 1
    db.refresh(message)
    assert message.status == "sent" and message.attempts == 2


def test_it_gives_up_after_the_last_attempt(db: Session, smtp_server: SmtpServer) -> None:
    smtp_server.fail_next = 99
    message = _queue(db)
    for _ in range(5):
        message.next_attempt_at = utcnow()
        db.commit()
        send_due()
        db.refresh(message)
    assert message.status == "failed" and message.attempts == 5
    assert smtp_server.messages == []


def test_it_logs_in_with_the_password_from_a_file(
        db: Session, smtp_server: SmtpServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    smtp_server.user, smtp_server.password = "mailer", "s3cret"
    secret = tmp_path / "smtp-password"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("SEARCHLIGHT_SMTP_USER", "mailer")
    monkeypatch.setenv("SEARCHLIGHT_SMTP_PASSWORD_FILE", str(secret))
    _queue(db)
    assert send_due() == 1
    assert smtp_server.logins == ["mailer"] and len(smtp_server.messages) == 1


def test_it_keeps_mail_queued_without_smtp_settings(
        db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEARCHLIGHT_SMTP_HOST", raising=False)
    assert not get_mail_settings().configured
    message = _queue(db)
    assert send_due() == 0
    db.refresh(message)
    assert message.status == "queued"


def test_it_runs_as_a_background_job(db: Session, smtp_server: SmtpServer) -> None:
    _queue(db)
    assert ("mail.send_due", {}) in jobs.due_work()
    jobs.run_due_work()
    assert len(smtp_server.messages) == 1
    assert db.scalar(select(OutboxMessage.status)) == "sent"
    assert ("mail.send_due", {}) not in jobs.due_work()
