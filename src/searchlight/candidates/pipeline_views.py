"""Kanban boards per role, stage moves (drag and drop, keyboard, or a plain form post) and
adding a candidate to a role's pipeline."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates import pipeline, service
from searchlight.candidates.forms import text
from searchlight.candidates.models import Application
from searchlight.candidates.profile import render_profile
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import InvalidInput
from searchlight.i18n import _, current_locale
from searchlight.roles.models import Role
from searchlight.web import is_htmx, render

router = APIRouter()


def _safe_next(target: str, fallback: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else fallback


@router.get("/board", include_in_schema=False)
def board_index(request: Request, db: DbSession, user: CurrentUser) -> Response:
    roles = pipeline.roles_with_counts(db_session=db, user=user)
    return render(request, "candidates/boards.html", roles=roles)


def _render_board(request: Request, db: Session, user: User, role: Role, *, status: int = 200,
                  announcement: str = "", error: str = "", moved_id: int | None = None
                  ) -> Response:
    columns = pipeline.board(db_session=db, user=user, role=role)
    shown = [card.candidate_id for column in columns for card in column.cards]
    return render(
        request, "candidates/board.html", partial="candidates/_board.html", status_code=status,
        role=role, columns=columns, announcement=announcement, error=error, moved_id=moved_id,
        days_between=pipeline.days_between, can_move=allowed(user, "pipeline:move"),
        can_add_stage=allowed(user, "roles:write"), cap=pipeline.CARDS_PER_COLUMN,
        stage_names={c.stage.key: c.stage.name(current_locale.get()) for c in columns},
        scores=pipeline.screening_scores(db_session=db, role=role, candidate_ids=shown),
    )


def _moved_message(application: Application, stage_name: str) -> str:
    return _("{name} moved to {stage}.", name=application.candidate.display_name, stage=stage_name)


@router.get("/board/{role_key}", include_in_schema=False)
def role_board(request: Request, db: DbSession, user: CurrentUser, role_key: str,
               moved: int | None = None) -> Response:
    role = pipeline.role_by_key(db_session=db, key=role_key)
    announcement = ""
    if moved is not None:
        application = db.get(Application, moved)
        if application is not None and application.role_id == role.id:
            stages = pipeline.stages_for_role(db_session=db, role=role)
            names = {s.key: s.name(current_locale.get()) for s in stages}
            announcement = _moved_message(application, names.get(application.stage_key, ""))
    return _render_board(request, db, user, role, announcement=announcement, moved_id=moved)


@router.post("/applications/{application_id:int}/stage", include_in_schema=False)
def move_application(request: Request, db: DbSession, user: CurrentUser, application_id: int,
                     form: PostedForm) -> Response:
    application = pipeline.get_application_for_user(
        db_session=db, user=user, application_id=application_id, permission="pipeline:move")
    role = application.role
    board_url = f"/board/{role.key}"
    next_url = _safe_next(text(form, "next"), board_url)
    try:
        change = pipeline.move_stage(db_session=db, actor=user, application=application,
                                     to_stage=text(form, "stage"), reason=text(form, "reason"))
    except InvalidInput as problem:
        if not is_htmx(request) and next_url != board_url:
            return render_profile(request, db, user, application.candidate, status_code=422,
                                  errors={f"move-{application.id}": _(problem.message)})
        return _render_board(request, db, user, role, status=422, error=_(problem.message),
                             moved_id=application.id)
    if not is_htmx(request):
        if next_url == board_url:  # the board says what moved, for screen readers too
            next_url = f"{board_url}?moved={application.id}"
        return RedirectResponse(next_url, status_code=303)
    stages = {s.key: s for s in pipeline.stages_for_role(db_session=db, role=role)}
    stage_name = stages[change.to_stage].name(current_locale.get())
    return _render_board(request, db, user, role, announcement=_moved_message(
        application, stage_name), moved_id=application.id)


@router.post("/candidates/{candidate_id:int}/applications", include_in_schema=False)
def add_application(db: DbSession, user: CurrentUser, candidate_id: int,
                    form: PostedForm) -> Response:
    candidate = service.get_candidate_for_user(
        db_session=db, user=user, candidate_id=candidate_id, permission="candidates:write")
    role = pipeline.role_by_key(db_session=db, key=text(form, "role_key"))
    pipeline.apply_to_role(db_session=db, actor=user, candidate=candidate, role=role,
                           stage_key=text(form, "stage") or None)
    return RedirectResponse(f"/candidates/{candidate.id}#applications", status_code=303)


@router.post("/board/{role_key}/stages", include_in_schema=False)
def add_stage(db: DbSession, user: CurrentUser, role_key: str, form: PostedForm) -> Response:
    require(user, "roles:write", target=f"role:{role_key}")
    role = pipeline.role_by_key(db_session=db, key=role_key)
    pipeline.add_stage(db_session=db, actor=user, role=role, name_en=text(form, "name_en"),
                       name_nl=text(form, "name_nl"), before=text(form, "before") or None)
    return RedirectResponse(f"/board/{role.key}", status_code=303)
