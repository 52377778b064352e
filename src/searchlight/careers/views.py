"""Public careers pages (no account): vacancies, the assistant, applications, job alerts and the
first-party event endpoint; and the recruiter's FAQ editor."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import navigation
from searchlight.auth.access import require
from searchlight.candidates.forms import read_upload, upload
from searchlight.careers import assistant, publishing, service
from searchlight.careers.models import FaqEntry, Posting
from searchlight.config import get_settings
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import Conflict, DomainError, InvalidInput, NotFound
from searchlight.fairness import service as fairness
from searchlight.i18n import N_, _, current_locale
from searchlight.mail import get_mail_settings
from searchlight.roles.models import Role
from searchlight.web import render

router = APIRouter(tags=["careers"])
navigation.register(navigation.Entry(path="/careers/faq", label=N_("Careers FAQ"),
                                     permission="content:write", order=65))
APPLY_LIMIT = service.RateLimit("careers.apply", limit=10, window=600)
ALERT_LIMIT = service.RateLimit("careers.alert", limit=5, window=600)
# The assistant may call a paid model: a visitor asks at most this often.
ASK_LIMIT = service.RateLimit("careers.ask", limit=20, window=600)
EVENT_LIMIT = service.RateLimit("careers.event", limit=300, window=600)


def _language() -> str:
    return current_locale.get()


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/careers", include_in_schema=False)
def overview(request: Request, db: DbSession, family: str = "", location: str = "",
             language: str = "", q: str = "") -> Response:
    filters = service.Filters(family=family, location=location, language=language, q=q.strip())
    vacancies = service.overview(db, filters, _language())
    return render(request, "careers/index.html", title=_("Working with us"),
                  vacancies=vacancies, filters=filters,
                  facets=service.facets(service.open_postings(db)),
                  alert_roles=service.open_postings(db), careers_event="overview_view")


def _vacancy_page(request: Request, db: Session, key: str, *, status_code: int = 200,
                  **context: Any) -> Response:
    posting = service.posting_by_key(db, key)
    item = service.vacancy(db, posting, _language())
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return render(request, "careers/vacancy.html", status_code=status_code, title=item.title,
                  vacancy=item, json_ld=service.json_ld(service.job_posting(
                      db, item, _base_url(request))),
                  notice=service.shown_notice(db, _language()), careers_event="vacancy_view",
                  contact_address=get_mail_settings().from_address,
                  careers_role=item.key, **context)


@router.post("/careers/{key}/ask", include_in_schema=False)
def ask(request: Request, db: DbSession, key: str, form: PostedForm) -> Response:
    question = str(form.get("question") or "").strip()
    posting = service.posting_by_key(db, key)
    item = service.vacancy(db, posting, _language())
    if question and not ASK_LIMIT.allow(db, _client(request)):
        return render(request, "careers/vacancy.html", partial="careers/_answer.html",
                      status_code=429, title=item.title, vacancy=item, question=question,
                      answer=None, limited=True, json_ld=service.json_ld(service.job_posting(
                          db, item, _base_url(request))),
                      notice=service.shown_notice(db, _language()), errors={}, values={},
                      contact_address=get_mail_settings().from_address, careers_event="",
                      careers_role=item.key)
    answer = assistant.ask(db, item, question) if question else None
    return render(request, "careers/vacancy.html", partial="careers/_answer.html",
                  title=item.title, vacancy=item, question=question, answer=answer,
                  json_ld=service.json_ld(service.job_posting(db, item, _base_url(request))),
                  notice=service.shown_notice(db, _language()), errors={}, values={},
                  contact_address=get_mail_settings().from_address,
                  careers_event="", careers_role=item.key)


@router.post("/careers/{key}/apply", include_in_schema=False)
def apply(request: Request, db: DbSession, key: str, form: PostedForm) -> Response:
    posting = service.posting_by_key(db, key)
    settings = get_settings()
    values = {name: str(form.get(name) or "") for name in ("full_name", "email", "phone")}
    if not APPLY_LIMIT.allow(db, _client(request)):
        return _vacancy_page(request, db, key, status_code=429, values=values, errors={
            "form": _("Too many applications from this connection; try again in a while.")})
    try:
        notice_version = int(str(form.get("notice_version") or "0"))
    except ValueError:
        notice_version = 0
    application_form = service.ApplicationForm(
        full_name=values["full_name"], email=values["email"], phone=values["phone"],
        consent=form.get("consent") == "yes", notice_version=notice_version,
        human_only=form.get("human_only") == "yes", language=_language())
    errors = {field: _(message) for field, message in service.check_form(application_form).items()}
    file = upload(form, "cv")
    if file is None:
        errors["cv"] = _("Add your CV (PDF, Word, text or Markdown).")
    if errors:
        return _vacancy_page(request, db, key, status_code=422, values=values, errors=errors)
    assert file is not None
    try:
        data = read_upload(file, settings)
        with db.begin_nested():  # one unit: a refused file leaves no candidate behind
            application = service.apply(db, posting=posting, form=application_form, cv=data,
                                        filename=file.filename or "cv", settings=settings)
    except (InvalidInput, Conflict) as error:
        field = "consent" if (error.detail or {}).get("field") == "consent" else (
            "cv" if isinstance(error, InvalidInput) else "form")
        return _vacancy_page(request, db, key, status_code=422, values=values,
                             errors={field: _(error.message)})
    except DomainError as error:  # e.g. too large
        return _vacancy_page(request, db, key, status_code=error.status_code, values=values,
                             errors={"cv": _(error.message)})
    item = service.vacancy(db, posting, _language())
    # The voluntary bias-check form: a single-use link of its own, never read by screening.
    self_id = fairness.create_invitation(db_session=db, application=application,
                                         language=_language())
    return render(request, "careers/applied.html", title=_("Thank you for applying"),
                  vacancy=item, human_only=application_form.human_only, self_id_token=self_id,
                  careers_event="form_completed", careers_role=item.key)


@router.post("/careers/alerts", include_in_schema=False)
def subscribe(request: Request, db: DbSession, form: PostedForm) -> Response:
    if not ALERT_LIMIT.allow(db, _client(request)):
        return render(request, "careers/alert.html", status_code=429, title=_("Job alert"),
                      state="error", message=_("Too many requests; try again in a while."))
    try:
        with db.begin_nested():
            service.subscribe(
                db, email=str(form.get("email") or ""),
                role_keys=[str(v) for v in form.getlist("roles")],
                skills=str(form.get("skills") or "").split(","), language=_language(),
                base_url=_base_url(request))
    except InvalidInput as error:
        return render(request, "careers/alert.html", status_code=422, title=_("Job alert"),
                      state="error", message=_(error.message))
    return render(request, "careers/alert.html", title=_("Job alert"), state="sent",
                  careers_event="alert_signup")


# The links in our e-mails open a page with a button: a GET never changes anything, so a mail
# scanner that follows links neither confirms nor stops an alert.
@router.get("/careers/alerts/confirm/{token}", include_in_schema=False)
def confirm_page(request: Request, db: DbSession, token: str) -> Response:
    service.alert_by_token(db, token)
    return render(request, "careers/alert.html", title=_("Job alert"), state="confirm",
                  action=f"/careers/alerts/confirm/{token}")


@router.post("/careers/alerts/confirm/{token}", include_in_schema=False)
def confirm(request: Request, db: DbSession, token: str) -> Response:
    service.confirm_alert(db, token)
    return render(request, "careers/alert.html", title=_("Job alert"), state="confirmed")


@router.get("/careers/alerts/stop/{token}", include_in_schema=False)
def stop_page(request: Request, db: DbSession, token: str) -> Response:
    service.alert_by_token(db, token)
    return render(request, "careers/alert.html", title=_("Job alert"), state="stop",
                  action=f"/careers/alerts/stop/{token}")


@router.post("/careers/alerts/stop/{token}", include_in_schema=False)
def stop_alert(request: Request, db: DbSession, token: str) -> Response:
    service.unsubscribe(db, token)
    return render(request, "careers/alert.html", title=_("Job alert"), state="stopped")


@router.post("/careers/postings/{key}", include_in_schema=False)
def publish(request: Request, db: DbSession, user: CurrentUser, key: str,
            form: PostedForm) -> Response:
    require(user, "content:approve")
    role = db.scalar(select(Role).where(Role.key == key, Role.is_active.is_(True)))
    if role is None:
        raise NotFound("This role does not exist.")
    publishing.set_published(db, actor=user, role=role, published=form.get("action") == "publish",
                             base_url=_base_url(request))
    return RedirectResponse("/careers/faq", status_code=303)


async def _posted_json(request: Request) -> object:
    """The JSON body, read in the event loop (None when it is not JSON)."""
    try:
        return await request.json()
    except ValueError:
        return None


@router.post("/careers/events", include_in_schema=False)
def event(request: Request, db: DbSession,
          body: Annotated[object, Depends(_posted_json)]) -> Response:
    if not EVENT_LIMIT.allow(db, _client(request)):
        return Response(status_code=429)
    if not isinstance(body, dict):
        return Response(status_code=400)
    stored = service.record_event(
        db, event=str(body.get("event", ""))[:40], role_key=str(body.get("role", ""))[:80],
        detail=str(body.get("detail", ""))[:40],
        user_agent=request.headers.get("user-agent", ""))
    return Response(status_code=204 if stored else 202)


@router.get("/api/careers/events", tags=["careers"])
def event_counts(db: DbSession, user: CurrentUser, role: str | None = None) -> JSONResponse:
    require(user, "candidates:read_all")
    return JSONResponse(service.event_counts(db, role_key=role))


# --- the recruiter's FAQ ------------------------------------------------------------------------

def _faq_page(request: Request, db: Session, status_code: int = 200, **context: Any) -> Response:
    roles = list(db.scalars(select(Role).where(Role.is_active.is_(True)).order_by(Role.title_en)))
    entries = list(db.scalars(select(FaqEntry).order_by(
        FaqEntry.role_id.is_not(None), FaqEntry.role_id, FaqEntry.language, FaqEntry.position,
        FaqEntry.id)))
    names = {role.id: (role.title_nl if _language() == "nl" else role.title_en) for role in roles}
    published = set(db.scalars(select(Posting.role_id).where(Posting.is_published.is_(True))))
    return render(request, "careers/faq.html", status_code=status_code, title=_("Careers FAQ"),
                  roles=roles, entries=entries, names=names, published=published, **context)


def get_faq_for_user(db: Session, user: CurrentUser, entry_id: int) -> FaqEntry:
    require(user, "content:write")
    entry = db.get(FaqEntry, entry_id)
    if entry is None:
        raise NotFound("No such FAQ entry.")
    return entry


@router.get("/careers/faq", include_in_schema=False)
def faq(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "content:write")
    return _faq_page(request, db)


def _faq_values(form: Any) -> tuple[dict[str, Any], dict[str, str]]:
    role = str(form.get("role_id") or "")
    values = {"role_id": int(role) if role.isdigit() else None,
              "language": "nl" if form.get("language") == "nl" else "en",
              "question": str(form.get("question") or "").strip()[:500],
              "answer": str(form.get("answer") or "").strip()}
    errors = {}
    if not values["question"]:
        errors["question"] = _("Write the question.")
    if not values["answer"]:
        errors["answer"] = _("Write the answer.")
    return values, errors


@router.post("/careers/faq", include_in_schema=False)
def add_faq(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "content:write")
    values, errors = _faq_values(form)
    if errors:
        return _faq_page(request, db, status_code=422, errors=errors, values=values)
    db.add(FaqEntry(**values, updated_by_id=user.id))
    return RedirectResponse("/careers/faq", status_code=303)


@router.post("/careers/faq/{entry_id}", include_in_schema=False)
def edit_faq(request: Request, db: DbSession, user: CurrentUser, entry_id: int,
             form: PostedForm) -> Response:
    entry = get_faq_for_user(db, user, entry_id)
    if form.get("action") == "delete":
        db.delete(entry)
        return RedirectResponse("/careers/faq", status_code=303)
    values, errors = _faq_values(form)
    if errors:
        return _faq_page(request, db, status_code=422, errors=errors, values=values)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.updated_by_id = user.id
    return RedirectResponse("/careers/faq", status_code=303)


# Last, so that /careers/faq and the other fixed paths win.
@router.get("/careers/{key}", include_in_schema=False)
def vacancy_page(request: Request, db: DbSession, key: str) -> Response:
    return _vacancy_page(request, db, key)
