"""Privacy pages: a candidate's purpose, legal basis and consents; the privacy officer's page
(transparency notice, retention, access requests, erasure with four eyes, the ledger)."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.candidates.forms import PostedForm, text
from searchlight.candidates.service import get_candidate_for_user
from searchlight.careers.service import current_notice
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import DomainError
from searchlight.gdpr import service
from searchlight.gdpr.models import CONSENT_SCOPES
from searchlight.i18n import N_, _, current_locale
from searchlight.web import render

router = APIRouter(tags=["gdpr"])
navigation.register(navigation.Entry(path="/privacy", label=N_("Privacy"),
                                     permission="privacy:manage", order=95))


def _candidate_page(request: Request, db: DbSession, user: CurrentUser, candidate_id: int, *,
                    status_code: int = 200, error: str = "") -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="consent:write")
    language = "nl" if current_locale.get() == "nl" else "en"
    return render(request, "gdpr/candidate.html", status_code=status_code, candidate=candidate,
                  consents=service.consents_of(db_session=db, candidate_id=candidate.id),
                  scopes=CONSENT_SCOPES, notice=current_notice(db, language), error=error,
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
              errors: dict[str, str] | None = None) -> Response:
    require(user, "privacy:manage")
    return render(request, "gdpr/overview.html", status_code=status_code,
                  notices=service.notice_versions(db_session=db), errors=errors or {})


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
