"""Home panel of the interviews domain: the scorecards a hiring manager still has to fill in.

A scorecard is due for every application in the interview stage of a role the user leads (a
recruiter or admin sees those of every active role) that has no scorecard of theirs yet."""

from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates.models import Application
from searchlight.i18n import current_locale
from searchlight.interviews.models import Scorecard
from searchlight.roles.models import Role

INTERVIEW_STAGE = "interview"
SHOWN = 8


def scorecards_to_fill(*, db_session: Session, user: User) -> dict[str, Any] | None:
    """The applications waiting for `user`'s scorecard, oldest in the stage first; a read."""
    query = (
        select(Application)
        .join(Role, Role.id == Application.role_id)
        .outerjoin(Scorecard, and_(Scorecard.candidate_id == Application.candidate_id,
                                   Scorecard.role_id == Application.role_id,
                                   Scorecard.interviewer_id == user.id))
        .where(Role.is_active, Application.stage_key == INTERVIEW_STAGE, Scorecard.id.is_(None))
    )
    if not allowed(user, "candidates:read_all"):
        query = query.where(Role.hiring_manager_id == user.id)
    due = db_session.scalars(query.order_by(Application.stage_entered_at, Application.id)).all()
    return {"due": due[:SHOWN], "count": len(due), "locale": current_locale.get()}
