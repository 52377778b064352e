import logging
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from searchlight import jobs
from searchlight.db import make_engine, override_sessions, utcnow
from searchlight.mail import get_mail_settings, queue_mail, send_due, service
from searchlight.mail.models import OutboxMessage
from searchlight.migrate import upgrade
from tests.e2e.conftest import fresh_database_url
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


def test_it_leaves_a_message_to_the_worker_that_claimed_it_until_its_lease_runs_out(
        db: Session, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    message = _queue(db)

    def dies(*_: object) -> None:
        raise KeyboardInterrupt  # the worker is stopped while it talks to the server

    deliver = service.deliver
    monkeypatch.setattr(service, "deliver", dies)
    with pytest.raises(KeyboardInterrupt):
        send_due()
    monkeypatch.setattr(service, "deliver", deliver)
    db.refresh(message)
    assert message.status == "queued" and message.attempts == 1
    assert message.next_attempt_at > utcnow() + timedelta(minutes=10)
    assert send_due() == 0  # still the other worker's
    message.next_attempt_at = utcnow()
    db.commit()
    assert send_due() == 1
    db.refresh(message)
    assert message.status == "sent" and message.attempts == 2


@pytest.fixture
def own_database(tmp_path: Path) -> Iterator[Engine]:
    """A database of its own, so that each worker below has its own connection (the suite's
    shared test connection cannot show two)."""
    engine = make_engine(fresh_database_url(tmp_path, "mail"))
    upgrade(engine)
    with override_sessions(sessionmaker(bind=engine, expire_on_commit=False)):
        yield engine
    engine.dispose()


def _queue_on(engine: Engine) -> int:
    with Session(engine) as db:
        message = _queue(db)
        return message.id


def test_two_workers_never_send_one_message_twice(
        own_database: Engine, smtp_server: SmtpServer) -> None:
    message_id = _queue_on(own_database)
    smtp_server.pause = 0.5  # both workers have found the message before the first is done
    counts: list[int] = []
    workers = [threading.Thread(target=lambda: counts.append(send_due())) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert sorted(counts) == [0, 1] and len(smtp_server.messages) == 1
    with Session(own_database) as db:
        message = db.get(OutboxMessage, message_id)
        assert message is not None and message.status == "sent" and message.attempts == 1


def test_a_write_elsewhere_during_a_send_cannot_undo_its_record(
        own_database: Engine, smtp_server: SmtpServer) -> None:
    """On SQLite a transaction that read before the send could no longer write after another
    connection committed: the message went out but stayed queued, and went out again."""
    first = _queue_on(own_database)

    def another_message() -> None:
        _queue_on(own_database)

    smtp_server.while_sending = another_message
    assert send_due() == 1
    smtp_server.while_sending = None
    assert send_due() == 1  # the message queued meanwhile, not the first again
    assert len(smtp_server.messages) == 2
    with Session(own_database) as db:
        statuses = dict(db.execute(select(OutboxMessage.id, OutboxMessage.status)).all())
        assert statuses[first] == "sent" and list(statuses.values()) == ["sent", "sent"]
