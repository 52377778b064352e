"""Role pages: catalogue, detail with version history and diff, create/edit form, YAML import
and export. The JSON API lives in roles/api.py and is included here."""

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from searchlight import navigation
from searchlight.analytics.service import may_read_role
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.deps import CurrentUser, DbSession, PostedForm, SettingsDep
from searchlight.errors import DomainError, PayloadTooLarge
from searchlight.i18n import N_, _, current_locale
from searchlight.roles import api, forms, service
from searchlight.roles.diff import diff_profiles
from searchlight.roles.labels import field_label, form_field_label
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleProfile, dimension_hint, dimension_title
from searchlight.roles.yaml_io import dump_document, dump_documents, parse_documents
from searchlight.taxonomy import service as taxonomy
from searchlight.web import is_htmx, render

router = APIRouter(tags=["roles"])
navigation.register(navigation.Entry(path="/roles", label=N_("Roles"), permission="roles:read",
                                     order=10))
router.include_router(api.router)
YAML_MEDIA_TYPE = "application/yaml; charset=utf-8"


@dataclass(frozen=True)
class CatalogueRow:
    role: Role
    items: int
    must_haves: int


def _dimension_helpers() -> dict[str, Any]:
    locale = current_locale.get()
    return {"dimension_title": lambda key: dimension_title(key, locale),
            "dimension_hint": lambda key: dimension_hint(key, locale),
            "field_label": field_label,
            "form_field_label": lambda name: form_field_label(name, locale)}


def _catalogue(request: Request, db: Session, user: User, status_code: int = 200,
               **context: Any) -> Response:
    profiles = service.current_profiles(db_session=db)
    rows = [CatalogueRow(role, *service.item_counts(profiles[role.id]))
            for role in service.list_roles(db_session=db)]
    return render(request, "roles/list.html", status_code=status_code, rows=rows,
                  can_write=allowed(user, "roles:write"), **context)


@router.get("/roles", include_in_schema=False)
def catalogue(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "roles:read")
    return _catalogue(request, db, user)


