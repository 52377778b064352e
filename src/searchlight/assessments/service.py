"""Stored challenges (save, look up, list), invitations and the candidate's page (the draft,
the hand-in). Keyword-only functions taking db_session first; they flush, never commit."""

import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.assessments.models import (
    AssessmentChallenge,
    AssessmentChallengeVersion,
    AssessmentInvitation,
    AssessmentSubmission,
)
from searchlight.assessments.schemas import Challenge, ChallengeListing
from searchlight.assessments.yaml_io import parse_challenges
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.auth.service import token_hash
from searchlight.candidates.documents import check_upload, store_document
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.service import get_candidate_for_user
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import created, updated
from searchlight.i18n import N_, _, current_locale
from searchlight.mail.service import queue_mail
from searchlight.roles.models import Role
from searchlight.screening.read.document import ExtractionError, ExtractionLimits
from searchlight.screening.read.extract import extract_document

NOTICE_VERSION = "2026-12-v1"
MAX_ANSWER_CHARS = 20_000
GRACE = timedelta(minutes=2)  # a hand-in this long after the time limit is not late


@dataclass(frozen=True)
class SaveResult:
    status: str  # "created", "updated" or "unchanged"
    challenge: AssessmentChallenge
    new_version: bool = False


def in_use(*, db_session: Session, challenge: AssessmentChallenge) -> bool:
    """A challenge is in use once anyone was invited to it: from then on its rubric is fixed
    per version, so what a candidate saw and what they are graded with stay the same."""
    return db_session.scalar(select(AssessmentInvitation.id).where(
        AssessmentInvitation.challenge_id == challenge.id).limit(1)) is not None


def _store_version(db_session: Session, row: AssessmentChallenge) -> None:
    stored = db_session.scalar(select(AssessmentChallengeVersion).where(
        AssessmentChallengeVersion.challenge_id == row.id,
        AssessmentChallengeVersion.version == row.version))
    if stored is None:
        db_session.add(AssessmentChallengeVersion(challenge_id=row.id, version=row.version,
                                                  document=row.document))
    else:
        stored.document = row.document


def save_challenge(*, db_session: Session, actor: User | None, challenge: Challenge,
                   row: AssessmentChallenge | None = None) -> SaveResult:
    """Create or update the challenge with this key (or `row`, whose key is kept). A change to
    the rubric (the questions, their items, levels, anchor and reference answers) of a
    challenge in use makes a new version; other changes update the current version."""
    document = challenge.model_dump(mode="json")
    if row is None:
        row = db_session.scalar(select(AssessmentChallenge)
                                .where(AssessmentChallenge.key == challenge.key))
    if row is None:
        row = AssessmentChallenge(
            key=challenge.key, title=challenge.title, language=challenge.language,
            role_keys=list(challenge.role_keys), document=document,
            created_by_id=actor.id if actor else None)
        db_session.add(row)
        db_session.flush()
        _store_version(db_session, row)
        audit.record(db_session=db_session, actor=actor, event=created(
            "assessment_challenge", row.id, {"key": row.key, "title": row.title}))
        return SaveResult("created", row)
    document["key"] = row.key
    if row.document == document:
        return SaveResult("unchanged", row)
    before = {"version": row.version, "title": row.title, "role_keys": row.role_keys}
    new_version = row.document.get("questions") != document["questions"] \
        and in_use(db_session=db_session, challenge=row)
    row.title, row.language = challenge.title, challenge.language
    row.role_keys, row.document = list(challenge.role_keys), document
    if new_version:
        row.version += 1
    db_session.flush()
    _store_version(db_session, row)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=updated(
        "assessment_challenge", row.id, before,
        {"version": row.version, "title": row.title, "role_keys": row.role_keys,
         "new_version": new_version}))
    return SaveResult("updated", row, new_version)


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


def document_for(*, db_session: Session, submission: AssessmentSubmission) -> Challenge:
    """The challenge as it was when the submission was handed in: the version it is graded
    and reviewed with, whatever was edited since."""
    stored = db_session.scalar(select(AssessmentChallengeVersion.document).where(
        AssessmentChallengeVersion.challenge_id == submission.challenge_id,
        AssessmentChallengeVersion.version == submission.challenge_version))
    return Challenge.model_validate(stored) if stored is not None \
        else document_of(submission.challenge)


def versions_of(*, db_session: Session,
                challenge: AssessmentChallenge) -> list[AssessmentChallengeVersion]:
    return list(db_session.scalars(select(AssessmentChallengeVersion).where(
        AssessmentChallengeVersion.challenge_id == challenge.id)
        .order_by(AssessmentChallengeVersion.version.desc())))


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


