"""A candidate's timeline: notes and other activities, stage moves and documents, newest first."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, StageChange
from searchlight.crm.models import Activity
from searchlight.roles.models import Role


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # an activity kind, "stage" or "document"
    actor: User | None
    text: str = ""
    role: Role | None = None
    from_stage: str | None = None
    to_stage: str = ""
    link: str = ""


def timeline(*, db_session: Session, candidate: Candidate) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(at=a.occurred_at, kind=a.kind, actor=a.author, text=a.body)
        for a in db_session.scalars(
            select(Activity).where(Activity.candidate_id == candidate.id)
            .options(selectinload(Activity.author)))
    ]
    changes = db_session.scalars(
        select(StageChange).join(Application).where(Application.candidate_id == candidate.id)
        .options(selectinload(StageChange.actor),
                 selectinload(StageChange.application).selectinload(Application.role)))
    entries += [
        TimelineEntry(at=c.moved_at, kind="stage", actor=c.actor, text=c.reason,
                      role=c.application.role, from_stage=c.from_stage,
                      to_stage=c.to_stage)
        for c in changes
    ]
    hidden = candidate.identity_hidden  # the original file would say who it is
    entries += [TimelineEntry(at=d.created_at, kind="document", actor=None, text=d.shown_filename,
                              link="" if hidden else f"/documents/{d.id}/download")
                for d in candidate.documents]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