def _read_upload(upload: UploadFile, limit: int) -> str:
    content = upload.file.read(limit + 1)
    if len(content) > limit:
        raise PayloadTooLarge("The upload is larger than allowed.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PayloadTooLarge("The file is not UTF-8 text.") from None


@router.post("/roles/import", include_in_schema=False)
def import_yaml(
    request: Request, db: DbSession, user: CurrentUser, settings: SettingsDep,
    file: Annotated[UploadFile, File()],
) -> Response:
    require(user, "roles:write")
    try:
        text = _read_upload(file, settings.max_upload_bytes)
        documents = parse_documents(text, source=file.filename or "YAML")
        with db.begin_nested():
            results = [service.save_document(db_session=db, actor=user, document=d)
                       for d in documents]
    except DomainError as error:
        return _catalogue(request, db, user, status_code=422, import_error=error.message)
    return _catalogue(request, db, user, import_results=results)


def _yaml_download(text: str, filename: str) -> Response:
    return Response(text, media_type=YAML_MEDIA_TYPE,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/roles/export.yaml", include_in_schema=False)
def export_all(db: DbSession, user: CurrentUser) -> Response:
    require(user, "roles:read")
    documents = [service.document_of(role, service.get_current_version(
        db_session=db, role_id=role.id)) for role in service.list_roles(db_session=db)]
    return _yaml_download(dump_documents(documents), "searchlight-roles.yaml")


def _form_context(db: Session, state: dict[str, Any]) -> dict[str, Any]:
    refs = {ref for d in state["dimensions"] for i in d["items"]
            for ref in forms.split_refs(i["skills"])}
    skills = taxonomy.skills_by_key(db_session=db, keys=refs)
    locale = current_locale.get()
    return {"skill_labels": {k: s.label(locale) for k, s in skills.items()},
            "hiring_managers": service.hiring_managers(db_session=db), **_dimension_helpers()}


def _render_form(
    request: Request, db: Session, *, role: Role | None, state: dict[str, Any],
    hiring_manager_id: int | None, errors: dict[str, str] | None = None, change_note: str = "",
    focus: str | None = None, status_code: int = 200,
) -> Response:
    # HTMX does not swap 4xx responses, so a form with errors goes back to it as a 200.
    status_code = 200 if is_htmx(request) else status_code
    return render(request, "roles/form.html", partial="roles/_form.html", status_code=status_code,
                  role=role, state=state, errors=errors or {}, change_note=change_note,
                  hiring_manager_id=hiring_manager_id, focus=focus, **_form_context(db, state))


@router.get("/roles/new", include_in_schema=False)
def new_role(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "roles:write")
    state = forms.profile_to_form(service.empty_profile())
    for dimension in state["dimensions"]:
        dimension["items"].append(forms.blank_item())
    return _render_form(request, db, role=None, state=state, hiring_manager_id=None)


def _resolve_skills(db: Session, state: dict[str, Any]) -> tuple[dict[str, list[str]],
                                                                  dict[str, str]]:
    keys: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for dimension in state["dimensions"]:
        for index, item in enumerate(dimension["items"]):
            name = f"{dimension['key']}.items.{index}.skills"
            found, unknown = taxonomy.resolve_skill_refs(
                db_session=db, refs=forms.split_refs(item["skills"]))
            keys[name] = found
            if unknown:
                errors[name] = _("Unknown skill: {names}. Search the skills page for the right "
                                 "name.", names=", ".join(unknown))
    return keys, errors


def _stale_edit(base_version: Any, role: Role | None) -> dict[str, str]:
    """Someone saved a newer version since this form was opened: say so instead of silently
    overwriting their work. The form is re-rendered on the newest version, so saving again
    after checking their changes goes through."""
    if role is None or not isinstance(base_version, str) or not base_version.isdigit():
        return {}
    if int(base_version) == role.current_version:
        return {}
    return {"form": _("Someone else saved version {n} while you were editing. Check their "
                      "changes in the version history; save again to keep yours.",
                      n=role.current_version)}


def _hiring_manager_id(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _submit(request: Request, db: Session, user: User, role: Role | None,
            form: FormData) -> Response:
    """Shared by create and edit: add/remove rows, or validate and save."""
    state = forms.form_to_state(form)
    if role is not None:
        state["key"] = role.key  # the key is fixed once a role exists
    manager_id = _hiring_manager_id(form.get("hiring_manager_id"))
    note = str(form.get("change_note", "")).strip()
    action = str(form.get("action", "save"))
    if action != "save":
        focus = forms.apply_action(state, action)
        return _render_form(request, db, role=role, state=state, hiring_manager_id=manager_id,
                            change_note=note, focus=focus)
    skill_keys, errors = _resolve_skills(db, state)
    data = forms.state_to_data(state, skill_keys)
    weights_kept = role is not None and forms.keep_unchanged_weights(data, service.get_version(
        db_session=db, role_id=role.id, number=role.current_version).profile)
    profile, problems = forms.validate(state, data)
    errors = {**_stale_edit(form.get("base_version"), role), **problems, **errors}
    if role is None and profile is not None and db.scalar(
            select(Role.id).where(Role.key == profile.key)) is not None:
        errors["key"] = _("A role with this key already exists.")
    if errors or profile is None:
        return _render_form(request, db, role=role, state=state, hiring_manager_id=manager_id,
                            errors=errors, change_note=note, status_code=422)
    try:
        with db.begin_nested():
            saved = _save(db, user, role, profile, manager_id, note)
    except DomainError as error:
        # Rendered here, in the open session, so the form keeps what was typed.
        field = "hiring_manager_id" if error.message.startswith("hiring_manager") else "form"
        return _render_form(request, db, role=role, state=state, hiring_manager_id=manager_id,
                            errors={field: _(error.message)}, change_note=note, status_code=422)
    target = f"/roles/{saved.key}?saved={saved.current_version}"
    entered = sum(d.weight for d in profile.dimensions)
    if not weights_kept and abs(entered - 100) > 0.5:  # said with the shares they became
        target += f"&rescaled={entered:g}"
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _save(db: Session, user: User, role: Role | None, profile: RoleProfile,
          manager_id: int | None, note: str) -> Role:
    if role is None:
        return service.create_role(db_session=db, actor=user, profile=profile,
                                   hiring_manager_id=manager_id, change_note=note)
    service.update_role(db_session=db, actor=user, role=role, profile=profile,
                        hiring_manager_id=manager_id, change_note=note)
    return role


@router.post("/roles/new", include_in_schema=False)
def create_role(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "roles:write")
    return _submit(request, db, user, None, form)


@router.get("/roles/{key}", include_in_schema=False)
def role_detail(
    request: Request, db: DbSession, user: CurrentUser, key: str, version: int = 0,
    saved: int = 0, rescaled: float | None = None,
) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    shown = service.get_version(db_session=db, role_id=role.id,
                                number=version or role.current_version)
    profile = service.profile_of(shown)
    skills = taxonomy.skills_by_key(db_session=db, keys=profile.skill_keys())
    versions = service.versions_of(db_session=db, role_id=role.id)
    return render(request, "roles/detail.html", role=role, version=shown, profile=profile,
                  versions=versions, skills=skills, saved=saved, rescaled=rescaled,
                  can_write=allowed(user, "roles:write"), total_weight=_total_weight(profile),
                  can_benchmark=may_read_role(user, role), **_dimension_helpers())


def _total_weight(profile: RoleProfile) -> float:
    return sum(d.weight for d in profile.dimensions)


@router.get("/roles/{key}/diff", include_in_schema=False)
def role_diff(
    request: Request, db: DbSession, user: CurrentUser, key: str, old: int = 0, new: int = 0
) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    new = new or role.current_version
    old = old or max(new - 1, 1)
    before = service.profile_of(service.get_version(db_session=db, role_id=role.id, number=old))
    after = service.profile_of(service.get_version(db_session=db, role_id=role.id, number=new))
    versions = service.versions_of(db_session=db, role_id=role.id)
    return render(request, "roles/diff.html", partial="roles/_diff.html", role=role, old=old,
                  new=new, changes=diff_profiles(before, after), versions=versions,
                  **_dimension_helpers())


@router.post("/roles/{key}/status", include_in_schema=False)
def set_status(request: Request, db: DbSession, user: CurrentUser, key: str,
               form: PostedForm) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key, write=True)
    service.set_active(db_session=db, actor=user, role=role, active=form.get("active") == "1")
    return RedirectResponse(f"/roles/{key}", status_code=303)


@router.get("/roles/{key}/export.yaml", include_in_schema=False)
def export_role(db: DbSession, user: CurrentUser, key: str, version: int = 0) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    chosen = service.get_version(db_session=db, role_id=role.id,
                                 number=version or role.current_version)
    text = dump_document(service.document_of(role, chosen),
                         header=f"Searchlight role {key}, version {chosen.number}")
    return _yaml_download(text, f"{key}-v{chosen.number}.yaml")


@router.get("/roles/{key}/edit", include_in_schema=False)
def edit_role(request: Request, db: DbSession, user: CurrentUser, key: str) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key, write=True)
    current = service.get_current_version(db_session=db, role_id=role.id)
    return _render_form(request, db, role=role, state=forms.profile_to_form(current.profile),
                        hiring_manager_id=role.hiring_manager_id)


@router.post("/roles/{key}/edit", include_in_schema=False)
def update_role(request: Request, db: DbSession, user: CurrentUser, key: str,
                form: PostedForm) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key, write=True)
    return _submit(request, db, user, role, form)

