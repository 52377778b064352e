"""Writing challenges in the UI: who may (recruiters and admins any challenge, hiring managers
only challenges whose roles are all theirs), create, update (a new version when the rubric of a
challenge in use changes, see service.save_challenge), duplicate, archive and restore, and YAML
import and export. Keyword-only functions taking db_session first; they flush, never commit;
every change is audited."""

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.assessments.models import AssessmentChallenge
from searchlight.assessments.schemas import Challenge
from searchlight.assessments.service import SaveResult, document_of, save_challenge
from searchlight.assessments.yaml_io import dump_challenge, parse_challenges
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import created, updated
from searchlight.i18n import N_, _
from searchlight.roles.models import Role

AUTHOR = "assessments:author"


# --- access -------------------------------------------------------------------------------

def authorable_roles(*, db_session: Session, user: User) -> list[Role]:
    """The roles `user` may write challenges for."""
    if not allowed(user, AUTHOR):
        return []
    query = select(Role).order_by(Role.key)
    if not allowed(user, "assessments:author_all"):
        query = query.where(Role.hiring_manager_id == user.id)
    return list(db_session.scalars(query))


def _check_roles(db_session: Session, user: User, role_keys: list[str], target: str) -> None:
    require(user, AUTHOR, target=target)
    if allowed(user, "assessments:author_all"):
        return
    mine = {role.key for role in authorable_roles(db_session=db_session, user=user)}
    if not role_keys or not set(role_keys) <= mine:
        raise Forbidden(N_("You can only write challenges for roles you manage."),
                        permission="assessments:author_all", target=target)


def may_edit(*, db_session: Session, user: User, challenge: AssessmentChallenge) -> bool:
    try:
        _check_roles(db_session, user, challenge.role_keys, f"assessment_challenge:{challenge.id}")
    except Forbidden:
        return False
    return True


def get_challenge_for_user(*, db_session: Session, user: User, challenge_id: int,
                           permission: str = "assessments:review") -> AssessmentChallenge:
    """A challenge to read (anyone who reviews assessments) or, with `assessments:author`, to
    change (hiring managers only when every role of the challenge is theirs)."""
    target = f"assessment_challenge:{challenge_id}"
    require(user, permission, target=target)
    row = db_session.get(AssessmentChallenge, challenge_id)
    if row is None:
        raise NotFound(N_("This challenge does not exist (any more)."))
    if permission == AUTHOR:
        _check_roles(db_session, user, row.role_keys, target)
    return row


def _check_known_roles(db_session: Session, role_keys: list[str]) -> None:
    known = set(db_session.scalars(select(Role.key).where(Role.key.in_(role_keys))))
    unknown = [key for key in role_keys if key not in known]
    if unknown:
        raise InvalidInput(N_("One of the chosen roles does not exist."),
                           detail={"field": "role_keys", "keys": unknown})


# --- writing ------------------------------------------------------------------------------

