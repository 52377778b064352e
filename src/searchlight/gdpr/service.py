"""Consent and the transparency notice.

The notice has one source of truth, the versioned `careers_notices` table (one row per version
and language; `careers.service.current_notice` gives the current one). A consent names the
version the person saw. Withdrawal is one call and takes effect in the same transaction: the
person leaves every talent pool, the longer retention ends, and when no consent is left the
legal basis is gone, so the retention rules make the data due at once.
"""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.candidates.service import get_candidate_for_user
from searchlight.careers.models import Notice
from searchlight.config import get_settings
from searchlight.crm.models import PoolMember
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.gdpr.models import CONSENT_SCOPES, Consent
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent

NOTICE_LANGUAGES = ("nl", "en")


def consents_of(*, db_session: Session, candidate_id: int) -> list[Consent]:
    return list(db_session.scalars(select(Consent).where(Consent.candidate_id == candidate_id)
                                   .order_by(Consent.given_at.desc(), Consent.id.desc())))


def has_active(*, db_session: Session, candidate_id: int, scope: str) -> bool:
    return db_session.scalar(select(Consent.id).where(
        Consent.candidate_id == candidate_id, Consent.scope == scope,
        Consent.withdrawn_at.is_(None)).limit(1)) is not None


def record_consent(
    *, db_session: Session, actor: User | None, candidate: Candidate, scope: str, notice: Notice,
) -> Consent:
    """Record a consent (actor None: the candidate gave it on the careers site)."""
    if actor is not None:
        require(actor, "consent:write", target=f"candidate:{candidate.id}")
    if scope not in CONSENT_SCOPES:
        raise InvalidInput("Choose what the consent is for.", detail={"field": "scope"})
    if has_active(db_session=db_session, candidate_id=candidate.id, scope=scope):
        raise Conflict("This consent is already on record.", detail={"field": "scope"})
    now = utcnow()
    consent = Consent(candidate_id=candidate.id, scope=scope, notice_version=notice.version,
                      notice_language=notice.language, given_at=now,
                      recorded_by_id=actor.id if actor else None)
    db_session.add(consent)
    candidate.legal_basis = "consent"
    candidate.consent_given_on = now.date()
    if scope == "talent_pool":
        candidate.purpose = "talent_pool"
    if scope in ("talent_pool", "retention"):
        days = get_settings().retention_with_consent_days
        candidate.consent_expires_on = now.date() + timedelta(days=days)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "consent.given", "candidate", candidate.id,
        {"consent_id": consent.id, "scope": scope, "notice_version": notice.version,
         "notice_language": notice.language}))
    return consent


def get_consent_for_user(*, db_session: Session, user: User, consent_id: int) -> Consent:
    require(user, "consent:write", target=f"consent:{consent_id}")
    consent = db_session.get(Consent, consent_id)
    if consent is None:
        raise NotFound("This consent does not exist (any more).")
    get_candidate_for_user(db_session=db_session, user=user, candidate_id=consent.candidate_id,
                           permission="consent:write")
    return consent


def withdraw_consent(*, db_session: Session, actor: User | None, consent: Consent) -> Consent:
    """Withdraw at once; the effects are in this transaction."""
    if consent.withdrawn_at is not None:
        raise Conflict("This consent was already withdrawn.")
    candidate = db_session.get_one(Candidate, consent.candidate_id)
    now = utcnow()
    consent.withdrawn_at, consent.withdrawn_by_id = now, actor.id if actor else None
    db_session.flush()
    left_pools = 0
    if consent.scope == "talent_pool":
        members = db_session.scalars(select(PoolMember).where(
            PoolMember.candidate_id == candidate.id)).all()
        for member in members:
            db_session.delete(member)
        left_pools = len(members)
        candidate.purpose = "recruitment"
    if consent.scope == "retention":
        candidate.consent_expires_on = now.date()
    if not db_session.scalar(select(func.count()).where(
            Consent.candidate_id == candidate.id, Consent.withdrawn_at.is_(None))):
        if candidate.legal_basis == "consent":
            candidate.legal_basis = None
        candidate.consent_expires_on = now.date()
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "consent.withdrawn", "candidate", candidate.id,
        {"consent_id": consent.id, "scope": consent.scope, "left_pools": left_pools}))
    return consent


# --- the transparency notice ---------------------------------------------------------------

def notice_versions(*, db_session: Session) -> list[Notice]:
    return list(db_session.scalars(select(Notice).order_by(Notice.language,
                                                           Notice.version.desc())))


def publish_notice(*, db_session: Session, actor: User, language: str, body: str) -> Notice:
    """A new version: earlier consents keep naming the version they were given for."""
    require(actor, "privacy:manage", target="notice")
    if language not in NOTICE_LANGUAGES:
        raise InvalidInput("Choose Dutch or English.", detail={"field": "language"})
    body = body.strip()
    if len(body) < 40:
        raise InvalidInput("Write the notice in full (at least 40 characters).",
                           detail={"field": "body"})
    latest = db_session.scalar(select(func.max(Notice.version)).where(
        Notice.language == language)) or 0
    notice = Notice(version=latest + 1, language=language, body=body, published_at=utcnow())
    db_session.add(notice)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "notice.published", "notice", notice.id,
        {"version": notice.version, "language": language}))
    return notice