# --- access -------------------------------------------------------------------------------
# Every candidate-bound object is opened through these helpers: the candidates domain's check
# (recruiters all candidates, hiring managers those of their own roles, employees none), and
# for hiring managers also the invitation's role must be theirs.

def get_candidate_for_assessments(*, db_session: Session, user: User, candidate_id: int,
                                  permission: str = "candidates:read") -> Candidate:
    return get_candidate_for_user(db_session=db_session, user=user, candidate_id=candidate_id,
                                  permission=permission)


def _check_role(db_session: Session, user: User, role_id: int | None, target: str) -> None:
    if allowed(user, "candidates:read_all"):
        return
    role = db_session.get(Role, role_id) if role_id is not None else None
    if role is None or role.hiring_manager_id != user.id:
        raise Forbidden(N_("You can only see assessments for roles you manage."),
                        permission="candidates:read_all", target=target)


def get_invitation_for_user(*, db_session: Session, user: User, invitation_id: int,
                            permission: str = "candidates:read") -> AssessmentInvitation:
    require(user, permission, target=f"assessment_invitation:{invitation_id}")
    invitation = db_session.get(AssessmentInvitation, invitation_id)
    if invitation is None:
        raise NotFound(N_("This invitation does not exist (any more)."))
    get_candidate_for_assessments(db_session=db_session, user=user,
                                  candidate_id=invitation.candidate_id, permission=permission)
    _check_role(db_session, user, invitation.role_id, f"assessment_invitation:{invitation_id}")
    return invitation


def get_submission_for_user(*, db_session: Session, user: User, submission_id: int,
                            permission: str = "candidates:read") -> AssessmentSubmission:
    require(user, permission, target=f"assessment_submission:{submission_id}")
    submission = db_session.get(AssessmentSubmission, submission_id)
    if submission is None:
        raise NotFound(N_("This submission does not exist (any more)."))
    get_invitation_for_user(db_session=db_session, user=user,
                            invitation_id=submission.invitation_id, permission=permission)
    return submission


def roles_for_invite(*, db_session: Session, user: User, candidate: Candidate) -> list[Role]:
    """The roles the candidate applied to that `user` may invite for."""
    roles = list(db_session.scalars(select(Role).join(Application, Application.role_id == Role.id)
                                    .where(Application.candidate_id == candidate.id)
                                    .order_by(Role.id)))
    if not allowed(user, "candidates:read_all"):
        roles = [role for role in roles if role.hiring_manager_id == user.id]
    return roles


@contextmanager
def _in_language(language: str) -> Iterator[None]:
    """Mail to the candidate is in the challenge's language, not the recruiter's."""
    reset = current_locale.set(language)
    try:
        yield
    finally:
        current_locale.reset(reset)


# --- invitations --------------------------------------------------------------------------

def invite(*, db_session: Session, actor: User, candidate: Candidate,
           challenge: AssessmentChallenge, role: Role | None = None, hours: int = 72,
           link_base: str = "") -> tuple[AssessmentInvitation, str]:
    """An expiring single-use link for one challenge; the token is returned once and stored
    only as its hash (the chat interviews' mechanism). With `link_base` and a candidate e-mail
    address the link is also queued for mail."""
    require(actor, "assessments:invite", target=f"candidate:{candidate.id}")
    if role is not None and role not in roles_for_invite(db_session=db_session, user=actor,
                                                         candidate=candidate):
        raise InvalidInput(N_("Choose a role the candidate applied to."), detail={"field": "role"})
    if role is None and not allowed(actor, "candidates:read_all"):
        raise InvalidInput(N_("Choose one of your roles."), detail={"field": "role"})
    if not challenge.is_active:
        raise InvalidInput(N_("This challenge is not active."), detail={"field": "challenge"})
    if not 1 <= hours <= 24 * 30:
        raise InvalidInput(N_("A link is valid from 1 hour to 30 days."), detail={"field": "hours"})
    token = secrets.token_urlsafe(24)
    invitation = AssessmentInvitation(
        candidate_id=candidate.id, challenge_id=challenge.id,
        role_id=role.id if role else None, token_hash=token_hash(token), draft={},
        expires_at=utcnow() + timedelta(hours=hours), created_by_id=actor.id)
    db_session.add(invitation)
    db_session.flush()
    mailed = False
    if link_base and candidate.email:
        link = f"{link_base.rstrip('/')}/a/{token}"
        with _in_language(challenge.language):
            queue_mail(db_session, to=candidate.email, purpose="assessment_invitation",
                       language=challenge.language,
                       subject=_("Your assignment: {title}", title=challenge.title),
                       body=_("You are invited to do an assignment. Open this link to read "
                              "how AI is used and to start; it can be used once and expires "
                              "on {date}:\n\n{link}",
                              date=invitation.expires_at.strftime("%Y-%m-%d %H:%M UTC"),
                              link=link))
        mailed = True
    audit.record(db_session=db_session, actor=actor, event=created(
        "assessment_invitation", invitation.id,
        {"candidate_id": candidate.id, "challenge": challenge.key,
         "role_id": invitation.role_id, "expires_at": invitation.expires_at.isoformat(),
         "mailed": mailed}))
    return invitation, token


