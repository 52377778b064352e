"""Home panels for administrators: users per role, recent audit entries and refusals."""

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.governance.audit import actor_names
from searchlight.governance.models import AuditEntry

RECENT_DAYS = 7


def users(*, db_session: Session, user: User) -> dict[str, Any] | None:
    rows = db_session.execute(
        select(User.role, func.count()).where(User.is_active).group_by(User.role)
        .order_by(User.role)).tuples().all()
    inactive = db_session.scalar(select(func.count()).where(User.is_active.is_(False))) or 0
    return {"per_role": rows, "total": sum(n for _r, n in rows), "inactive": inactive}


def audit(*, db_session: Session, user: User) -> dict[str, Any] | None:
    since = utcnow() - timedelta(days=RECENT_DAYS)
    latest = db_session.scalars(
        select(AuditEntry).order_by(AuditEntry.id.desc()).limit(5)).all()
    refusals = db_session.scalar(
        select(func.count()).where(AuditEntry.action == "access.denied",
                                   AuditEntry.occurred_at >= since)) or 0
    return {"latest": latest, "refusals": refusals, "days": RECENT_DAYS,
            "actors": actor_names(db_session, latest)}


def reviews(*, db_session: Session, user: User) -> dict[str, Any] | None:
    """Contested decisions waiting for a human re-review; hidden when there are none."""
    from searchlight.governance.explanations import open_reviews

    waiting = open_reviews(db_session=db_session, user=user)
    return {"reviews": waiting[:5]} if waiting else None
