"""Content studio pages: texts with versions, the editor with highlighted findings, compare,
approve, organisation facts, the check for pasted text, and role card downloads."""

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.content import engine, inclusive, service
from searchlight.content.intake import views as intake_views
from searchlight.content.markup import diff_lines, highlight
from searchlight.content.models import KINDS, ContentText
from searchlight.content.schemas import OrganisationIn
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import InvalidInput
from searchlight.i18n import N_, _, current_locale
from searchlight.roles import service as roles
from searchlight.web import render

router = APIRouter(tags=["content"])
navigation.register(navigation.Entry(path="/content", label=N_("Content"),
                                     permission="content:read", order=60))
router.include_router(intake_views.router)
KIND_LABELS = {"vacancy": "Vacancy text", "social": "Social posts",
               "onboarding": "Onboarding plan"}
MAX_CHECK_CHARS = 100_000


def _kind_labels() -> dict[str, str]:
    return {kind: _(label) for kind, label in KIND_LABELS.items()}


def _studio(request: Request, db: Session, user: User, status_code: int = 200,
            **context: Any) -> Response:
    can_write = allowed(user, "content:write")
    engine_name, engine_model, ai_on = engine.current(db_session=db)
    context.setdefault("chosen", ("", "", current_locale.get()))
    return render(request, "content/index.html", status_code=status_code,
                  engine_name=engine_name, engine_model=engine_model, ai_on=ai_on,
                  texts=service.list_texts_for_user(db_session=db, user=user),
                  roles=roles.list_roles(db_session=db, include_inactive=False) if can_write
                  else [], kinds=KINDS, kind_labels=_kind_labels(), can_write=can_write,
                  can_settings=allowed(user, "content:settings"), **context)


@router.get("/content", include_in_schema=False)
def studio(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "content:read")
    return _studio(request, db, user)


@router.post("/content/generate", include_in_schema=False)
def generate(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "content:write")
    key, kind = str(form.get("role", "")), str(form.get("kind", ""))
    language = str(form.get("language", "nl"))
    role = roles.get_by_key(db_session=db, key=key)
    try:
        # No savepoint here: the AI layer's record of a failed call is kept with the request.
        if form.get("by_hand") == "1":
            text = service.start_by_hand(db_session=db, actor=user, role=role, kind=kind,
                                         language=language)
        else:
            text = service.generate(db_session=db, actor=user, role=role, kind=kind,
                                    language=language,
                                    fallback_offline=form.get("fallback") == "offline")
    except engine.EngineStopped:
        return _studio(request, db, user, status_code=503, error=_(
            "An administrator has switched the AI features off. Write the text by hand: "
            "start from the section headings."), chosen=(key, kind, language))
    except engine.EngineUnavailable as error:
        return _studio(request, db, user, status_code=503, error=_(
            "The text engine is not available: {reason}. Try again, or use the offline "
            "engine.", reason=str(error)), offer_fallback=True, chosen=(key, kind, language))
    except InvalidInput as error:
        return _studio(request, db, user, status_code=422, error=_(error.message))
    return RedirectResponse(f"/content/texts/{text.id}", status_code=303)


def _editor_context(text: ContentText, number: int, locale: str) -> dict[str, Any]:
    version = service.version_of(text=text, number=number or text.current_version)
    findings = inclusive.check_text(version.body, language=text.language, locale=locale)
    return {"text": text, "version": version, "findings": findings,
            "highlighted": highlight(version.body, findings, locale),
            "readability": inclusive.readability(version.body, language=text.language),
            "balance": inclusive.coded_balance(version.body, language=text.language),
            "outdated": service.made_from_older_role(text, version),
            "category_label": lambda c: inclusive.category_label(c, locale),
            "kind_labels": _kind_labels()}


@router.get("/content/texts/{text_id}", include_in_schema=False)
def editor(request: Request, db: DbSession, user: CurrentUser, text_id: int,
           version: int = 0, saved: int = 0) -> Response:
    text = service.get_text_for_user(db_session=db, user=user, text_id=text_id)
    return render(request, "content/editor.html", saved=saved,
                  can_write=allowed(user, "content:write"),
                  can_approve=allowed(user, "content:approve"),
                  **_editor_context(text, version, current_locale.get()))


