"""Privacy pages: a candidate's purpose, legal basis and consents; the privacy officer's page
(transparency notice, retention, access requests, erasure with four eyes, the ledger)."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import jobs, navigation
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.forms import text
from searchlight.candidates.models import Candidate
from searchlight.candidates.service import get_candidate_for_user
from searchlight.careers.service import current_notice, shown_notice
from searchlight.config import get_settings
from searchlight.db import utcnow
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import DomainError
from searchlight.gdpr import export, ledger, retention, service
from searchlight.gdpr import panels as home_panels
from searchlight.gdpr.models import CONSENT_SCOPES
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.home import panels
from searchlight.i18n import N_, _, current_locale
from searchlight.web import render

router = APIRouter(tags=["gdpr"])
navigation.register(navigation.Entry(path="/privacy", label=N_("Privacy"),
                                     permission="privacy:manage", order=95))
panels.register(panels.Panel(key="gdpr.privacy", template="gdpr/_home_privacy.html",
                             context=home_panels.privacy, permission="privacy:manage", order=55))


def _candidate_page(request: Request, db: DbSession, user: CurrentUser, candidate_id: int, *,
                    status_code: int = 200, error: str = "") -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="consent:write")
    language = "nl" if current_locale.get() == "nl" else "en"
    return render(request, "gdpr/candidate.html", status_code=status_code, candidate=candidate,
                  consents=service.consents_of(db_session=db, candidate_id=candidate.id),
                  scopes=CONSENT_SCOPES, notice=shown_notice(db, language), error=error,
                  can_manage=allowed(user, "privacy:manage"))


@router.get("/candidates/{candidate_id:int}/privacy", include_in_schema=False)
def candidate_privacy(request: Request, db: DbSession, user: CurrentUser,
                      candidate_id: int) -> Response:
    return _candidate_page(request, db, user, candidate_id)


@router.post("/candidates/{candidate_id:int}/consents", include_in_schema=False)
def give_consent(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                 form: PostedForm) -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="consent:write")
    language = text(form, "language") if text(form, "language") in ("nl", "en") else "nl"
    try:
        service.record_consent(db_session=db, actor=user, candidate=candidate,
                               scope=text(form, "scope"), notice=current_notice(db, language))
    except DomainError as problem:
        return _candidate_page(request, db, user, candidate_id, status_code=problem.status_code,
                               error=_(problem.message))
    return RedirectResponse(f"/candidates/{candidate.id}/privacy", status_code=303)


@router.post("/consents/{consent_id:int}/withdraw", include_in_schema=False)
def withdraw(db: DbSession, user: CurrentUser, consent_id: int) -> Response:
    consent = service.get_consent_for_user(db_session=db, user=user, consent_id=consent_id)
    service.withdraw_consent(db_session=db, actor=user, consent=consent)
    return RedirectResponse(f"/candidates/{consent.candidate_id}/privacy", status_code=303)


def _overview(request: Request, db: DbSession, user: CurrentUser, *, status_code: int = 200,
              errors: dict[str, str] | None = None, values: dict[str, str] | None = None,
              ) -> Response:
    require(user, "privacy:manage")
    settings = get_settings()
    due = retention.due_candidates(db_session=db, now=utcnow(),
                                   rejected_days=settings.retention_rejected_days)
    return render(request, "gdpr/overview.html", status_code=status_code,
                  notices=service.notice_versions(db_session=db), errors=errors or {},
                  values=values or {}, waiting=ledger.waiting(db_session=db),
                  ledger=ledger.done(db_session=db), due=due, settings=settings,
                  users={u.id: u for u in db.scalars(select(User))})


@router.get("/privacy", include_in_schema=False)
def overview(request: Request, db: DbSession, user: CurrentUser) -> Response:
    return _overview(request, db, user)


@router.post("/privacy/notice", include_in_schema=False)
def publish_notice(request: Request, db: DbSession, user: CurrentUser,
                   form: PostedForm) -> Response:
    try:
        service.publish_notice(db_session=db, actor=user, language=text(form, "language"),
                               body=text(form, "body"))
    except DomainError as problem:
        if problem.status_code == 403:
            raise
        return _overview(request, db, user, status_code=problem.status_code,
                         errors={"notice": _(problem.message)})
    return RedirectResponse("/privacy#notice", status_code=303)


def _people(db: Session, email: str) -> tuple[list[Candidate], list[User]]:
    """Whom a request by e-mail is about: candidate records and an employee's account."""
    return (export.find_by_email(db_session=db, email=email),
            ledger.find_users(db_session=db, email=email))


