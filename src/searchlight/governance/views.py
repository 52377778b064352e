from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from searchlight.auth.access import require
from searchlight.deps import CurrentUser, DbSession
from searchlight.governance.models import AuditEntry
from searchlight.web import render

router = APIRouter(tags=["governance"])
PAGE_SIZE = 50


@router.get("/audit", include_in_schema=False)
def audit_log(
    request: Request, db: DbSession, user: CurrentUser, page: int = 1, action: str = ""
) -> Response:
    require(user, "audit:read")
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    entries = db.scalars(query.limit(PAGE_SIZE).offset((max(page, 1) - 1) * PAGE_SIZE)).all()
    return render(request, "governance/audit.html", entries=entries, page=max(page, 1),
                  total=total, page_size=PAGE_SIZE, action=action)
