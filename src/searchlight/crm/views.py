"""CRM pages: activities and tags on a candidate, talent pools, and the sources registry."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.candidates import listing
from searchlight.candidates.forms import text
from searchlight.candidates.profile import render_profile
from searchlight.candidates.service import get_candidate_for_user
from searchlight.crm import panels as home_panels
from searchlight.crm import service
from searchlight.crm.models import SOURCE_KINDS, SOURCE_LANGUAGES
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import DomainError, InvalidInput
from searchlight.home import panels
from searchlight.i18n import N_, _
from searchlight.roles.models import Role
from searchlight.web import render

router = APIRouter(tags=["crm"])
navigation.register(navigation.Entry(path="/pools", label=N_("Talent pools"),
                                     permission="candidates:read_all",
                                     order=30))
panels.register(panels.Panel(key="crm.pools", template="crm/_home_pools.html",
                             context=home_panels.talent_pools, permission="candidates:read_all",
                             order=40))


def _back(target: str, fallback: str) -> RedirectResponse:
    safe = target if target.startswith("/") and not target.startswith("//") else fallback
    return RedirectResponse(safe, status_code=303)


@router.post("/candidates/{candidate_id:int}/activities", include_in_schema=False)
def add_activity(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                 form: PostedForm) -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="crm:write")
    try:
        service.add_activity(db_session=db, actor=user, candidate=candidate,
                             kind=text(form, "kind") or "note", body=text(form, "body"))
    except InvalidInput as problem:  # checked before anything is written
        return render_profile(request, db, user, candidate, status_code=422,
                              errors={"activity": _(problem.message)})
    return RedirectResponse(f"/candidates/{candidate.id}#timeline", status_code=303)


@router.post("/candidates/{candidate_id:int}/tags", include_in_schema=False)
def change_tags(db: DbSession, user: CurrentUser, candidate_id: int,
                form: PostedForm) -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="crm:write")
    service.change_tags(db_session=db, actor=user, candidate=candidate,
                        names=service.parse_tags(text(form, "tags")))
    return RedirectResponse(f"/candidates/{candidate.id}#tags", status_code=303)


@router.get("/pools", include_in_schema=False)
def pool_list(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "candidates:read")
    return render(request, "crm/pools.html", pools=service.pools_with_counts(db_session=db),
                  can_write=allowed(user, "crm:write"), errors={}, values={})


@router.post("/pools", include_in_schema=False)
def create_pool(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "crm:write")
    values = {"name": text(form, "name"), "description": text(form, "description")}
    try:
        pool = service.create_pool(db_session=db, actor=user, **values)
    except DomainError as problem:
        return render(request, "crm/pools.html", status_code=problem.status_code,
                      pools=service.pools_with_counts(db_session=db), can_write=True,
                      errors={"name": _(problem.message)}, values=values)
    return RedirectResponse(f"/pools/{pool.id}", status_code=303)


@router.get("/pools/{pool_id:int}", include_in_schema=False)
def pool_detail(request: Request, db: DbSession, user: CurrentUser, pool_id: int) -> Response:
    require(user, "candidates:read")
    pool = service.get_pool(db_session=db, pool_id=pool_id)
    page = listing.list_candidates(
        db_session=db, user=user, filters=listing.CandidateFilters(pool=pool.id, sort="name"),
        after=request.query_params.get("after"), before=request.query_params.get("before"))
    return render(request, "crm/pool.html", pool=pool, page=page,
                  can_write=allowed(user, "crm:write"))


@router.post("/pools/members", include_in_schema=False)
def add_member(db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "crm:write")
    pool_id, candidate_id = text(form, "pool_id"), text(form, "candidate_id")
    if not pool_id.isdigit() or not candidate_id.isdigit():
        raise InvalidInput("Choose a pool and a candidate.")
    pool = service.get_pool(db_session=db, pool_id=int(pool_id))
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=int(candidate_id),
                                       permission="crm:write")
    service.add_to_pool(db_session=db, actor=user, pool=pool, candidate=candidate)
    return _back(text(form, "next"), f"/pools/{pool.id}")


@router.post("/pools/{pool_id:int}/members/{candidate_id:int}/remove", include_in_schema=False)
def remove_member(db: DbSession, user: CurrentUser, pool_id: int, candidate_id: int,
                  form: PostedForm) -> Response:
    pool = service.get_pool(db_session=db, pool_id=pool_id)
    get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                           permission="crm:write")
    service.remove_from_pool(db_session=db, actor=user, pool=pool, candidate_id=candidate_id)
    return _back(text(form, "next"), f"/pools/{pool.id}")


def _sources_page(request: Request, db: DbSession, user: CurrentUser, *, status_code: int = 200,
                  errors: dict[str, str] | None = None,
                  values: dict[str, str] | None = None) -> Response:
    return render(request, "crm/sources.html", status_code=status_code,
                  sources=service.all_sources(db_session=db),
                  spent=service.source_costs(db_session=db),
                  roles=list(db.scalars(select(Role).order_by(Role.key))),
                  can_manage=allowed(user, "sources:manage"), kinds=SOURCE_KINDS,
                  languages=SOURCE_LANGUAGES, errors=errors or {}, values=values or {})


@router.get("/sources", include_in_schema=False)
def source_list(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "candidates:read")
    return _sources_page(request, db, user)


@router.post("/sources", include_in_schema=False)
def create_source(request: Request, db: DbSession, user: CurrentUser,
                  form: PostedForm) -> Response:
    require(user, "sources:manage")
    values = {name: text(form, name)
              for name in ("name", "kind", "language", "specialisation", "website")}
    try:
        service.create_source(db_session=db, actor=user, **values)
    except DomainError as problem:
        field = str(problem.detail.get("field", "name"))
        return _sources_page(request, db, user, status_code=problem.status_code,
                             errors={field: _(problem.message)}, values=values)
    return RedirectResponse("/sources", status_code=303)


@router.post("/sources/costs", include_in_schema=False)
def add_source_cost(request: Request, db: DbSession, user: CurrentUser,
                    form: PostedForm) -> Response:
    require(user, "sources:manage")
    values = {name: text(form, name) for name in ("source", "amount", "spent_on", "role", "note")}
    try:
        source = service.get_source(db_session=db, key=values["source"])
        role_id = int(values["role"]) if values["role"].isdigit() else None
        service.add_source_cost(db_session=db, actor=user, source=source,
                                amount=values["amount"], spent_on=values["spent_on"],
                                role_id=role_id, note=values["note"])
    except DomainError as problem:
        field = "cost_" + str(problem.detail.get("field", "amount"))
        return _sources_page(request, db, user, status_code=problem.status_code,
                             errors={field: _(problem.message)}, values=values)
    return RedirectResponse("/sources", status_code=303)