def _nobody(request: Request, db: Session, user: User, field: str, email: str) -> Response:
    return _overview(request, db, user, status_code=404, values={field: email},
                     errors={field: _("No candidate or user has this e-mail address.")})


@router.post("/privacy/export", include_in_schema=False)
def export_person(request: Request, db: DbSession, user: CurrentUser,
                  form: PostedForm) -> Response:
    require(user, "privacy:manage", target="export")
    email = text(form, "email")
    people, employees = _people(db, email)
    if not people and not employees:
        return _nobody(request, db, user, "export", email)
    data = export.as_zip(db_session=db, candidates=people, users=employees,
                         settings=get_settings())
    target = ("candidate", people[0].id) if people else ("user", employees[0].id)
    audit.record(db_session=db, actor=user, event=AuditEvent(
        "gdpr.exported", *target, {"records": len(people) + len(employees)}))
    name = f"subject-access-{target[0]}-{target[1]}-{utcnow():%Y%m%d}.zip"
    return Response(data, media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/privacy/erasures", include_in_schema=False)
def request_erasure(request: Request, db: DbSession, user: CurrentUser,
                    form: PostedForm) -> Response:
    """One request per record found: the candidate record(s) and the employee's account."""
    require(user, "privacy:manage", target="erasure")
    email = text(form, "email")
    people, employees = _people(db, email)
    if not people and not employees:
        return _nobody(request, db, user, "erase", email)
    try:
        for person in people:
            ledger.request_erasure(db_session=db, actor=user, candidate=person)
        for employee in employees:
            ledger.request_erasure(db_session=db, actor=user, user=employee)
    except DomainError as problem:
        if problem.status_code == 403:
            raise
        return _overview(request, db, user, status_code=problem.status_code,
                         values={"erase": email}, errors={"erase": _(problem.message)})
    return RedirectResponse("/privacy#erasures", status_code=303)


@router.post("/candidates/{candidate_id:int}/erasure", include_in_schema=False)
def request_candidate_erasure(db: DbSession, user: CurrentUser, candidate_id: int) -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="privacy:manage")
    ledger.request_erasure(db_session=db, actor=user, candidate=candidate)
    return RedirectResponse("/privacy#erasures", status_code=303)


@router.post("/privacy/erasures/{erasure_id:int}/confirm", include_in_schema=False)
def confirm_erasure(db: DbSession, user: CurrentUser, erasure_id: int) -> Response:
    erasure = ledger.get_erasure_for_user(db_session=db, user=user, erasure_id=erasure_id)
    ledger.confirm_erasure(db_session=db, actor=user, erasure=erasure, settings=get_settings())
    # VACUUM cannot run inside this request's transaction: a job compacts after the commit.
    jobs.defer(db_session=db, task_name="gdpr.compact")
    return RedirectResponse("/privacy#ledger", status_code=303)


@router.post("/privacy/erasures/{erasure_id:int}/cancel", include_in_schema=False)
def cancel_erasure(db: DbSession, user: CurrentUser, erasure_id: int) -> Response:
    erasure = ledger.get_erasure_for_user(db_session=db, user=user, erasure_id=erasure_id)
    ledger.cancel_erasure(db_session=db, actor=user, erasure=erasure)
    return RedirectResponse("/privacy#erasures", status_code=303)


@router.post("/privacy/purge", include_in_schema=False)
def purge_now(db: DbSession, user: CurrentUser) -> Response:
    require(user, "privacy:manage", target="purge")
    _due, erased = retention.purge(db_session=db, settings=get_settings(), now=utcnow())
    if erased is not None:
        jobs.defer(db_session=db, task_name="gdpr.compact")
    return RedirectResponse("/privacy#ledger", status_code=303)