def invitations_of(*, db_session: Session, user: User,
                   candidate: Candidate) -> list[AssessmentInvitation]:
    rows = list(db_session.scalars(select(AssessmentInvitation).where(
        AssessmentInvitation.candidate_id == candidate.id)
        .order_by(AssessmentInvitation.id.desc())))
    if allowed(user, "candidates:read_all"):
        return rows
    managed = {role.id for role in roles_for_invite(db_session=db_session, user=user,
                                                    candidate=candidate)}
    return [row for row in rows if row.role_id in managed]


def submission_of(*, db_session: Session,
                  invitation: AssessmentInvitation) -> AssessmentSubmission | None:
    return db_session.scalar(select(AssessmentSubmission).where(
        AssessmentSubmission.invitation_id == invitation.id))


# --- the candidate's page (no account; the link is the key) --------------------------------

def invitation_by_token(*, db_session: Session,
                        token: str) -> tuple[AssessmentInvitation | None, str]:
    """The invitation and its state: "open", "used", "expired" or "unknown"."""
    invitation = db_session.scalar(select(AssessmentInvitation).where(
        AssessmentInvitation.token_hash == token_hash(token)))
    if invitation is None:
        return None, "unknown"
    return invitation, state_of(invitation)


def state_of(invitation: AssessmentInvitation) -> str:
    if invitation.used_at is not None:
        return "used"
    return "expired" if invitation.expires_at < utcnow() else "open"


def open_invitation(*, db_session: Session, token: str) -> AssessmentInvitation:
    invitation, state = invitation_by_token(db_session=db_session, token=token)
    if invitation is None or state != "open":
        raise NotFound(N_("This assignment link is not valid (any more)."))
    return invitation


def deadline(invitation: AssessmentInvitation) -> datetime | None:
    minutes = document_of(invitation.challenge).time_limit_minutes
    if invitation.started_at is None or minutes is None:
        return None
    return invitation.started_at + timedelta(minutes=minutes)


def accept_notice(*, db_session: Session, invitation: AssessmentInvitation,
                  human_only: bool) -> None:
    """The candidate accepted the transparency notice (its version is recorded) and chose
    whether a human alone grades; the timer starts now."""
    if invitation.notice_accepted_at is not None:
        return
    now = utcnow()
    invitation.notice_accepted_at, invitation.notice_version = now, NOTICE_VERSION
    invitation.human_only, invitation.started_at = human_only, now
    db_session.flush()
    audit.record(db_session=db_session, actor=None, event=updated(
        "assessment_invitation", invitation.id, {"notice_version": ""},
        {"notice_version": NOTICE_VERSION, "human_only": human_only}))


def _clean_answers(challenge: Challenge, answers: Mapping[str, str]) -> dict[str, str]:
    return {q.key: str(answers.get(q.key, ""))[:MAX_ANSWER_CHARS] for q in challenge.questions}


def is_late(invitation: AssessmentInvitation, at: datetime) -> bool:
    """After the time limit plus the grace: a hand-in then is kept and marked late, an
    autosave then is refused (see save_draft)."""
    end = deadline(invitation)
    return end is not None and at > end + GRACE


class TimeIsUp(Conflict):
    """An autosave after the time limit plus the grace."""


def save_draft(*, db_session: Session, invitation: AssessmentInvitation,
               answers: Mapping[str, str]) -> datetime:
    """Autosave the answers. After the time limit plus the grace the draft is no longer
    changed (TimeIsUp): the draft the server hands in for a closed page stays the one saved in
    time, and what was typed later counts only through a hand-in, which is then marked late."""
    if invitation.notice_accepted_at is None:
        raise Conflict(N_("Accept the notice first."))
    if is_late(invitation, utcnow()):
        raise TimeIsUp(N_("The time is up: this change was not saved. Hand in now; a hand-in "
                          "after the time limit is marked late."))
    invitation.draft = _clean_answers(document_of(invitation.challenge), answers)
    invitation.draft_saved_at = utcnow()
    db_session.flush()
    return invitation.draft_saved_at


