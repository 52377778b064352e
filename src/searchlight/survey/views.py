"""The public survey page (by single-use link) and the invite button on a candidate."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from searchlight.candidates.service import get_candidate_for_user
from searchlight.comms.service import application_of
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import DomainError
from searchlight.i18n import N_, _, current_locale
from searchlight.survey import service
from searchlight.survey.models import QUESTIONS
from searchlight.web import render

router = APIRouter(tags=["survey"])
Text = Annotated[str, Form()]
QUESTION_TEXTS = {
    "clarity": N_("How clear was the procedure?"),
    "fairness": N_("How fair did the procedure feel?"),
    "speed": N_("How fast did things go?"),
    "ai_use": N_("What did you think of the use of AI in the procedure?"),
}
QUESTION_NAMES = {"clarity": N_("Clarity"), "fairness": N_("Fairness"), "speed": N_("Speed"),
                  "ai_use": N_("View of AI use")}


def _form(request: Request, token: str, *, status_code: int = 200, state: str = "open",
          message: str = "") -> Response:
    return render(request, "survey/survey.html", status_code=status_code, token=token,
                  state=state, message=message, questions=QUESTIONS,
                  texts={key: _(text) for key, text in QUESTION_TEXTS.items()})


@router.get("/survey/{token}", include_in_schema=False)
def survey_page(request: Request, db: DbSession, token: str) -> Response:
    try:
        invitation = service.invitation_by_token(db_session=db, token=token)
    except DomainError as problem:
        return _form(request, token, status_code=problem.status_code, state="closed",
                     message=_(problem.message))
    current_locale.set(invitation.language)
    if invitation.used_at is not None:
        return _form(request, token, status_code=410, state="closed",
                     message=_("This survey was already filled in. Thank you!"))
    return _form(request, token)


@router.post("/survey/{token}", include_in_schema=False)
def survey_answer(request: Request, db: DbSession, token: str, clarity: Text = "",
                  fairness: Text = "", speed: Text = "", ai_use: Text = "") -> Response:
    try:
        current_locale.set(service.invitation_by_token(db_session=db, token=token).language)
        service.answer(db_session=db, token=token, scores={
            "clarity": clarity, "fairness": fairness, "speed": speed, "ai_use": ai_use})
    except DomainError as problem:
        state = "open" if problem.status_code == 422 else "closed"
        return _form(request, token, status_code=problem.status_code, state=state,
                     message=_(problem.message))
    return _form(request, token, state="done",
                 message=_("Thank you! Your answers are stored without your name."))


@router.post("/candidates/{candidate_id:int}/survey", include_in_schema=False)
def invite(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
           application: Text = "", audience: Text = "candidate") -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="crm:write")
    found = application_of(db_session=db, candidate=candidate,
                           application_id=int(application) if application.isdigit() else 0)
    service.invite(db_session=db, actor=user, application=found, audience=audience,
                   base_url=str(request.base_url).rstrip("/"))
    return RedirectResponse(f"/candidates/{candidate.id}/messages?surveyed=1", status_code=303)
