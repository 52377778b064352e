"""/admin/ai: the AI configuration (never the key), the stop switch, budget use and recent calls."""

from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from searchlight import navigation
from searchlight.auth.access import require
from searchlight.deps import CurrentUser, DbSession
from searchlight.i18n import N_, current_locale
from searchlight.llm import records, selftest, switch
from searchlight.llm.errors import AIError
from searchlight.llm.status import status
from searchlight.web import render

router = APIRouter(tags=["ai"])
navigation.register(navigation.Entry(path="/admin/ai", label=N_("AI"), permission="ai:manage",
                                     order=95))
RECENT = 50


def _page(request: Request, db: DbSession, *, check: bool = False, **extra: Any) -> Response:
    return render(request, "llm/admin.html", status=status(db_session=db, check=check),
                  calls=records.recent_calls(db_session=db, limit=RECENT), **extra)


@router.get("/admin/ai", include_in_schema=False)
def ai_admin(request: Request, db: DbSession, user: CurrentUser, check: bool = False) -> Response:
    require(user, "ai:manage")
    return _page(request, db, check=check)


@router.post("/admin/ai/try", include_in_schema=False)
def ai_try(request: Request, db: DbSession, user: CurrentUser) -> Response:
    """Send the test call; a failure is shown on the page (and its record kept), not raised."""
    require(user, "ai:manage")
    try:
        trial = selftest.run(db_session=db, language=current_locale.get(), actor=user)
    except AIError as error:
        return _page(request, db, trial_error=str(error))
    return _page(request, db, trial=trial)


@router.get("/api/ai/status")
def ai_status_api(db: DbSession, user: CurrentUser, check: bool = False) -> dict[str, object]:
    require(user, "ai:manage")
    return status(db_session=db, check=check)


@router.get("/api/ai/calls")
def ai_calls_api(db: DbSession, user: CurrentUser, limit: int = Query(RECENT, ge=1, le=1000),
                 task: str = "") -> list[dict[str, object]]:
    require(user, "ai:manage")
    return [records.call_as_dict(c)
            for c in records.recent_calls(db_session=db, limit=limit, task=task)]


@router.post("/admin/ai/stop", include_in_schema=False)
def ai_stop(db: DbSession, user: CurrentUser, reason: str = Form("")) -> Response:
    require(user, "ai:manage")
    switch.stop(db_session=db, actor=user, reason=reason)
    return RedirectResponse("/admin/ai", status_code=303)


@router.post("/admin/ai/start", include_in_schema=False)
def ai_start(db: DbSession, user: CurrentUser, reason: str = Form("")) -> Response:
    require(user, "ai:manage")
    switch.start(db_session=db, actor=user, reason=reason)
    return RedirectResponse("/admin/ai", status_code=303)
