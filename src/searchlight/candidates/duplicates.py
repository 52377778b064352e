"""Likely duplicates (the same e-mail address, any case) and merging two records into one."""

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.candidates.service import identified_clause, reindex, visible_clause
from searchlight.crm.models import Activity, PoolMember
from searchlight.errors import InvalidInput
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent

# Facts copied from the removed record when the kept one has none.
FILLABLE = ("email", "phone", "location", "source_id", "owner_id", "legal_basis",
            "consent_given_on", "consent_expires_on")


def duplicates_of(*, db_session: Session, user: User, candidate: Candidate) -> list[Candidate]:
    if not candidate.email_key or candidate.identity_hidden:
        return []  # "the same e-mail as Jan de Vries" would say who a pseudonym is
    query = select(Candidate).where(Candidate.email_key == candidate.email_key,
                                    Candidate.id != candidate.id, identified_clause())
    if (visible := visible_clause(user)) is not None:
        query = query.where(visible)
    return list(db_session.scalars(query.order_by(Candidate.id)))


def duplicate_groups(*, db_session: Session, user: User, limit: int = 100) -> list[list[Candidate]]:
    """Groups of candidates sharing an e-mail address, oldest record first in each group."""
    require(user, "candidates:read")
    visible = visible_clause(user)
    keys_query = (select(Candidate.email_key).where(Candidate.email_key.is_not(None),
                                                    identified_clause())
                  .group_by(Candidate.email_key).having(func.count() > 1)
                  .order_by(Candidate.email_key).limit(limit))
    if visible is not None:
        keys_query = keys_query.where(visible)
    keys = list(db_session.scalars(keys_query))
    members = db_session.scalars(select(Candidate).where(Candidate.email_key.in_(keys),
                                                         identified_clause())
                                 .order_by(Candidate.email_key, Candidate.id))
    groups: dict[str, list[Candidate]] = {}
    for candidate in members:
        groups.setdefault(candidate.email_key or "", []).append(candidate)
    return [group for group in groups.values() if len(group) > 1]


@dataclass
class MergeResult:
    kept: Candidate
    moved: dict[str, int] = field(default_factory=dict)
    dropped_applications: list[str] = field(default_factory=list)


def merge(*, db_session: Session, actor: User, keep: Candidate, other: Candidate) -> MergeResult:
    """Move everything of `other` to `keep`, delete `other`, and audit it. When both applied to
    the same role, the kept record's application (with its history) stays."""
    require(actor, "candidates:merge", target=f"candidate:{keep.id}")
    if keep.id == other.id:
        raise InvalidInput("Choose two different candidates to merge.")
    result = MergeResult(kept=keep)
    kept_roles = {application.role_id for application in keep.applications}
    moving = [a for a in other.applications if a.role_id not in kept_roles]
    result.dropped_applications = [a.role.key for a in other.applications if a not in moving]
    for application in moving:
        application.candidate = keep
    documents = list(other.documents)
    for document in documents:
        document.candidate = keep
    activities = list(db_session.scalars(select(Activity).where(Activity.candidate_id == other.id)))
    for activity in activities:
        activity.candidate_id = keep.id
    result.moved.update(applications=len(moving), documents=len(documents),
                        activities=len(activities))
    result.moved["pools"] = _move_pools(db_session, keep=keep, other=other)
    new_tags = [tag for tag in other.tags if tag not in keep.tags]
    keep.tags = sorted(keep.tags + new_tags, key=lambda tag: tag.name)
    result.moved["tags"] = len(new_tags)
    for name in FILLABLE:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
    reindex(db_session=db_session, candidate=keep)
    db_session.delete(other)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "candidate.merged", "candidate", keep.id,
        {"removed_candidate_id": other.id, "moved": result.moved,
         "dropped_applications": result.dropped_applications}))
    return result


def _move_pools(db_session: Session, *, keep: Candidate, other: Candidate) -> int:
    kept_pools = set(db_session.scalars(
        select(PoolMember.pool_id).where(PoolMember.candidate_id == keep.id)))
    moved = 0
    for member in db_session.scalars(select(PoolMember).where(PoolMember.candidate_id == other.id)):
        if member.pool_id not in kept_pools:
            db_session.add(PoolMember(pool_id=member.pool_id, candidate_id=keep.id,
                                      added_by_id=member.added_by_id, added_at=member.added_at))
            moved += 1
        db_session.delete(member)
    return moved
