"""Reskilling pages for the L&D lead: programmes with phases and milestones (editable), the
seed's inconsistencies to resolve, the competency framework, tracks and team stages."""

from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from searchlight.auth.access import allowed, require
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import InvalidInput, NotFound
from searchlight.reskilling import service
from searchlight.reskilling.models import Team
from searchlight.reskilling.schemas import MilestoneEdit, PhaseEdit, ProgrammeEdit
from searchlight.reskilling.seed import LEGACY_STAGES
from searchlight.roles import service as roles
from searchlight.roles.schemas import dimension_title
from searchlight.web import render

router = APIRouter(tags=["reskilling"])
ModelT = TypeVar("ModelT", bound=BaseModel)


def _parse(model: type[ModelT], form: Any) -> ModelT:
    data = {name: str(form.get(name, "")) for name in model.model_fields if name in form}
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        raise InvalidInput("; ".join(problems), detail={"problems": problems}) from None


def _stage_label(stage: str, locale: str) -> str:
    labels = LEGACY_STAGES.get(stage)
    return (labels[1] if locale == "en" else labels[0]) if labels else ""


@router.get("/reskilling", include_in_schema=False)
def overview(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    role_titles = {r.key: r for r in roles.list_roles(db_session=db)}
    return render(request, "reskilling/overview.html",
                  programmes=service.list_programmes(db_session=db),
                  criteria=service.list_criteria(db_session=db),
                  tracks=service.list_tracks(db_session=db),
                  teams=service.list_teams(db_session=db), role_titles=role_titles,
                  stages=LEGACY_STAGES, stage_label=_stage_label,
                  dimension_title=dimension_title, today=date.today())


@router.get("/reskilling/programmes/{key}", include_in_schema=False)
def programme_detail(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key)
    return render(request, "reskilling/programme.html", programme=programme,
                  months_label=service.months_label,
                  can_manage=allowed(user, "reskilling:manage"))


@router.get("/reskilling/programmes/{key}/edit", include_in_schema=False)
def programme_edit(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    return render(request, "reskilling/edit.html", programme=programme,
                  months_label=service.months_label)


@router.post("/reskilling/programmes/{key}", include_in_schema=False)
async def programme_save(request: Request, key: str, db: DbSession,
                         user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(ProgrammeEdit, await request.form())
    service.update_programme(db_session=db, actor=user, programme=programme, edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/phases/{phase_id}", include_in_schema=False)
async def phase_save(request: Request, key: str, phase_id: int, db: DbSession,
                     user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(PhaseEdit, await request.form())
    service.update_phase(db_session=db, actor=user, programme=programme, phase_id=phase_id,
                         edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/milestones/{milestone_id}", include_in_schema=False)
async def milestone_save(request: Request, key: str, milestone_id: int, db: DbSession,
                         user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(MilestoneEdit, await request.form())
    service.update_milestone(db_session=db, actor=user, programme=programme,
                             milestone_id=milestone_id, edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/resolve", include_in_schema=False)
async def resolve(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    form = await request.form()
    months = str(form.get("duration_months", ""))
    if not months.isdigit():
        raise InvalidInput("duration_months: choose a number of months.")
    service.resolve_inconsistency(db_session=db, actor=user, programme=programme,
                                  resolution=str(form.get("resolution", "")),
                                  duration_months=int(months))
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/teams/{team_id}/stage", include_in_schema=False)
async def team_stage(request: Request, team_id: int, db: DbSession,
                     user: CurrentUser) -> Response:
    require(user, "reskilling:manage", target=f"team:{team_id}")
    team = db.get(Team, team_id)
    if team is None:
        raise NotFound("This team does not exist.")
    form = await request.form()
    try:
        since = date.fromisoformat(str(form.get("since", "")))
    except ValueError:
        raise InvalidInput("since: give the date as YYYY-MM-DD.") from None
    service.set_team_stage(db_session=db, actor=user, team=team,
                           stage=str(form.get("stage", "")), since=since)
    return RedirectResponse("/reskilling#teams", status_code=303)
