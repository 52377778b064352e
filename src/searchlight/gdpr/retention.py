"""Retention: which candidates' data is due for removal, by the configured periods.

- A procedure is closed for a candidate when every application is rejected or withdrawn; the
  data is due `retention_rejected_days` (28, the Dutch norm) after the last one closed.
- With an active consent for a talent pool or longer retention, it is kept until that consent
  ends (`consent_expires_on`, a year after it was given); a withdrawal ends it at once.
- A candidate without applications is due when their consent ended.
- An open or hired application keeps everything.
Pure rules (`is_due`) over facts read in one pass (`due_candidates`).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.models import Application, Candidate, PipelineStage
from searchlight.candidates.pipeline import DEFAULT_STAGES
from searchlight.config import Settings
from searchlight.gdpr.erasure import Erased
from searchlight.gdpr.models import Consent, Erasure

_DEFAULT_KINDS = {key: kind for key, _en, _nl, kind in DEFAULT_STAGES}
LONG_SCOPES = ("talent_pool", "retention")


@dataclass(frozen=True)
class Facts:
    candidate_id: int
    stage_kinds: tuple[str, ...]
    closed_at: datetime | None  # when the last application closed
    consent_expires_on: date | None
    long_consent: bool  # an active talent-pool or retention consent


@dataclass(frozen=True)
class Due:
    candidate_id: int
    reason: str  # "procedure_closed" or "consent_ended"
    since: datetime


def _day_start(day: date, tzinfo: object) -> datetime:
    return datetime.combine(day, time(), tzinfo=tzinfo)  # type: ignore[arg-type]


def is_due(facts: Facts, *, now: datetime, rejected_days: int) -> Due | None:
    if any(kind in ("open", "hired") for kind in facts.stage_kinds):
        return None
    consent_end = (_day_start(facts.consent_expires_on, now.tzinfo)
                   if facts.consent_expires_on else None)
    if facts.stage_kinds:
        assert facts.closed_at is not None
        since, reason = facts.closed_at + timedelta(days=rejected_days), "procedure_closed"
        if facts.long_consent and consent_end and consent_end > since:
            since, reason = consent_end, "consent_ended"
    elif consent_end is not None:
        since, reason = consent_end, "consent_ended"
    else:
        return None
    return Due(facts.candidate_id, reason, since) if now >= since else None


def _facts(db_session: Session) -> list[Facts]:
    kinds = {(role_id, key): kind for role_id, key, kind in db_session.execute(
        select(PipelineStage.role_id, PipelineStage.key, PipelineStage.kind))}
    applications: dict[int, list[tuple[str, datetime]]] = {}
    for candidate_id, role_id, key, entered in db_session.execute(select(
            Application.candidate_id, Application.role_id, Application.stage_key,
            Application.stage_entered_at)):
        kind = kinds.get((role_id, key)) or _DEFAULT_KINDS.get(key, "open")
        applications.setdefault(candidate_id, []).append((kind, entered))
    long_consent = set(db_session.scalars(select(Consent.candidate_id).where(
        Consent.scope.in_(LONG_SCOPES), Consent.withdrawn_at.is_(None))))
    facts = []
    for candidate_id, expires in db_session.execute(
            select(Candidate.id, Candidate.consent_expires_on).order_by(Candidate.id)):
        apps = applications.get(candidate_id, [])
        facts.append(Facts(
            candidate_id=candidate_id, stage_kinds=tuple(kind for kind, _at in apps),
            closed_at=max((at for _kind, at in apps), default=None),
            consent_expires_on=expires, long_consent=candidate_id in long_consent))
    return facts


def due_candidates(*, db_session: Session, now: datetime, rejected_days: int) -> list[Due]:
    return [due for facts in _facts(db_session)
            if (due := is_due(facts, now=now, rejected_days=rejected_days))]


def purge(
    *, db_session: Session, settings: Settings, now: datetime, dry_run: bool = False,
) -> tuple[list[Due], Erased | None]:
    """List (dry run) or erase what is due; one ledger entry per purge that removed anything."""
    from searchlight.gdpr.ledger import carry_out

    due = due_candidates(db_session=db_session, now=now,
                         rejected_days=settings.retention_rejected_days)
    if dry_run or not due:
        return due, None
    erasure = Erasure(ground="retention", status="requested", requested_at=now)
    db_session.add(erasure)
    db_session.flush()
    candidates = [db_session.get_one(Candidate, d.candidate_id) for d in due]
    return due, carry_out(db_session=db_session, erasure=erasure, candidates=candidates,
                          settings=settings, actor=None, now=now)
