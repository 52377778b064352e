"""The start page: the panels of the user's own work, registered by each domain."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.deps import CurrentUser, DbSession
from searchlight.home import panels
from searchlight.web import render

router = APIRouter(tags=["home"])


def settings_links(*, db_session: Session, user: User) -> dict[str, Any] | None:
    return {}


def coming(*, db_session: Session, user: User) -> dict[str, Any] | None:
    return {}


panels.register(panels.Panel(key="home.settings", template="home/_settings.html",
                             context=settings_links, permission="ai:manage", order=70))
panels.register(panels.Panel(key="home.coming", template="home/_coming.html", context=coming,
                             roles=frozenset({"ld_lead", "employee"}), fallback=True))


@router.get("/", include_in_schema=False)
def home(request: Request, db: DbSession, user: CurrentUser) -> Response:
    shown = panels.panels_for(db_session=db, user=user)
    return render(request, "home/home.html", shown=shown)
