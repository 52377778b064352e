"""Home panels of the screening domain: batches still running, shortlists of managed roles."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.i18n import current_locale
from searchlight.roles.models import Role
from searchlight.screening.access import visible_role_ids
from searchlight.screening.models import BatchFile, ScreeningBatch, ScreeningResult


def running_batches(*, db_session: Session, user: User) -> dict[str, Any] | None:
    visible = visible_role_ids(db_session=db_session, user=user)
    query = (select(ScreeningBatch, Role)
             .join(Role, Role.id == ScreeningBatch.role_id)
             .where(ScreeningBatch.status.in_(("pending", "running")))
             .order_by(ScreeningBatch.id.desc()))
    if visible is not None:
        query = query.where(ScreeningBatch.role_id.in_(visible))
    batches = db_session.execute(query.limit(5)).tuples().all()
    files: dict[int, tuple[int, int]] = {}
    if batches:
        rows = db_session.execute(
            select(BatchFile.batch_id, BatchFile.status, func.count())
            .where(BatchFile.batch_id.in_([b.id for b, _r in batches]))
            .group_by(BatchFile.batch_id, BatchFile.status)
        ).tuples().all()
        for batch_id, status, count in rows:
            done, total = files.get(batch_id, (0, 0))
            files[batch_id] = (done + (count if status != "pending" else 0), total + count)
    return {"batches": batches, "files": files, "locale": current_locale.get()}


def shortlists(*, db_session: Session, user: User) -> dict[str, Any] | None:
    """The roles this hiring manager owns, with how many cvs were screened for each."""
    visible = visible_role_ids(db_session=db_session, user=user)
    query = select(Role).where(Role.is_active).order_by(Role.key)
    if visible is not None:
        query = query.where(Role.id.in_(visible))
    roles = db_session.scalars(query).all()
    screened = dict(db_session.execute(
        select(ScreeningResult.role_id, func.count(ScreeningResult.analysis_id.distinct()))
        .where(ScreeningResult.role_id.in_([r.id for r in roles]))
        .group_by(ScreeningResult.role_id)).tuples().all())
    return {"roles": roles, "screened": screened, "locale": current_locale.get()}
