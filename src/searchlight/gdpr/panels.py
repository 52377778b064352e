"""The privacy officer's home panel: erasures waiting for a second person, and the ledger."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.gdpr.models import Erasure


def privacy(*, db_session: Session, user: User) -> dict[str, Any] | None:
    counts = dict(db_session.execute(select(Erasure.status, func.count())
                                     .group_by(Erasure.status)).tuples().all())
    return {"waiting": counts.get("requested", 0), "done": counts.get("done", 0)}
