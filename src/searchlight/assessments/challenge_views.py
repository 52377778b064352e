"""Challenge pages: the library per role, writing a challenge (questions, rubric items with
level descriptions, anchor and reference answers), duplicate, archive, YAML import and
export. Thin: parse, call assessments.authoring, render."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from searchlight.assessments import authoring, forms, service
from searchlight.assessments.models import AssessmentChallenge
from searchlight.assessments.yaml_io import MAX_YAML_BYTES, ChallengeYamlError
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import Forbidden, InvalidInput
from searchlight.i18n import _, current_locale
from searchlight.roles.schemas import DIMENSION_KEYS, dimension_title
from searchlight.web import is_htmx, render

router = APIRouter(tags=["assessments"])
BASE = "/assessments/challenges"


@router.get(BASE, include_in_schema=False)
def library(request: Request, db: DbSession, user: CurrentUser, archived: str = "",
            saved: str = "") -> Response:
    groups = authoring.challenges_by_role(db_session=db, user=user, archived=archived == "1")
    return render(request, "assessments/challenges.html", groups=groups,
                  archived=archived == "1", saved=saved,
                  may_author=bool(authoring.authorable_roles(db_session=db, user=user)) or
                  allowed(user, "assessments:author_all"))


@router.get(BASE + "/{challenge_id:int}", include_in_schema=False)
def challenge_page(request: Request, db: DbSession, user: CurrentUser, challenge_id: int,
                   saved: str = "") -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id)
    return render(request, "assessments/challenge.html", row=row,
                  challenge=service.document_of(row), saved=saved,
                  versions=service.versions_of(db_session=db, challenge=row),
                  in_use=service.in_use(db_session=db, challenge=row),
                  may_edit=authoring.may_edit(db_session=db, user=user, challenge=row),
                  dimension_title=dimension_title)


def _render_form(request: Request, db: Session, user: User, *, row: AssessmentChallenge | None,
                 state: dict[str, Any], errors: dict[str, str] | None = None,
                 focus: str | None = None, status_code: int = 200) -> Response:
    roles = authoring.authorable_roles(db_session=db, user=user)
    return render(request, "assessments/challenge_form.html", row=row, state=state,
                  errors=errors or {}, focus=focus, roles=roles,
                  dimensions=DIMENSION_KEYS, dimension_title=dimension_title,
                  in_use=row is not None and service.in_use(db_session=db, challenge=row),
                  field_label=forms.field_label,
                  status_code=200 if is_htmx(request) else status_code)


@router.get(BASE + "/new", include_in_schema=False)
def new_challenge(request: Request, db: DbSession, user: CurrentUser,
                  role: str = "") -> Response:
    require(user, authoring.AUTHOR, target="assessment_challenge:new")
    keys = [r.key for r in authoring.authorable_roles(db_session=db, user=user)]
    state = forms.empty_state(language="en" if current_locale.get() == "en" else "nl",
                              role_keys=[role] if role in keys else [])
    return _render_form(request, db, user, row=None, state=state)


@router.get(BASE + "/{challenge_id:int}/edit", include_in_schema=False)
def edit_challenge(request: Request, db: DbSession, user: CurrentUser,
                   challenge_id: int) -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id,
                                           permission=authoring.AUTHOR)
    return _render_form(request, db, user, row=row,
                        state=forms.document_to_state(service.document_of(row)))


def _submit(request: Request, db: Session, user: User, row: AssessmentChallenge | None,
            form: FormData) -> Response:
    state = forms.form_to_state(form)
    action = str(form.get("action", "save"))
    if action != "save":
        focus = forms.apply_action(state, action)
        return _render_form(request, db, user, row=row, state=state, focus=focus)
    forms.drop_blank_levels(state)
    data = forms.state_to_data(state)
    if row is not None:
        data["key"] = row.key
    elif not data["key"]:
        data["key"] = authoring.key_from_title(db_session=db, title=state["title"],
                                               language=state["language"] or "nl")
    challenge, errors = forms.validate(data)
    if challenge is None:
        return _render_form(request, db, user, row=row, state=state, errors=errors,
                            status_code=422)
    try:
        with db.begin_nested():
            if row is None:
                row = authoring.create_challenge(db_session=db, actor=user, challenge=challenge)
                outcome = "created"
            else:
                result = authoring.update_challenge(db_session=db, actor=user, row=row,
                                                    challenge=challenge)
                outcome = "version" if result.new_version else result.status
    except (InvalidInput, Forbidden) as error:
        if isinstance(error, Forbidden) and row is not None and not authoring.may_edit(
                db_session=db, user=user, challenge=row):
            raise
        field = str(error.detail.get("field", "role_keys"))
        return _render_form(request, db, user, row=row, state=state,
                            errors={field: _(error.message)}, status_code=422)
    target = f"{BASE}/{row.id}?saved={outcome}"
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.post(BASE + "/new", include_in_schema=False)
def create(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, authoring.AUTHOR, target="assessment_challenge:new")
    return _submit(request, db, user, None, form)


@router.post(BASE + "/{challenge_id:int}/edit", include_in_schema=False)
def update(request: Request, db: DbSession, user: CurrentUser, challenge_id: int,
           form: PostedForm) -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id,
                                           permission=authoring.AUTHOR)
    return _submit(request, db, user, row, form)


@router.post(BASE + "/{challenge_id:int}/duplicate", include_in_schema=False)
def duplicate(request: Request, db: DbSession, user: CurrentUser, challenge_id: int) -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id,
                                           permission=authoring.AUTHOR)
    copy = authoring.duplicate_challenge(db_session=db, actor=user, row=row)
    return RedirectResponse(f"{BASE}/{copy.id}/edit", status_code=303)


@router.post(BASE + "/{challenge_id:int}/archive", include_in_schema=False)
def archive(request: Request, db: DbSession, user: CurrentUser, challenge_id: int,
            archived: Annotated[str, Form()] = "yes") -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id,
                                           permission=authoring.AUTHOR)
    authoring.set_archived(db_session=db, actor=user, row=row, archived=archived == "yes")
    saved = "archived" if archived == "yes" else "restored"
    return RedirectResponse(f"{BASE}/{row.id}?saved={saved}", status_code=303)


@router.get(BASE + "/{challenge_id:int}/export.yaml", include_in_schema=False)
def export(request: Request, db: DbSession, user: CurrentUser, challenge_id: int) -> Response:
    row = authoring.get_challenge_for_user(db_session=db, user=user, challenge_id=challenge_id)
    return Response(authoring.export_yaml(row), media_type="application/yaml; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{row.key}.yaml"'})


# --- import -------------------------------------------------------------------------------

@router.get(BASE + "/import", include_in_schema=False)
def import_page(request: Request, user: CurrentUser) -> Response:
    require(user, authoring.AUTHOR, target="assessment_challenges:import")
    return render(request, "assessments/challenge_import.html", problems=[], text="")


@router.post(BASE + "/import", include_in_schema=False)
def import_upload(request: Request, db: DbSession, user: CurrentUser,
                  form: PostedForm) -> Response:
    require(user, authoring.AUTHOR, target="assessment_challenges:import")
    upload = form.get("file")
    text = str(form.get("text", ""))
    source = _("the text")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = upload.file.read(MAX_YAML_BYTES + 1)
        source = upload.filename
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _import_failed(request, [_("{file}: the file is not UTF-8 text.",
                                              file=source)], "")
    if not text.strip():
        return _import_failed(request, [_("Choose a YAML file or paste its text.")], text)
    try:
        with db.begin_nested():
            outcome = authoring.import_for_user(db_session=db, actor=user, text=text,
                                                source=source)
    except ChallengeYamlError as error:
        problems = error.detail.get("problems") or [error.message]
        return _import_failed(request, _translated(problems), text)  # type: ignore[arg-type]
    except (InvalidInput, Forbidden) as error:
        return _import_failed(request, [_(error.message)], text)
    first = outcome.results[0].challenge
    saved = "imported" if len(outcome.results) == 1 else f"imported-{len(outcome.results)}"
    if len(outcome.results) == 1:
        return RedirectResponse(f"{BASE}/{first.id}?saved={saved}", status_code=303)
    return RedirectResponse(f"{BASE}?saved={saved}", status_code=303)


def _import_failed(request: Request, problems: list[str], text: str) -> Response:
    return render(request, "assessments/challenge_import.html", problems=problems, text=text,
                  status_code=422)


def _translated(problems: list[str]) -> list[str]:
    """`file:3: questions[0].items: message` lines with the message in the reader's language
    where this form knows it (the location stays as it is)."""
    return [_translate_problem(line) for line in problems]


def _translate_problem(line: str) -> str:
    head, sep, msg = line.rpartition(": ")
    if not sep:
        return line
    for kind, needle in (("too_short", "should have at least"), ("missing", "Field required"),
                         ("extra_forbidden", "Extra inputs are not permitted"),
                         ("int_parsing", "Input should be a valid integer"),
                         ("literal_error", "Input should be "),
                         ("string_pattern_mismatch", "String should match pattern"),
                         ("value_error", "Value error")):
        if needle in msg:
            field = head.rsplit(": ", 1)[-1].replace("[", ".").replace("]", "")
            return f"{head}: {forms.message(kind, {}, field, msg)}"
    return line

