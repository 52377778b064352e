"""Candidate pages: the list, the profile, the create and edit forms, documents and merging."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates import api, duplicates, identity, listing, pipeline_views, service
from searchlight.candidates import panels as home_panels
from searchlight.candidates.documents import ACCEPT, document_path, store_document
from searchlight.candidates.forms import (
    candidate_values,
    check_cv,
    parse_candidate,
    text,
    upload,
)
from searchlight.candidates.models import Candidate, Document
from searchlight.candidates.pipeline import DEFAULT_STAGES, visible_roles
from searchlight.candidates.profile import render_profile
from searchlight.crm import service as crm_service
from searchlight.deps import CurrentUser, DbSession, PostedForm, SettingsDep
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.home import panels
from searchlight.i18n import N_, _, current_locale
from searchlight.web import render

router = APIRouter(tags=["candidates"])
navigation.register(navigation.Entry(path="/candidates", label=N_("Candidates"),
                                     permission="candidates:read",
                                     order=20))
navigation.register(navigation.Entry(path="/board", label=N_("Pipelines"),
                                     permission="candidates:read",
                                     order=25))
panels.register(panels.Panel(key="candidates.new_applications",
                                     template="candidates/_home_new.html",
                             context=home_panels.new_applications, permission="candidates:read",
                             order=10))
panels.register(panels.Panel(key="candidates.waiting", template="candidates/_home_waiting.html",
                             context=home_panels.waiting_per_stage, permission="candidates:read",
                             order=20))
router.include_router(pipeline_views.router)
router.include_router(api.router)


def _filters(request: Request) -> listing.CandidateFilters:
    """Read by hand: a damaged link (e.g. pool=abc) shows all candidates, not an error page."""
    params = request.query_params

    def number(name: str) -> int | None:
        value = params.get(name, "")
        return int(value) if value.isdigit() else None

    return listing.CandidateFilters(
        q=params.get("q", "").strip()[:100], source=params.get("source", ""),
        tag=params.get("tag", ""), pool=number("pool"), role=params.get("role", ""),
        stage=params.get("stage", ""), owner=number("owner"),
        sort=params.get("sort", "newest"),
    )


@router.get("/candidates", include_in_schema=False)
def candidate_list(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "candidates:read")
    filters = _filters(request)
    page = listing.list_candidates(
        db_session=db, user=user, filters=filters, after=request.query_params.get("after"),
        before=request.query_params.get("before"))
    return render(
        request, "candidates/list.html", partial="candidates/_results.html", page=page,
        filters=filters, sorts=listing.SORTS,
        sources=crm_service.active_sources(db_session=db), tags=crm_service.all_tags(db_session=db),
        pools=crm_service.all_pools(db_session=db),
        roles=visible_roles(db_session=db, user=user),
        owners=service.possible_owners(db_session=db), stage_label=_stage_labels(),
        cap_label=_number(listing.COUNT_CAP), can_write=allowed(user, "candidates:write"),
    )


def _stage_labels() -> dict[str, str]:
    english = current_locale.get() == "en"
    return {key: en if english else nl for key, en, nl, _kind in DEFAULT_STAGES}


def _number(value: int) -> str:
    grouped = f"{value:,}"
    return grouped if current_locale.get() == "en" else grouped.replace(",", ".")


def _notice(request: Request) -> str:
    notices = {"merged": _("The two records are merged into this one.")}
    return notices.get(request.query_params.get("notice", ""), "")


def _form_context(db: Session, **extra: Any) -> dict[str, Any]:
    sources = crm_service.active_sources(db_session=db)
    owners = service.possible_owners(db_session=db)
    return {"source_options": [(s.key, s.name) for s in sources],
            "owner_options": [(str(u.id), u.full_name) for u in owners], "accept": ACCEPT,
            **extra}


@router.get("/candidates/new", include_in_schema=False)
def new_candidate(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "candidates:write")
    return render(request, "candidates/form.html", candidate=None, errors={},
                  values={"owner_id": str(user.id)}, **_form_context(db))


@router.post("/candidates", include_in_schema=False)
def create_candidate(
    request: Request, db: DbSession, user: CurrentUser, settings: SettingsDep, form: PostedForm
) -> Response:
    require(user, "candidates:write")
    values = candidate_values(form)
    data, errors = parse_candidate(values)
    cv = upload(form, "cv")
    cv_bytes, cv_error, status = check_cv(cv, settings)
    if cv_error:
        errors["cv"] = cv_error
    if data is None or errors:
        # Nothing has been written yet: the form comes back with the problems next to fields.
        return render(request, "candidates/form.html", candidate=None, errors=errors,
                      values=values, status_code=status if cv_error else 422,
                      **_form_context(db))
    candidate = service.create_candidate(db_session=db, actor=user, data=data)
    if cv is not None and cv_bytes is not None:
        store_document(db_session=db, data=cv_bytes, filename=cv.filename or "cv",
                       candidate_id=candidate.id, settings=settings)
    return RedirectResponse(f"/candidates/{candidate.id}", status_code=303)


@router.get("/candidates/{candidate_id:int}", include_in_schema=False)
def candidate_detail(request: Request, db: DbSession, user: CurrentUser,
                     candidate_id: int) -> Response:
    candidate = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id)
    return render_profile(request, db, user, candidate, notice=_notice(request))


@router.get("/candidates/{candidate_id:int}/edit", include_in_schema=False)
def edit_candidate(request: Request, db: DbSession, user: CurrentUser,
                   candidate_id: int) -> Response:
    candidate = service.get_candidate_for_user(db_session=db, user=user,
                                               candidate_id=candidate_id,
                                               permission="candidates:write")
    _refuse_hidden(candidate)
    return render(request, "candidates/form.html", candidate=candidate, errors={},
                  values=_values_of(candidate), **_form_context(db))


def _refuse_hidden(candidate: Candidate) -> None:
    """The edit form shows every personal fact: not of a pseudonymous candidate."""
    if candidate.identity_hidden:
        raise Conflict("Reveal the candidate's identity before editing their personal details.")


@router.post("/candidates/{candidate_id:int}/reveal", include_in_schema=False)
def reveal_candidate(db: DbSession, user: CurrentUser, candidate_id: int) -> Response:
    candidate = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id)
    identity.reveal_identity(db_session=db, actor=user, candidate=candidate, reason="decision")
    return RedirectResponse(f"/candidates/{candidate.id}", status_code=303)


def _values_of(candidate: Candidate) -> dict[str, str]:
    def shown(value: object) -> str:
        return "" if value is None else str(value)

    return {
        "full_name": candidate.full_name, "email": shown(candidate.email),
        "phone": candidate.phone, "location": candidate.location,
        "source": candidate.source.key if candidate.source else "",
        "owner_id": shown(candidate.owner_id), "legal_basis": shown(candidate.legal_basis),
        "consent_given_on": shown(candidate.consent_given_on),
        "consent_expires_on": shown(candidate.consent_expires_on),
        "tags": ", ".join(tag.name for tag in candidate.tags),
    }


@router.post("/candidates/{candidate_id:int}/edit", include_in_schema=False)
def update_candidate(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                     form: PostedForm) -> Response:
    candidate = service.get_candidate_for_user(db_session=db, user=user,
                                               candidate_id=candidate_id,
                                               permission="candidates:write")
    _refuse_hidden(candidate)
    values = candidate_values(form)
    data, errors = parse_candidate(values)
    if data is None:
        return render(request, "candidates/form.html", candidate=candidate, errors=errors,
                      values=values, status_code=422, **_form_context(db))
    service.update_candidate(db_session=db, actor=user, candidate=candidate,
                             changes=data.model_dump())
    return RedirectResponse(f"/candidates/{candidate.id}", status_code=303)


@router.post("/candidates/{candidate_id:int}/documents", include_in_schema=False)
def upload_document(request: Request, db: DbSession, user: CurrentUser, settings: SettingsDep,
                    candidate_id: int, form: PostedForm) -> Response:
    candidate = service.get_candidate_for_user(db_session=db, user=user,
                                               candidate_id=candidate_id,
                                               permission="candidates:write")
    file = upload(form, "document")
    data, problem, status = check_cv(file, settings)
    if file is None or data is None:
        # Refused before anything is stored; the profile shows why, next to the upload field.
        message = problem or _("Choose a file to upload.")
        return render_profile(request, db, user, candidate, status_code=status if problem else 422,
                              errors={"document": message})
    store_document(db_session=db, data=data, filename=file.filename or "",
                   candidate_id=candidate.id, settings=settings)
    return RedirectResponse(f"/candidates/{candidate.id}#documents", status_code=303)


def get_document_for_user(*, db_session: Session, user: User, document_id: int) -> Document:
    require(user, "candidates:read", target=f"document:{document_id}")
    document = db_session.get(Document, document_id)
    if document is None:
        raise NotFound("This document does not exist (any more).")
    if document.candidate_id is None:
        require(user, "candidates:read_all", target=f"document:{document_id}")
    else:
        candidate = service.get_candidate_for_user(db_session=db_session, user=user,
                                                   candidate_id=document.candidate_id)
        if candidate.identity_hidden:
            raise Conflict("The original file shows who the candidate is: reveal the identity "
                           "first.")
    return document


@router.get("/documents/{document_id:int}/download", include_in_schema=False)
def download_document(db: DbSession, user: CurrentUser, settings: SettingsDep,
                      document_id: int) -> Response:
    document = get_document_for_user(db_session=db, user=user, document_id=document_id)
    path = document_path(document, settings)
    if not path.is_file():
        raise NotFound("The file of this document is missing from storage.")
    return FileResponse(path, media_type=document.media_type, filename=document.filename)


@router.get("/candidates/duplicates", include_in_schema=False)
def duplicate_list(request: Request, db: DbSession, user: CurrentUser) -> Response:
    groups = duplicates.duplicate_groups(db_session=db, user=user)
    return render(request, "candidates/duplicates.html", groups=groups,
                  can_merge=allowed(user, "candidates:merge"))


@router.get("/candidates/{candidate_id:int}/merge", include_in_schema=False)
def merge_form(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
               other: int) -> Response:
    keep = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                          permission="candidates:merge")
    removed = service.get_candidate_for_user(db_session=db, user=user, candidate_id=other,
                                             permission="candidates:merge")
    return render(request, "candidates/merge.html", keep=keep, other=removed)


@router.post("/candidates/{candidate_id:int}/merge", include_in_schema=False)
def merge_candidates(db: DbSession, user: CurrentUser, candidate_id: int,
                     form: PostedForm) -> Response:
    keep = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                          permission="candidates:merge")
    other_id = text(form, "other_id")
    if not other_id.isdigit():
        raise InvalidInput("Choose the record to merge into this one.")
    other = service.get_candidate_for_user(db_session=db, user=user, candidate_id=int(other_id),
                                           permission="candidates:merge")
    duplicates.merge(db_session=db, actor=user, keep=keep, other=other)
    return RedirectResponse(f"/candidates/{keep.id}?notice=merged", status_code=303)
