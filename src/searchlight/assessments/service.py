"""Stored challenges: save (create, or a new version when the content changed), look up, list.
Keyword-only functions taking db_session first; they flush, never commit."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.assessments.models import AssessmentChallenge
from searchlight.assessments.schemas import Challenge, ChallengeListing
from searchlight.assessments.yaml_io import parse_challenges
from searchlight.auth.models import User
from searchlight.errors import NotFound
from searchlight.governance import audit
from searchlight.governance.events import created, updated


@dataclass(frozen=True)
class SaveResult:
    status: str  # "created", "updated" or "unchanged"
    challenge: AssessmentChallenge


def save_challenge(*, db_session: Session, actor: User | None,
                   challenge: Challenge) -> SaveResult:
    document = challenge.model_dump(mode="json")
    row = db_session.scalar(select(AssessmentChallenge)
                            .where(AssessmentChallenge.key == challenge.key))
    if row is None:
        row = AssessmentChallenge(
            key=challenge.key, title=challenge.title, language=challenge.language,
            role_keys=list(challenge.role_keys), document=document,
            created_by_id=actor.id if actor else None)
        db_session.add(row)
        db_session.flush()
        audit.record(db_session=db_session, actor=actor, event=created(
            "assessment_challenge", row.id, {"key": row.key, "title": row.title}))
        return SaveResult("created", row)
    if row.document == document:
        return SaveResult("unchanged", row)
    row.title, row.language = challenge.title, challenge.language
    row.role_keys, row.document = list(challenge.role_keys), document
    row.version += 1
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=updated(
        "assessment_challenge", row.id, {"version": row.version - 1},
        {"version": row.version}))
    return SaveResult("updated", row)


def import_text(*, db_session: Session, actor: User | None, text: str,
                source: str) -> list[SaveResult]:
    """Every challenge in a YAML text, all or none (a bad file raises before anything is saved)."""
    challenges = parse_challenges(text, source=source)
    return [save_challenge(db_session=db_session, actor=actor, challenge=c) for c in challenges]


def import_file(*, db_session: Session, actor: User | None, path: Path) -> list[SaveResult]:
    return import_text(db_session=db_session, actor=actor,
                       text=path.read_text(encoding="utf-8"), source=str(path))


def document_of(row: AssessmentChallenge) -> Challenge:
    return Challenge.model_validate(row.document)


def get_by_key(*, db_session: Session, key: str) -> AssessmentChallenge:
    row = db_session.scalar(select(AssessmentChallenge).where(AssessmentChallenge.key == key))
    if row is None:
        raise NotFound(f"no challenge with key {key}")
    return row


def list_challenges(*, db_session: Session, role_key: str | None = None,
                    language: str | None = None) -> list[AssessmentChallenge]:
    query = select(AssessmentChallenge).where(AssessmentChallenge.is_active.is_(True))
    if language:
        query = query.where(AssessmentChallenge.language == language)
    rows = list(db_session.scalars(query.order_by(AssessmentChallenge.key)))
    return [row for row in rows if role_key is None or role_key in row.role_keys]


def listing(row: AssessmentChallenge) -> ChallengeListing:
    challenge = document_of(row)
    return ChallengeListing(
        key=challenge.key, title=challenge.title, language=challenge.language,
        role_keys=challenge.role_keys, time_limit_minutes=challenge.time_limit_minutes,
        hand_in=challenge.hand_in, questions=[q.key for q in challenge.questions],
        items=[{"question": q.key, "item": i.key, "dimension": i.dimension}
               for q in challenge.questions for i in q.items],
    )