def key_from_title(*, db_session: Session, title: str, language: str) -> str:
    """A free challenge key from the title: `prompt-review-en`, `prompt-review-en-2`, ..."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_title.lower()))[:60].strip("-") or "challenge"
    base = f"{base}-{language}"
    taken = set(db_session.scalars(select(AssessmentChallenge.key).where(
        AssessmentChallenge.key.like(f"{base}%"))))
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


def create_challenge(*, db_session: Session, actor: User,
                     challenge: Challenge) -> AssessmentChallenge:
    _check_roles(db_session, actor, challenge.role_keys, "assessment_challenge:new")
    _check_known_roles(db_session, challenge.role_keys)
    if db_session.scalar(select(AssessmentChallenge.id).where(
            AssessmentChallenge.key == challenge.key)) is not None:
        raise InvalidInput(N_("A challenge with this key already exists."),
                           detail={"field": "key"})
    return save_challenge(db_session=db_session, actor=actor, challenge=challenge).challenge


def update_challenge(*, db_session: Session, actor: User, row: AssessmentChallenge,
                     challenge: Challenge) -> SaveResult:
    """The key stays; a hiring manager may not move a challenge to a role that is not theirs."""
    target = f"assessment_challenge:{row.id}"
    _check_roles(db_session, actor, row.role_keys, target)
    _check_roles(db_session, actor, challenge.role_keys, target)
    _check_known_roles(db_session, [k for k in challenge.role_keys if k not in row.role_keys])
    return save_challenge(db_session=db_session, actor=actor, row=row,
                          challenge=challenge.model_copy(update={"key": row.key}))


def duplicate_challenge(*, db_session: Session, actor: User,
                        row: AssessmentChallenge) -> AssessmentChallenge:
    """A copy to change freely (its own key, version 1, no invitations)."""
    original = document_of(row)
    _check_roles(db_session, actor, original.role_keys, f"assessment_challenge:{row.id}")
    title = _("Copy of {title}", title=original.title)[:200]
    copy = original.model_copy(update={
        "key": key_from_title(db_session=db_session, title=title, language=original.language),
        "title": title})
    result = save_challenge(db_session=db_session, actor=actor, challenge=copy)
    audit.record(db_session=db_session, actor=actor, event=created(
        "assessment_challenge_copy", result.challenge.id,
        {"from": row.key, "from_version": row.version, "key": result.challenge.key}))
    return result.challenge


def set_archived(*, db_session: Session, actor: User, row: AssessmentChallenge,
                 archived: bool) -> None:
    """Archived challenges are no longer offered for invitations; links already sent, hand-ins
    and grades stay as they are."""
    _check_roles(db_session, actor, row.role_keys, f"assessment_challenge:{row.id}")
    if row.is_active != archived:
        return
    row.is_active = not archived
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=updated(
        "assessment_challenge", row.id, {"archived": not archived}, {"archived": archived}))


# --- YAML ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportOutcome:
    results: list[SaveResult]

    def count(self, status: str) -> int:
        return sum(result.status == status for result in self.results)


def import_for_user(*, db_session: Session, actor: User, text: str,
                    source: str) -> ImportOutcome:
    """Every challenge in the file, all or none: a located error (ChallengeYamlError) or a
    challenge the actor may not write stops the import before anything is saved."""
    challenges = parse_challenges(text, source=source)
    rows = {row.key: row for row in db_session.scalars(select(AssessmentChallenge).where(
        AssessmentChallenge.key.in_([c.key for c in challenges])))}
    for challenge in challenges:
        existing = rows.get(challenge.key)
        target = f"assessment_challenge:{existing.id if existing else challenge.key}"
        if existing is not None:
            _check_roles(db_session, actor, existing.role_keys, target)
        _check_roles(db_session, actor, challenge.role_keys, target)
    return ImportOutcome([save_challenge(db_session=db_session, actor=actor, challenge=c)
                          for c in challenges])


def export_yaml(row: AssessmentChallenge) -> str:
    """The challenge in the documented format (docs/assessments-yaml.md); importing it gives
    the same challenge."""
    return dump_challenge(document_of(row))


RoleGroup = tuple[Role | None, list[AssessmentChallenge]]


def challenges_by_role(*, db_session: Session, user: User,
                       archived: bool = False) -> list[RoleGroup]:
    """The library grouped per role (a challenge for two roles is under both); challenges
    without a role last. Hiring managers see the groups of their own roles."""
    require(user, "assessments:review", target="assessment_challenges")
    rows = list(db_session.scalars(select(AssessmentChallenge).where(
        AssessmentChallenge.is_active.is_(not archived)).order_by(AssessmentChallenge.title)))
    roles = list(db_session.scalars(select(Role).order_by(Role.key)))
    if not allowed(user, "candidates:read_all"):
        roles = [role for role in roles if role.hiring_manager_id == user.id]
    groups: list[RoleGroup] = [
        (role, [row for row in rows if role.key in row.role_keys]) for role in roles]
    known = {role.key for role in db_session.scalars(select(Role))}
    if allowed(user, "candidates:read_all"):
        groups.append((None, [row for row in rows if not set(row.role_keys) & known]))
    return groups
