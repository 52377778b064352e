"""Home panel of the CRM domain: talent pools and their size."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.crm.models import PoolMember, TalentPool


def talent_pools(*, db_session: Session, user: User) -> dict[str, Any] | None:
    rows = db_session.execute(
        select(TalentPool, func.count(PoolMember.candidate_id))
        .outerjoin(PoolMember, PoolMember.pool_id == TalentPool.id)
        .group_by(TalentPool.id).order_by(TalentPool.name)
    ).tuples().all()
    return {"pools": rows[:6], "count": len(rows)}
