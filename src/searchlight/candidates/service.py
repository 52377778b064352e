"""Candidates: who may see them, creating and editing them, and the normalised search keys."""

import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, or_, select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, CandidateSearchTerm
from searchlight.candidates.schemas import CandidateIn
from searchlight.crm import service as crm_service
from searchlight.crm.models import Source
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.roles.models import Role

CONSENT_VALID_FOR = timedelta(days=365)
_TOKEN = re.compile(r"[^\W_]+")
# Facts that identify a person stay out of the append-only audit log (it cannot be erased);
# the log names the fields that changed instead.
PERSONAL_FIELDS = ("full_name", "email", "phone", "location")
OTHER_FIELDS = ("source_id", "owner_id", "legal_basis", "consent_given_on", "consent_expires_on")


def fold(text: str) -> str:
    """Lower case without accents, so "Özil" is found by "ozil" on every database."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_tokens(text: str) -> list[str]:
    """Words of letters and digits only, which also keeps LIKE wildcards out of patterns."""
    return _TOKEN.findall(fold(text))


def refresh_search_keys(candidate: Candidate) -> None:
    candidate.email_key = candidate.email.strip().lower() if candidate.email else None
    # Sorting by name sorts a pseudonymous candidate by the pseudonym, not by who it is.
    candidate.name_key = " ".join(search_tokens(candidate.display_name))[:200]


def search_terms(candidate: Candidate) -> set[str]:
    """What a search finds the candidate by: only what a user may see of them, so a search for a
    name never finds the pseudonymous candidate of that name ("00002" finds #00002)."""
    return {word[:100] for word in search_tokens(
        f"{candidate.display_name} {candidate.shown_email or ''} {candidate.shown_location}")}


def reindex(*, db_session: Session, candidate: Candidate) -> None:
    """Refresh the normalised keys and search terms after the candidate's facts changed."""
    refresh_search_keys(candidate)
    new = candidate.id is None  # not stored yet: no terms to replace
    db_session.flush()
    if not new:
        db_session.execute(delete(CandidateSearchTerm)
                           .where(CandidateSearchTerm.candidate_id == candidate.id))
    terms = [{"term": term, "candidate_id": candidate.id} for term in search_terms(candidate)]
    if terms:
        db_session.execute(insert(CandidateSearchTerm), terms)


def prefix_range(word: str) -> tuple[str, str]:
    """Bounds of every term that starts with `word`, for an index range scan."""
    return word, word[:-1] + chr(ord(word[-1]) + 1)


def visible_clause(user: User) -> ColumnElement[bool] | None:
    """The candidates a user may see: all of them, or (hiring managers) those who applied to a
    role the user manages. None means no restriction."""
    if allowed(user, "candidates:read_all"):
        return None
    managed = select(Application.candidate_id).join(Role, Role.id == Application.role_id)
    return Candidate.id.in_(managed.where(Role.hiring_manager_id == user.id))


def identified_clause() -> ColumnElement[bool]:
    """Candidates whose identity is shown: never pseudonymous, or revealed."""
    return or_(Candidate.pseudonym.is_(None), Candidate.identity_revealed_at.is_not(None))


def get_candidate_for_user(
    *, db_session: Session, user: User, candidate_id: int, permission: str = "candidates:read"
) -> Candidate:
    """The one access check for a candidate: permission first, then visibility."""
    target = f"candidate:{candidate_id}"
    require(user, "candidates:read", target=target)
    if permission != "candidates:read":
        require(user, permission, target=target)
    candidate = db_session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound("This candidate does not exist (any more).")
    clause = visible_clause(user)
    if clause is not None and db_session.scalar(
        select(Candidate.id).where(Candidate.id == candidate_id, clause)
    ) is None:
        raise Forbidden("You can only see candidates for roles you manage.",
                        permission="candidates:read_all", target=target)
    return candidate


def source_by_key(*, db_session: Session, key: str | None) -> Source | None:
    if not key:
        return None
    source = db_session.scalar(select(Source).where(Source.key == key))
    if source is None:
        raise InvalidInput("Unknown source.", detail={"field": "source", "value": key})
    return source


def _check_owner(db_session: Session, owner_id: int | None) -> None:
    if owner_id is None:
        return
    owner = db_session.get(User, owner_id)  # 0 is an id too (of nobody), not "no owner"
    if owner is None or not allowed(owner, "candidates:write"):
        raise InvalidInput("The owner must be an active recruiter or admin.",
                           detail={"field": "owner_id", "value": owner_id})


def possible_owners(*, db_session: Session) -> list[User]:
    users = db_session.scalars(select(User).where(User.is_active).order_by(User.full_name))
    return [user for user in users if allowed(user, "candidates:write")]


def _default_expiry(legal_basis: str | None, given: date | None) -> date | None:
    return given + CONSENT_VALID_FOR if legal_basis == "consent" and given else None


def _facts(candidate: Candidate) -> dict[str, Any]:
    return {name: getattr(candidate, name) for name in PERSONAL_FIELDS + OTHER_FIELDS}


def create_candidate(*, db_session: Session, actor: User | None, data: CandidateIn) -> Candidate:
    source = source_by_key(db_session=db_session, key=data.source)
    _check_owner(db_session, data.owner_id)
    candidate = Candidate(
        full_name=data.full_name, email=data.email, phone=data.phone, location=data.location,
        source_id=source.id if source else None, owner_id=data.owner_id,
        legal_basis=data.legal_basis, consent_given_on=data.consent_given_on,
        consent_expires_on=data.consent_expires_on
        or _default_expiry(data.legal_basis, data.consent_given_on),
    )
    db_session.add(candidate)
    reindex(db_session=db_session, candidate=candidate)
    if data.tags:  # a new candidate has none to clear
        crm_service.set_tags(db_session=db_session, candidate=candidate, names=data.tags)
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "candidate.created", "candidate", candidate.id,
        {"source": data.source, "owner_id": data.owner_id, "legal_basis": data.legal_basis},
    ))
    return candidate


def update_candidate(
    *, db_session: Session, actor: User, candidate: Candidate, changes: dict[str, Any]
) -> Candidate:
    """Apply `changes` (field names of CandidateIn; only those given change) and audit them."""
    before = _facts(candidate) | {"tags": [tag.name for tag in candidate.tags]}
    if "source" in changes:
        source = source_by_key(db_session=db_session, key=changes.pop("source"))
        candidate.source_id = source.id if source else None
    if "owner_id" in changes:
        _check_owner(db_session, changes["owner_id"])
    tags = changes.pop("tags", None)
    for name, value in changes.items():
        setattr(candidate, name, value)
    if "consent_expires_on" not in changes and candidate.consent_expires_on is None:
        candidate.consent_expires_on = _default_expiry(
            candidate.legal_basis, candidate.consent_given_on)
    reindex(db_session=db_session, candidate=candidate)
    if tags is not None:
        crm_service.set_tags(db_session=db_session, candidate=candidate, names=tags)
    after = _facts(candidate) | {"tags": [tag.name for tag in candidate.tags]}
    changed = sorted(name for name in after if after[name] != before[name])
    if changed:
        db_session.flush()
        details: dict[str, Any] = {"fields": changed}
        details.update({name: {"old": before[name], "new": after[name]}
                        for name in changed if name not in PERSONAL_FIELDS})
        audit.record(db_session=db_session, actor=actor,
                     event=AuditEvent("candidate.updated", "candidate", candidate.id, details))
    return candidate
