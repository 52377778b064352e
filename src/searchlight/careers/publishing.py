"""Publishing a role on the careers site, and the job-alert mail that goes out when it opens."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.careers.models import AlertSubscription, Posting
from searchlight.careers.service import vacancy
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.mail import queue_mail
from searchlight.roles.models import Role


def _key(text: str) -> str:
    return "-".join(text.lower().split())


def matching_alerts(db_session: Session, *, role: Role, skills: list[str]
                    ) -> list[AlertSubscription]:
    """Confirmed alerts that asked for this role, or for one of its skills."""
    wanted = {_key(skill) for skill in skills}
    return [alert for alert in db_session.scalars(
        select(AlertSubscription).where(AlertSubscription.confirmed_at.is_not(None))
        .order_by(AlertSubscription.id))
        if role.key in alert.role_keys or wanted & {_key(s) for s in alert.skills}]


def set_published(db_session: Session, *, actor: User, role: Role, published: bool,
                  base_url: str) -> int:
    """Open or close the role on the careers site; opening mails the matching job alerts.
    Returns how many alert mails were queued."""
    posting = db_session.scalar(select(Posting).where(Posting.role_id == role.id))
    was_open = posting is not None and posting.is_published
    if posting is None:
        posting = Posting(role_id=role.id, role=role, location="", languages=["nl", "en"])
        db_session.add(posting)
    posting.is_published = published
    if published and not was_open:
        posting.date_posted = utcnow().date()
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "careers.published" if published else "careers.unpublished", "role", role.id,
        {"role": role.key}))
    if not published or was_open:
        return 0
    sent = 0
    for alert in matching_alerts(db_session, role=role,
                                 skills=vacancy(db_session, posting, "en").skills):
        item = vacancy(db_session, posting, alert.language)
        base = base_url.rstrip("/")
        link, stop = f"{base}/careers/{role.key}", f"{base}/careers/alerts/stop/{alert.token}"
        if alert.language == "nl":
            subject = f"Nieuwe vacature: {item.title}"
            body = f"Er is een nieuwe vacature die past bij je melding:\n\n{item.title}\n{link}" \
                   f"\n\nGeen meldingen meer? {stop}"
        else:
            subject = f"New vacancy: {item.title}"
            body = f"A new vacancy matches your job alert:\n\n{item.title}\n{link}" \
                   f"\n\nNo more alerts? {stop}"
        queue_mail(db_session, to=alert.email, subject=subject, body=body,
                   purpose="careers.alert", language=alert.language)
        sent += 1
    return sent
