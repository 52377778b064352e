"""Outgoing mail: SMTP settings, an outbox table and a send job.

    from searchlight.mail import queue_mail
    queue_mail(db_session, to="a@example.org", subject="...", body="...", purpose="careers.alert")

A message is written to the outbox in the caller's transaction and sent by the `mail.send_due`
job after commit (retried with back-off up to `MAX_ATTEMPTS`). Bodies are never logged.
"""

from searchlight.mail.service import MailSettings, deliver, get_mail_settings, queue_mail, send_due

__all__ = ["MailSettings", "deliver", "get_mail_settings", "queue_mail", "send_due"]
