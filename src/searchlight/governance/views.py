from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from searchlight import navigation
from searchlight.auth.access import require
from searchlight.deps import CurrentUser, DbSession
from searchlight.governance import audit, explanation_views
from searchlight.governance import panels as home_panels
from searchlight.governance.models import AuditEntry
from searchlight.home import panels
from searchlight.i18n import N_
from searchlight.web import render

router = APIRouter(tags=["governance"])
navigation.register(navigation.Entry(path="/audit", label=N_("Audit log"),
                                     permission="audit:read", order=90))
panels.register(panels.Panel(key="governance.users", template="governance/_home_users.html",
                             context=home_panels.users, permission="users:manage", order=50))
panels.register(panels.Panel(key="governance.audit", template="governance/_home_audit.html",
                             context=home_panels.audit, permission="audit:read", order=60))
panels.register(panels.Panel(key="governance.reviews", template="governance/_home_reviews.html",
                             context=home_panels.reviews, permission="pipeline:move", order=4))
router.include_router(explanation_views.router)
PAGE_SIZE = 50


@router.get("/audit", include_in_schema=False)
def audit_log(
    request: Request, db: DbSession, user: CurrentUser, page: int = Query(1, ge=1, le=100_000),
    action: str = ""
) -> Response:
    require(user, "audit:read")
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    entries = db.scalars(query.limit(PAGE_SIZE).offset((max(page, 1) - 1) * PAGE_SIZE)).all()
    return render(request, "governance/audit.html", entries=entries, page=max(page, 1),
                  total=total, page_size=PAGE_SIZE, action=action,
                  actors=audit.actor_names(db, entries))
