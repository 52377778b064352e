"""The next-actions page, decisions on suggestions, the recruiter's limits, and the home panel."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from searchlight import navigation
from searchlight.actions import service
from searchlight.actions.suggest import Suggestion
from searchlight.auth.models import User
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import DomainError
from searchlight.home import panels
from searchlight.i18n import N_, _
from searchlight.web import render

router = APIRouter(tags=["actions"])
navigation.register(navigation.Entry(path="/next-actions", label=N_("Next actions"),
                                     permission="analytics:read", order=65))
HOME_LIMIT = 5


def shown(suggestions: list[Suggestion]) -> list[dict[str, Any]]:
    """Suggestions with their reason in the reader's language."""
    return [{"key": s.key, "kind": s.kind, "role": s.role_key, "link": s.link,
             "reason": _(s.reason, **s.values)} for s in suggestions]


def home_panel(*, db_session: Session, user: User) -> dict[str, Any] | None:
    if not service.has_roles(db_session=db_session, user=user):
        return None  # a hiring manager without roles gets the panel that says what to do
    found = service.suggestions_for(db_session=db_session, user=user)
    return {"actions": shown(found[:HOME_LIMIT]), "count": len(found)}


panels.register(panels.Panel(key="actions.today", template="actions/_home.html",
                             context=home_panel, permission="analytics:read", order=5))


def _page(request: Request, db: DbSession, user: CurrentUser, role: str | None, *,
          status_code: int = 200, error: str = "") -> Response:
    found = service.suggestions_for(db_session=db, user=user, role_key=role or None)
    return render(request, "actions/index.html", status_code=status_code, actions=shown(found),
                  role=role or "", error=error,
                  limits=service.limits_for(db_session=db, user=user))


@router.get("/next-actions", include_in_schema=False)
def next_actions(request: Request, db: DbSession, user: CurrentUser,
                 role: Annotated[str | None, Query()] = None) -> Response:
    return _page(request, db, user, role)


@router.post("/next-actions/decide", include_in_schema=False)
def decide(request: Request, db: DbSession, user: CurrentUser, key: Annotated[str, Form()],
           decision: Annotated[str, Form()], days: Annotated[int, Form()] = 1,
           role: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "") -> Response:
    try:
        service.decide(db_session=db, user=user, key=key, decision=decision, snooze_days=days)
    except DomainError as problem:
        if problem.status_code == 403:
            raise
        return _page(request, db, user, role, status_code=problem.status_code,
                     error=_(problem.message))
    target = "/" if back == "home" else "/next-actions" + (f"?role={role}" if role else "")
    return RedirectResponse(target, status_code=303)


@router.post("/next-actions/limits", include_in_schema=False)
def set_limits(request: Request, db: DbSession, user: CurrentUser,
               wait_days: Annotated[int, Form()], message_days: Annotated[int, Form()]) -> Response:
    try:
        service.set_limits(db_session=db, user=user, wait_days=wait_days,
                           message_days=message_days)
    except DomainError as problem:
        if problem.status_code == 403:
            raise
        return _page(request, db, user, None, status_code=problem.status_code,
                     error=_(problem.message))
    return RedirectResponse("/next-actions", status_code=303)