def check_file(*, data: bytes, filename: str, settings: Settings) -> None:
    """Screening's checks for hostile files (size, type, archive bombs, encrypted files)."""
    check_upload(data=data, filename=filename, settings=settings)
    try:
        extract_document(data, filename,
                         limits=ExtractionLimits(max_file_bytes=settings.max_upload_bytes))
    except ExtractionError as error:
        raise InvalidInput(N_("The file was refused: it cannot be read safely."),
                           detail={"code": error.code}) from None


def submit(*, db_session: Session, invitation: AssessmentInvitation,
           answers: Mapping[str, str], files: Sequence[tuple[str, bytes]] = (),
           settings: Settings, auto: bool = False,
           handed_at: datetime | None = None) -> AssessmentSubmission:
    """Store the hand-in once: a second submit (a double click, a second tab) returns the
    first. Files are checked before anything is stored. Grading runs in a background job.

    `auto`: the time ran out (the page's timer, or `hand_in_overdue`): an answer left empty
    is taken from the autosaved draft, and an empty hand-in is kept rather than refused. The
    server decides lateness: handed in (`handed_at`, default now) after the time limit plus
    the grace, the hand-in is kept and marked late."""
    existing = submission_of(db_session=db_session, invitation=invitation)
    if existing is not None:
        return existing
    if invitation.notice_accepted_at is None:
        raise Conflict(N_("Accept the notice first."))
    challenge = document_of(invitation.challenge)
    if files and "files" not in challenge.hand_in:
        raise InvalidInput(N_("This assignment takes no files."), detail={"field": "files"})
    for name, data in files:
        check_file(data=data, filename=name, settings=settings)
    cleaned = _clean_answers(challenge, answers)
    if auto:
        draft = _clean_answers(challenge, invitation.draft or {})
        cleaned = {key: text if text.strip() else draft[key] for key, text in cleaned.items()}
    elif not any(text.strip() for text in cleaned.values()) and not files:
        raise InvalidInput(N_("Write an answer before handing in."), detail={"field": "answers"})
    submission = AssessmentSubmission(
        invitation_id=invitation.id, candidate_id=invitation.candidate_id,
        challenge_id=invitation.challenge_id, challenge_version=invitation.challenge.version,
        answers=cleaned, files=[], notice_version=invitation.notice_version,
        human_only=invitation.human_only, scores={},
        late=is_late(invitation, handed_at or utcnow()))
    try:
        with db_session.begin_nested():
            db_session.add(submission)
    except IntegrityError:  # submitted concurrently: that one counts
        db_session.expire(invitation)
        found = submission_of(db_session=db_session, invitation=invitation)
        assert found is not None
        return found
    stored = []
    for name, data in files:
        document = store_document(db_session=db_session, data=data, filename=name,
                                  candidate_id=invitation.candidate_id, settings=settings)
        db_session.flush()
        stored.append({"document_id": document.id, "filename": document.filename})
    submission.files = stored
    invitation.used_at = utcnow()
    invitation.draft = {}
    db_session.flush()
    audit.record(db_session=db_session, actor=None, event=created(
        "assessment_submission", submission.id,
        {"invitation_id": invitation.id, "candidate_id": invitation.candidate_id,
         "challenge": invitation.challenge.key, "human_only": submission.human_only,
         "late": submission.late, "auto": auto, "files": len(stored)}))
    jobs.defer(db_session=db_session, task_name="assessments.grade_submission",
               queueing_lock=f"assessments.grade_submission:{submission.id}",
               submission_id=submission.id)
    return submission


def overdue_invitations(*, db_session: Session, limit: int = 50) -> list[AssessmentInvitation]:
    """Started, not handed in, and past the time limit plus the grace: the candidate's page
    did not hand in (closed, offline). Only invitations started in the last day are looked
    at (the longest time limit is 10 hours)."""
    now = utcnow()
    rows = db_session.scalars(select(AssessmentInvitation).where(
        AssessmentInvitation.used_at.is_(None), AssessmentInvitation.started_at.is_not(None),
        AssessmentInvitation.started_at > now - timedelta(days=1),
        AssessmentInvitation.started_at < now - GRACE).order_by(AssessmentInvitation.id))
    found = []
    for invitation in rows:
        end = deadline(invitation)
        if end is not None and now > end + GRACE and submission_of(
                db_session=db_session, invitation=invitation) is None:
            found.append(invitation)
            if len(found) >= limit:
                break
    return found


def hand_in_overdue(*, db_session: Session, invitation: AssessmentInvitation,
                    settings: Settings) -> AssessmentSubmission:
    """The server's own hand-in when the time ran out: the autosaved draft, as of when it
    was saved (late only if it was saved after the time limit plus the grace)."""
    return submit(db_session=db_session, invitation=invitation, answers={}, settings=settings,
                  auto=True, handed_at=invitation.draft_saved_at or invitation.started_at)