@router.post("/content/texts/{text_id}", include_in_schema=False)
def save(request: Request, db: DbSession, user: CurrentUser, text_id: int,
         form: PostedForm) -> Response:
    text = service.get_text_for_user(db_session=db, user=user, text_id=text_id, write=True)
    try:
        with db.begin_nested():
            version = service.save_edit(
                db_session=db, actor=user, text=text, title=str(form.get("title", "")),
                body=str(form.get("body", "")), change_note=str(form.get("change_note", "")))
    except InvalidInput as error:
        return render(request, "content/editor.html", status_code=422, error=_(error.message),
                      can_write=True, can_approve=allowed(user, "content:approve"),
                      draft_body=str(form.get("body", "")),
                      **_editor_context(text, 0, current_locale.get()))
    number = version.number if version else 0
    return RedirectResponse(f"/content/texts/{text.id}?saved={number}", status_code=303)


@router.post("/content/texts/{text_id}/approve", include_in_schema=False)
def approve(request: Request, db: DbSession, user: CurrentUser, text_id: int,
            form: PostedForm) -> Response:
    text = service.get_text_for_user(db_session=db, user=user, text_id=text_id, write=True)
    number = str(form.get("version", ""))
    if not number.isdigit():
        raise InvalidInput("version: choose a version to approve.")
    service.approve(db_session=db, actor=user, text=text, number=int(number))
    return RedirectResponse(f"/content/texts/{text.id}", status_code=303)


@router.get("/content/texts/{text_id}/diff", include_in_schema=False)
def compare(request: Request, db: DbSession, user: CurrentUser, text_id: int,
            old: int = 0, new: int = 0) -> Response:
    text = service.get_text_for_user(db_session=db, user=user, text_id=text_id)
    new = new or text.current_version
    old = old or max(new - 1, 1)
    before = service.version_of(text=text, number=old)
    after = service.version_of(text=text, number=new)
    return render(request, "content/diff.html", text=text, old=before, new=after,
                  lines=diff_lines(before.body, after.body), kind_labels=_kind_labels())


@router.get("/content/organisation", include_in_schema=False)
def organisation(request: Request, db: DbSession, user: CurrentUser, saved: int = 0) -> Response:
    require(user, "content:settings")
    return render(request, "content/organisation.html",
                  facts=service.get_organisation(db_session=db), saved=saved, errors={})


@router.post("/content/organisation", include_in_schema=False)
def save_organisation(request: Request, db: DbSession, user: CurrentUser,
                      form: PostedForm) -> Response:
    require(user, "content:settings")
    values = {name: str(form.get(name, "")) for name in OrganisationIn.model_fields}
    try:
        data = OrganisationIn.model_validate(values)
    except ValidationError as error:
        errors = {str(e["loc"][0]): _("Too long.") for e in error.errors()}
        return render(request, "content/organisation.html", status_code=422, facts=values,
                      saved=0, errors=errors)
    service.update_organisation(db_session=db, actor=user, data=data)
    return RedirectResponse("/content/organisation?saved=1", status_code=303)


@router.get("/content/check", include_in_schema=False)
def check_page(request: Request, user: CurrentUser) -> Response:
    require(user, "content:read")
    return render(request, "content/check.html", text="", language="nl", result=None)


@router.post("/content/check", include_in_schema=False)
def check(request: Request, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "content:read")
    text = str(form.get("text", ""))[:MAX_CHECK_CHARS]
    language = "en" if form.get("language") == "en" else "nl"
    locale = current_locale.get()
    findings = inclusive.check_text(text, language=language, locale=locale)
    result = {"findings": findings, "highlighted": highlight(text, findings, locale),
              "readability": inclusive.readability(text, language=language),
              "balance": inclusive.coded_balance(text, language=language)}
    return render(request, "content/check.html", text=text, language=language, result=result,
                  category_label=lambda c: inclusive.category_label(c, locale))


class CheckIn(BaseModel):
    text: str = Field(max_length=MAX_CHECK_CHARS)
    language: Literal["nl", "en"]


@router.post("/api/content/check", tags=["content"])
def check_api(body: CheckIn, user: CurrentUser) -> dict[str, object]:
    """Inclusive-language findings (offsets into `text`) and readability, as the CLI prints."""
    require(user, "content:read")
    return inclusive.analyse(body.text, language=body.language, locale=current_locale.get())


@router.get("/content/roles/{key}/card.pdf", include_in_schema=False)
def role_card(db: DbSession, user: CurrentUser, key: str, language: str = "nl",
              version: int = 0) -> Response:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    language = "en" if language == "en" else "nl"
    data = service.role_card(db_session=db, role=role, language=language, number=version)
    name = f"{'role-card' if language == 'en' else 'functiekaart'}-{key}-{language}.pdf"
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
