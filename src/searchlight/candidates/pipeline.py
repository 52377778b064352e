"""Pipelines: each role's stages, applications, and moving an application between stages."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from searchlight.anonymise import KnownIdentity, redact_known
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.identity import needs_contact, reveal_identity
from searchlight.candidates.models import Application, Candidate, PipelineStage, StageChange
from searchlight.candidates.service import get_candidate_for_user
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.roles.models import Role

# key, English, Dutch, kind. Terminal kinds close an application; "rejected" needs a reason.
DEFAULT_STAGES = (
    ("sourced", "Sourced", "Gesourcet", "open"),
    ("applied", "Applied", "Gesolliciteerd", "open"),
    ("screened", "Screened", "Gescreend", "open"),
    ("assessment", "Assessment", "Assessment", "open"),
    ("interview", "Interview", "Gesprek", "open"),
    ("offer", "Offer", "Aanbod", "open"),
    ("hired", "Hired", "Aangenomen", "hired"),
    ("rejected", "Rejected", "Afgewezen", "rejected"),
    ("withdrawn", "Withdrawn", "Teruggetrokken", "withdrawn"),
)
FIRST_STAGE = "applied"
CARDS_PER_COLUMN = 100
_KEY = re.compile(r"[^a-z0-9]+")


def role_by_key(*, db_session: Session, key: str) -> Role:
    role = db_session.scalar(select(Role).where(Role.key == key))
    if role is None:
        raise NotFound("This role does not exist.")
    return role


def stages_for_role(*, db_session: Session, role: Role) -> list[PipelineStage]:
    """The role's own stages, or the defaults (unsaved) while the role has none of its own."""
    query = select(PipelineStage).where(PipelineStage.role_id == role.id)
    saved = list(db_session.scalars(query.order_by(PipelineStage.position)))
    return saved or [
        PipelineStage(role_id=role.id, key=key, name_en=en, name_nl=nl, position=i, kind=kind)
        for i, (key, en, nl, kind) in enumerate(DEFAULT_STAGES)
    ]


def add_stage(
    *, db_session: Session, actor: User, role: Role, name_en: str, name_nl: str,
    before: str | None = None,
) -> PipelineStage:
    """Add an open stage, before `before` (a stage key) or before the closing stages."""
    require(actor, "roles:write", target=f"role:{role.key}")
    key = _KEY.sub("-", name_en.lower()).strip("-")[:40]
    stages = stages_for_role(db_session=db_session, role=role)
    if not key or not name_nl.strip():
        raise InvalidInput("Give the stage an English and a Dutch name.")
    if any(stage.key == key for stage in stages):
        raise Conflict("This role already has a stage with that name.")
    closing = [i for i, each in enumerate(stages) if each.kind != "open"]
    keys = [each.key for each in stages]
    index = keys.index(before) if before in keys else (closing[0] if closing else len(stages))
    stage = PipelineStage(role_id=role.id, key=key, name_en=name_en.strip(),
                          name_nl=name_nl.strip(), kind="open")
    stages.insert(index, stage)
    for position, each in enumerate(stages):
        each.position = position
    db_session.add_all(stages)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "pipeline_stage.created", "role", role.key, {"stage": key, "position": index}))
    return stage


def _stage(stages: list[PipelineStage], key: str) -> PipelineStage:
    for stage in stages:
        if stage.key == key:
            return stage
    raise InvalidInput("This role's pipeline has no such stage.", detail={"stage": key})


def apply_to_role(
    *, db_session: Session, actor: User | None, candidate: Candidate, role: Role,
    stage_key: str | None = None,
) -> Application:
    stages = stages_for_role(db_session=db_session, role=role)
    stage = _stage(stages, stage_key or FIRST_STAGE)
    if db_session.scalar(select(Application.id).where(
            Application.candidate_id == candidate.id, Application.role_id == role.id)):
        raise Conflict("This candidate is already in the pipeline for this role.")
    application = Application(candidate=candidate, role=role, role_version=role.current_version,
                              stage_key=stage.key, created_by_id=actor.id if actor else None)
    application.changes.append(StageChange(to_stage=stage.key, actor_id=application.created_by_id))
    db_session.add(application)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "application.created", "application", application.id,
        {"candidate_id": candidate.id, "role": role.key, "role_version": role.current_version,
         "stage": stage.key}))
    if actor is not None and needs_contact(stage.key, stage.kind):
        reveal_identity(db_session=db_session, actor=actor, candidate=candidate, reason="stage",
                        stage=stage.key)
    return application


def get_application_for_user(
    *, db_session: Session, user: User, application_id: int, permission: str = "candidates:read"
) -> Application:
    require(user, permission, target=f"application:{application_id}")
    application = db_session.get(Application, application_id)
    if application is None:
        raise NotFound("This application does not exist (any more).")
    get_candidate_for_user(db_session=db_session, user=user, candidate_id=application.candidate_id)
    return application


