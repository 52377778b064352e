"""A candidate's messages page: choose a kind and language, get a draft, edit, approve, send."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.service import get_candidate_for_user
from searchlight.comms import service
from searchlight.comms.wording import KIND_LABELS, KINDS, STAGE_KIND
from searchlight.crm.models import Activity
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import DomainError
from searchlight.i18n import _
from searchlight.web import render

router = APIRouter(tags=["comms"])
Text = Annotated[str, Form()]


def _candidate(db: DbSession, user: CurrentUser, candidate_id: int) -> Candidate:
    return get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                  permission="crm:write")


def _page(request: Request, db: DbSession, user: CurrentUser, candidate: Candidate, *,
          values: dict[str, Any], status_code: int = 200, error: str = "",
          draft: service.Draft | None = None) -> Response:
    applications = list(db.scalars(select(Application).where(
        Application.candidate_id == candidate.id).order_by(Application.id)))
    sent = list(db.scalars(select(Activity).where(
        Activity.candidate_id == candidate.id, Activity.kind == "email")
        .order_by(Activity.occurred_at.desc()).limit(20)))
    return render(request, "comms/messages.html", status_code=status_code, candidate=candidate,
                  applications=applications, sent=sent, values=values, error=error,
                  draft=draft, kinds=KINDS, kind_labels={k: _(v) for k, v in KIND_LABELS.items()})


@router.get("/candidates/{candidate_id:int}/messages", include_in_schema=False)
def messages(request: Request, db: DbSession, user: CurrentUser, candidate_id: int) -> Response:
    candidate = _candidate(db, user, candidate_id)
    first = candidate.applications[0] if candidate.applications else None
    values = {"application": str(first.id) if first else "",
              "kind": STAGE_KIND.get(first.stage_key, "acknowledgement") if first else
              "acknowledgement",
              "language": service.candidate_language(db_session=db, candidate=candidate),
              "reason": "", "when": ""}
    return _page(request, db, user, candidate, values=values)


@router.post("/candidates/{candidate_id:int}/messages/draft", include_in_schema=False)
def draft(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
          application: Text = "", kind: Text = "", language: Text = "", reason: Text = "",
          when: Text = "") -> Response:
    candidate = _candidate(db, user, candidate_id)
    values = {"application": application, "kind": kind, "language": language,
              "reason": reason, "when": when}
    try:
        found = service.application_of(db_session=db, candidate=candidate,
                                       application_id=int(application or 0))
        made = service.draft(db_session=db, actor=user, candidate=candidate,
                             application=found, kind=kind, language=language, reason=reason,
                             when=when)
    except DomainError as problem:
        return _page(request, db, user, candidate, values=values,
                     status_code=problem.status_code, error=_(problem.message))
    return _page(request, db, user, candidate, values=values, draft=made)


@router.post("/candidates/{candidate_id:int}/messages/send", include_in_schema=False)
def send(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
         application: Text = "", kind: Text = "", language: Text = "", subject: Text = "",
         body: Text = "", approved: Text = "") -> Response:
    candidate = _candidate(db, user, candidate_id)
    values = {"application": application, "kind": kind, "language": language, "reason": "",
              "when": ""}
    try:
        found = service.application_of(db_session=db, candidate=candidate,
                                       application_id=int(application or 0))
        service.send(db_session=db, actor=user, candidate=candidate, application=found,
                     kind=kind, language=language, subject=subject, body=body,
                     approved=approved == "yes")
    except DomainError as problem:
        return _page(request, db, user, candidate, values=values,
                     status_code=problem.status_code, error=_(problem.message),
                     draft=service.Draft(subject, body, ""))
    return RedirectResponse(f"/candidates/{candidate.id}/messages?sent=1", status_code=303)
