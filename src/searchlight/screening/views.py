from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight import jobs, navigation
from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates.models import Application
from searchlight.candidates.pipeline import stages_for_role
from searchlight.deps import CurrentUser, DbSession, SettingsDep
from searchlight.errors import InvalidInput, NotFound, PayloadTooLarge
from searchlight.home import panels
from searchlight.i18n import N_, _, current_locale, ngettext
from searchlight.roles.models import Role
from searchlight.roles.schemas import dimension_title
from searchlight.screening import charts, exports, rechecks, wording
from searchlight.screening import panels as home_panels
from searchlight.screening.access import (
    get_batch_for_user,
    get_recheck_for_user,
    get_result_for_user,
    get_shortlist_for_user,
    visible_role_ids,
)
from searchlight.screening.batches import create_batch, progress, results_of
from searchlight.screening.jobs import copies_for, unranked
from searchlight.screening.models import ScreeningBatch, ScreeningResult
from searchlight.screening.ranking import (
    ShortlistFilters,
    current_version,
    move_to_pipeline,
    reveal_identity,
    shortlist,
    with_explanation,
)
from searchlight.screening.score.scoring import DIMENSIONS
from searchlight.taxonomy.service import skills_by_key
from searchlight.web import is_htmx, render, templates

router = APIRouter(prefix="/screening", tags=["screening"],
                   include_in_schema=False)
templates.globals.update(file_problem=wording.file_problem, reason_text=wording.reason,
                         flag_text=wording.flag_text)
navigation.register(navigation.Entry(path="/screening", label=N_("Screening"),
                                     permission="screening:read",
                                     order=40))
panels.register(panels.Panel(key="screening.batches", template="screening/_home_batches.html",
                             context=home_panels.running_batches, permission="screening:run",
                             order=30))
panels.register(panels.Panel(key="screening.shortlists", template="screening/_home_shortlists.html",
                             context=home_panels.shortlists, roles=frozenset({"hiring_manager"}),
                             order=5))


def _labels() -> dict[str, str]:
    return {key: dimension_title(key, current_locale.get()) for key in DIMENSIONS}


@router.get("")
def index(request: Request, db: DbSession, user: CurrentUser) -> Response:
    visible = visible_role_ids(db_session=db, user=user)
    role_query = select(Role).where(Role.is_active).order_by(Role.title_en)
    batch_query = select(ScreeningBatch).order_by(ScreeningBatch.id.desc()).limit(10)
    if visible is not None:
        role_query = role_query.where(Role.id.in_(visible))
        batch_query = batch_query.where(ScreeningBatch.role_id.in_(visible))
    roles = db.scalars(role_query).all()
    screened = dict(db.execute(select(ScreeningResult.role_id, func.count(
        ScreeningResult.analysis_id.distinct())).group_by(ScreeningResult.role_id)).tuples().all())
    batches = db.scalars(batch_query).all()
    return render(request, "screening/index.html", roles=roles, screened=screened,
                  batches=batches, role_titles={r.id: r.title(current_locale.get()) for r in roles})


@router.post("/batches")
def upload(
    request: Request, db: DbSession, user: CurrentUser, settings: SettingsDep,
    role_key: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()],
) -> Response:
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key,
                                  permission="screening:run")
    uploads = []
    for upload in files:
        data = upload.file.read()
        if len(data) > settings.max_batch_upload_bytes:
            raise PayloadTooLarge("The upload is larger than allowed.")
        if upload.filename:
            uploads.append((upload.filename, data))
    if not uploads:
        raise InvalidInput("Choose one or more CV files or a ZIP to screen.")
    batch = create_batch(db_session=db, role=role, actor=user, uploads=uploads, settings=settings)
    jobs.defer(db_session=db, task_name="screening.screen_batch", batch_id=batch.id,
               copies=copies_for(len(batch.files)))
    return RedirectResponse(f"/screening/batches/{batch.id}", status_code=303)


def _batch_context(db: DbSession, batch: ScreeningBatch) -> dict[str, Any]:
    return {"batch": batch, "progress": progress(db_session=db, batch=batch),
            "role": db.get(Role, batch.role_id)}