def _without_identity(reason: str, candidate: Candidate) -> str:
    """The audit log keeps the reason of a decision but never the person's name or contact
    details (the log outlives an erasure); the stage change itself keeps the full text."""
    if not reason:
        return reason
    known = KnownIdentity(candidate.full_name, candidate.email, candidate.phone or None)
    return redact_known(reason, known)


def move_stage(
    *, db_session: Session, actor: User, application: Application, to_stage: str,
    reason: str = "",
) -> StageChange:
    """Move an application; a rejection is a human decision and must say why."""
    require(actor, "pipeline:move", target=f"application:{application.id}")
    stage = _stage(stages_for_role(db_session=db_session, role=application.role), to_stage)
    reason = reason.strip()
    if stage.kind == "rejected" and not reason:
        raise InvalidInput("Give a reason for the rejection.", detail={"field": "reason"})
    if stage.key == application.stage_key:
        raise InvalidInput("The application is already in this stage.")
    change = StageChange(from_stage=application.stage_key, to_stage=stage.key, reason=reason,
                         actor_id=actor.id, moved_at=utcnow())
    application.changes.append(change)
    application.stage_key, application.stage_entered_at = stage.key, change.moved_at
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "application.stage_moved", "application", application.id,
        {"from": change.from_stage, "to": change.to_stage,
         "reason": _without_identity(reason, application.candidate),
         "candidate_id": application.candidate_id, "role": application.role.key}))
    if needs_contact(stage.key, stage.kind):  # the process needs to reach the person now
        reveal_identity(db_session=db_session, actor=actor, candidate=application.candidate,
                        reason="stage", stage=stage.key)
    return change


def days_between(start: datetime, end: datetime | None = None) -> int:
    return max(((end or utcnow()) - start).days, 0)


@dataclass
class Column:
    stage: PipelineStage
    count: int
    cards: list[Application]


def require_board_access(*, user: User, role: Role) -> None:
    require(user, "candidates:read", target=f"role:{role.key}")
    if not allowed(user, "candidates:read_all") and role.hiring_manager_id != user.id:
        raise Forbidden("You can only see pipelines of roles you manage.",
                        permission="candidates:read_all", target=f"role:{role.key}")


def board(*, db_session: Session, user: User, role: Role) -> list[Column]:
    """Columns with their full counts and the longest-waiting cards first (capped per column)."""
    require_board_access(user=user, role=role)
    stages = stages_for_role(db_session=db_session, role=role)
    counts = dict(db_session.execute(
        select(Application.stage_key, func.count()).where(Application.role_id == role.id)
        .group_by(Application.stage_key)).tuples().all())
    columns = []
    for stage in stages:
        cards = db_session.scalars(
            select(Application).where(Application.role_id == role.id,
                                      Application.stage_key == stage.key)
            .order_by(Application.stage_entered_at).limit(CARDS_PER_COLUMN)
            .options(selectinload(Application.candidate).selectinload(Candidate.source))
        ).all()
        columns.append(Column(stage=stage, count=counts.get(stage.key, 0), cards=list(cards)))
    return columns


def visible_roles(*, db_session: Session, user: User) -> list[Role]:
    """Active roles whose candidates the user may see (all, or the roles the user manages)."""
    require(user, "candidates:read")
    query = select(Role).where(Role.is_active).order_by(Role.key)
    if not allowed(user, "candidates:read_all"):
        query = query.where(Role.hiring_manager_id == user.id)
    return list(db_session.scalars(query))


def roles_with_counts(*, db_session: Session, user: User) -> list[tuple[Role, int]]:
    """Active roles the user may see a board of, with their number of applications."""
    require(user, "candidates:read")
    counts = (select(Application.role_id, func.count().label("n"))
              .group_by(Application.role_id).subquery())
    query = (select(Role, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.role_id == Role.id)
             .where(Role.is_active).order_by(Role.key))
    if not allowed(user, "candidates:read_all"):
        query = query.where(Role.hiring_manager_id == user.id)
    return [(role, int(n)) for role, n in db_session.execute(query)]


def screening_scores(*, db_session: Session, role: Role, candidate_ids: list[int]
                     ) -> dict[int, float | None]:
    """The latest screening score of each shown candidate for this role (None: screened, no
    score); candidates never screened for it are left out."""
    from searchlight.screening.models import ScreeningResult

    if not candidate_ids:
        return {}
    rows = db_session.execute(
        select(ScreeningResult.candidate_id, ScreeningResult.overall)
        .where(ScreeningResult.role_id == role.id,
               ScreeningResult.candidate_id.in_(candidate_ids))
        .order_by(ScreeningResult.id)).tuples()
    return {candidate_id: overall for candidate_id, overall in rows if candidate_id is not None}
