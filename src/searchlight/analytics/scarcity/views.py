"""The scarcity benchmark of a role (a full page and the panel on the role page), the role's
occupation code, and the labour-market import."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from searchlight.analytics import service as analytics
from searchlight.analytics.models import LabourMarketFigure
from searchlight.analytics.scarcity import parse_market_csv, service
from searchlight.auth.access import allowed, require
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import PayloadTooLarge
from searchlight.i18n import N_, _, ngettext
from searchlight.web import render

router = APIRouter(tags=["analytics"])
MAX_CSV_BYTES = 5_000_000
SIGNAL_NAMES = {"market": N_("Labour market"), "pool": N_("Our pool"),
                "speed": N_("Time to fill")}
LEVEL_NAMES = {"high": N_("Scarce"), "medium": N_("Somewhat scarce"), "low": N_("Available"),
               "unknown": N_("Unknown")}


def _page(request: Request, db: DbSession, user: CurrentUser, key: str, *,
          status_code: int = 200, error: str = "") -> Response:
    role = analytics.get_role_for_user(db_session=db, user=user, role_key=key)
    found = service.benchmark(db_session=db, role=role)
    return render(request, "analytics/scarcity.html", partial="analytics/_scarcity.html",
                  status_code=status_code, bench=found, error=error,
                  signal_names={k: _(v) for k, v in SIGNAL_NAMES.items()},
                  level_names={k: _(v) for k, v in LEVEL_NAMES.items()},
                  can_manage=allowed(user, "analytics:manage"))


@router.get("/roles/{key}/scarcity", include_in_schema=False)
def scarcity_page(request: Request, db: DbSession, user: CurrentUser, key: str) -> Response:
    return _page(request, db, user, key)


@router.post("/roles/{key}/occupation", include_in_schema=False)
def set_occupation(db: DbSession, user: CurrentUser, key: str,
                   code: Annotated[str, Form()] = "") -> Response:
    require(user, "analytics:manage", target=f"role:{key}")
    role = analytics.get_role_for_user(db_session=db, user=user, role_key=key)
    service.set_occupation(db_session=db, actor=user, role=role, code=code)
    return RedirectResponse(f"/roles/{role.key}/scarcity", status_code=303)


def _market_page(request: Request, db: DbSession, user: CurrentUser, *, status_code: int = 200,
                 message: str = "", problems: list[str] | None = None) -> Response:
    require(user, "analytics:read")
    figures = list(db.scalars(select(LabourMarketFigure).order_by(
        LabourMarketFigure.code, LabourMarketFigure.period.desc()).limit(500)))
    return render(request, "analytics/market.html", status_code=status_code, figures=figures,
                  message=message, problems=problems or [],
                  can_manage=allowed(user, "analytics:manage"))


@router.get("/analytics/labour-market", include_in_schema=False)
def market_page(request: Request, db: DbSession, user: CurrentUser) -> Response:
    return _market_page(request, db, user)


@router.post("/analytics/labour-market", include_in_schema=False)
def import_market(request: Request, db: DbSession, user: CurrentUser,
                        file: Annotated[UploadFile, File()]) -> Response:
    require(user, "analytics:manage")
    data = file.file.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise PayloadTooLarge("The file is larger than 5 MB.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _market_page(request, db, user, status_code=422,
                            problems=[_("The file is not UTF-8 text; save it as CSV UTF-8.")])
    rows, found = parse_market_csv(text)
    problems = [_(message, **values) for message, values in found]
    if not rows:
        return _market_page(request, db, user, status_code=422,
                            problems=problems or [_("The file holds no rows.")])
    added, updated = service.import_market(db_session=db, actor=user, rows=rows)
    return _market_page(request, db, user, problems=problems, message=ngettext(
        "{n} figure added, {updated} updated.", "{n} figures added, {updated} updated.", added,
        updated=updated))