@router.get("/batches/{batch_id}")
def batch_page(request: Request, db: DbSession, user: CurrentUser, batch_id: int) -> Response:
    batch = get_batch_for_user(db_session=db, user=user, batch_id=batch_id)
    return render(request, "screening/batch.html", partial="screening/_batch_progress.html",
                  results=results_of(db_session=db, batch=batch), **_batch_context(db, batch))


def _filters(min_score: str, needs_check: str, flagged: str,
             language: str) -> tuple[ShortlistFilters, str]:
    """The shortlist filters, and a message when the minimum score is not a number 0-100 (the
    page then shows it next to the field and filters without it)."""
    def flag(value: str) -> bool | None:
        return {"yes": True, "no": False}.get(value)

    score: float | None = None
    problem = ""
    if min_score.strip():
        try:
            score = float(min_score.strip().replace(",", "."))
        except ValueError:
            problem = _("The minimum score must be a number from 0 to 100, for example 60.")
        else:
            if not 0 <= score <= 100:
                score, problem = None, _("The minimum score must be a number from 0 to 100, "
                                         "for example 60.")
    return ShortlistFilters(min_score=score, needs_check=flag(needs_check),
                            flagged=flag(flagged), language=language or None), problem


def _render_shortlist(request: Request, db: Session, user: User, role: Role,
                      filters: ShortlistFilters, *, status: int = 200, filter_error: str = "",
                      compare_error: str = "", raw_min_score: str = "") -> Response:
    waiting = unranked(db_session=db, role=role)  # re-ranked by a job after a profile edit
    results = shortlist(db_session=db, user=user, role=role, filters=filters)
    version = current_version(db_session=db, role=role)
    run = rechecks.latest_run(db_session=db, role=role)
    return render(request, "screening/shortlist.html", status_code=status, role=role,
                  version=version, results=results, labels=_labels(), dimensions=DIMENSIONS,
                  waiting=waiting, filters=filters, run=run,
                  run_progress=rechecks.progress(run) if run else None,
                  recheck_unavailable=rechecks.unavailable_reason(db_session=db),
                  max_top=rechecks.MAX_TOP, default_top=rechecks.DEFAULT_TOP,
                  can_recheck=allowed(user, "screening:run"),
                  stages=stages_for_role(db_session=db, role=role),
                  query=request.url.query, filter_error=filter_error, compare_error=compare_error,
                  raw_min_score=raw_min_score)


@router.get("/roles/{role_key}")
def role_shortlist(
    request: Request, db: DbSession, user: CurrentUser, role_key: str,
    min_score: str = "", needs_check: str = "", flagged: str = "", language: str = "",
) -> Response:
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key)
    filters, problem = _filters(min_score, needs_check, flagged, language)
    return _render_shortlist(request, db, user, role, filters, status=422 if problem else 200,
                             filter_error=problem, raw_min_score=min_score)


@router.post("/roles/{role_key}/recheck")
def start_recheck(db: DbSession, user: CurrentUser, role_key: str,
                  top: Annotated[int, Form()] = rechecks.DEFAULT_TOP) -> Response:
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key,
                                  permission="screening:run")
    run = rechecks.start(db_session=db, user=user, role=role, top=top)
    jobs.defer(db_session=db, task_name="screening.recheck_shortlist", run_id=run.id)
    return RedirectResponse(f"/screening/roles/{role.key}#recheck", status_code=303)


@router.get("/rechecks/{recheck_id}")
def recheck_progress(request: Request, db: DbSession, user: CurrentUser,
                     recheck_id: int) -> Response:
    run = get_recheck_for_user(db_session=db, user=user, run_id=recheck_id)
    role = db.get_one(Role, run.role_id)
    if not is_htmx(request):
        return RedirectResponse(f"/screening/roles/{role.key}#recheck", status_code=303)
    return render(request, "screening/_recheck_progress.html", run=run, role=role,
                  run_progress=rechecks.progress(run))


