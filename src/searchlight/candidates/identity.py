"""Pseudonymous candidates: who is behind "Candidate #00002" becomes visible only by a recorded
decision. A candidate who entered through screening keeps a pseudonym on every page, board,
timeline, export and API response (`Candidate.display_name` and the `shown_*` accessors) until
someone allowed to reveals the identity, or the application reaches a stage where the process
needs contact details. Both are written to the audit log with who did it and which facts
became visible."""

from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.candidates.service import reindex
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent

# Stages from which the process needs to reach the person: an interview is planned with them,
# an offer is sent to them. Closing stages of kind "hired" need it too.
CONTACT_STAGES = frozenset({"interview", "offer"})
CONTACT_STAGE_KINDS = frozenset({"hired"})
REVEALED_FACTS = ("full_name", "email", "phone", "location")


def needs_contact(stage_key: str, stage_kind: str) -> bool:
    return stage_key in CONTACT_STAGES or stage_kind in CONTACT_STAGE_KINDS


def mark_pseudonymous(*, db_session: Session, candidate: Candidate, number: int) -> None:
    """The candidate entered through screening: shown as "Candidate #<number>" from now on (the
    number the screening pages use) and found by search only under it."""
    candidate.pseudonym = number
    reindex(db_session=db_session, candidate=candidate)


def reveal_identity(*, db_session: Session, actor: User, candidate: Candidate, reason: str,
                    target: str | None = None, stage: str | None = None) -> bool:
    """Make the candidate's identity visible, on record. `reason` is "decision" (the "Reveal
    identity" action) or "stage" (moved to a stage that needs contact details: no extra
    permission, moving was the decision). Returns whether anything changed."""
    if reason == "decision":
        require(actor, "identity:reveal", target=target or f"candidate:{candidate.id}")
    if not candidate.identity_hidden:
        return False
    candidate.identity_revealed_at = utcnow()
    candidate.identity_revealed_by_id = actor.id
    details: dict[str, object] = {"reason": reason, "facts": list(REVEALED_FACTS),
                                  "pseudonym": candidate.pseudonym}
    if stage:
        details["stage"] = stage
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "candidate.identity_revealed", "candidate", candidate.id, details))
    reindex(db_session=db_session, candidate=candidate)
    return True