@router.get("/roles/{role_key}/compare")
def compare(request: Request, db: DbSession, user: CurrentUser, role_key: str,
            ids: Annotated[list[int], Query()] = []) -> Response:  # noqa: B006 - FastAPI copies
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key)
    if not 2 <= len(ids) <= 3:
        message = ngettext("You ticked {n} candidate; tick two or three to compare them.",
                           "You ticked {n} candidates; tick two or three to compare them.",
                           len(ids))
        return _render_shortlist(request, db, user, role, ShortlistFilters(), status=422,
                                 compare_error=message)
    results = [get_result_for_user(db_session=db, user=user, result_id=i) for i in ids]
    if any(result.role_id != role.id for result in results):
        raise NotFound("This screening result does not exist.")
    for result in results:
        with_explanation(db_session=db, result=result)
    return render(request, "screening/compare.html", role=role, results=results,
                  labels=_labels(), dimensions=DIMENSIONS)


@router.get("/roles/{role_key}/export.csv")
def export_csv(db: DbSession, user: CurrentUser, role_key: str) -> Response:
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key)
    results = shortlist(db_session=db, user=user, role=role, limit=10_000)
    return Response(exports.shortlist_csv(results, role), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{role.key}.csv"'})


@router.get("/roles/{role_key}/export.pdf")
def export_pdf(db: DbSession, user: CurrentUser, role_key: str) -> Response:
    role = get_shortlist_for_user(db_session=db, user=user, role_key=role_key)
    results = shortlist(db_session=db, user=user, role=role, limit=500)
    return Response(exports.shortlist_pdf(results, role, _labels(), current_locale.get()),
                    media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{role.key}.pdf"'})


@router.get("/results/{result_id}")
def result_page(request: Request, db: DbSession, user: CurrentUser, result_id: int) -> Response:
    result = get_result_for_user(db_session=db, user=user, result_id=result_id)
    with_explanation(db_session=db, result=result)
    role = db.get_one(Role, result.role_id)
    weights = {k: float(v["weight"]) for k, v in result.dimensions.items()}
    stages = stages_for_role(db_session=db, role=role)
    found = skills_by_key(db_session=db, keys=[s["key"] for s in result.analysis.skills])
    check = rechecks.latest_check(db_session=db, result=result)
    return render(
        request, "screening/result.html", result=result, role=role, labels=_labels(),
        dimensions=DIMENSIONS, axes=charts.radar_axes(_labels()), rings=charts.rings(),
        candidate_points=charts.radar_polygon(
            {k: v["score"] for k, v in result.dimensions.items()}),
        profile_points=charts.radar_polygon(charts.profile_values(weights)),
        stages=stages, stage_names={s.key: s.name(current_locale.get()) for s in stages},
        skill_names={key: skill.label(current_locale.get()) for key, skill in found.items()},
        check=check, verdicts=rechecks.verdict_lookup(check),
    )


@router.post("/results/{result_id}/reveal")
def reveal(db: DbSession, user: CurrentUser, result_id: int) -> Response:
    result = get_result_for_user(db_session=db, user=user, result_id=result_id,
                                 permission="identity:reveal")
    reveal_identity(db_session=db, user=user, result=result)
    return RedirectResponse(f"/screening/results/{result_id}", status_code=303)


@router.post("/results/{result_id}/pipeline")
def to_pipeline(db: DbSession, user: CurrentUser, result_id: int,
                stage_key: Annotated[str, Form()]) -> Response:
    result = get_result_for_user(db_session=db, user=user, result_id=result_id,
                                 permission="pipeline:move")
    role = db.get_one(Role, result.role_id)
    existing = db.scalar(select(Application).where(
        Application.candidate_id == result.candidate_id, Application.role_id == role.id)
    ) if result.candidate_id is not None else None
    if existing is not None:  # said on the page: nothing was moved
        return RedirectResponse(f"/screening/results/{result_id}?already={existing.stage_key}",
                                status_code=303)
    move_to_pipeline(db_session=db, user=user, result=result, role=role, stage_key=stage_key)
    return RedirectResponse(f"/screening/results/{result_id}?moved={stage_key}", status_code=303)
