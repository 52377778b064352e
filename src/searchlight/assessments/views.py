"""Assessment pages: inviting (from the candidate's page and a role's page), the candidate's
page behind the single-use link (no account), the reviewer's page and calibration. Thin:
parse, call the service, render."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response, UploadFile
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.datastructures import FormData

from searchlight import navigation
from searchlight.assessments import authoring, challenge_views, review, service
from searchlight.assessments.models import (
    AssessmentChallenge,
    AssessmentInvitation,
    AssessmentSubmission,
)
from searchlight.auth.access import allowed, require
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.service import visible_clause
from searchlight.deps import CurrentUser, DbSession, PostedForm, SettingsDep
from searchlight.errors import InvalidInput, NotFound
from searchlight.i18n import N_
from searchlight.roles.models import Role
from searchlight.roles.schemas import dimension_title
from searchlight.roles.service import get_role_for_user
from searchlight.web import render

router = APIRouter(tags=["assessments"])
router.include_router(challenge_views.router)
navigation.register(navigation.Entry(path="/assessments", label=N_("Assessments"),
                                     permission="assessments:review", order=46))

MAX_FILE_BYTES_READ = 11 * 1024 * 1024


def _link(request: Request, token: str) -> str:
    return str(request.base_url).rstrip("/") + f"/a/{token}"


def _challenge(db: DbSession, challenge_id: int) -> AssessmentChallenge:
    challenge = db.get(AssessmentChallenge, challenge_id)
    if challenge is None or not challenge.is_active:
        raise InvalidInput(N_("Choose a challenge."), detail={"field": "challenge_id"})
    return challenge


def _invitation_rows(db: DbSession,
                     invitations: list[AssessmentInvitation]) -> list[dict[str, Any]]:
    return [{"invitation": invitation, "state": service.state_of(invitation),
             "submission": service.submission_of(db_session=db, invitation=invitation),
             "role": db.get(Role, invitation.role_id) if invitation.role_id else None}
            for invitation in invitations]


# --- recruiter: invite ---------------------------------------------------------------------

def _candidate_page(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                    link: str = "", status_code: int = 200) -> Response:
    candidate = service.get_candidate_for_assessments(db_session=db, user=user,
                                                      candidate_id=candidate_id)
    roles = service.roles_for_invite(db_session=db, user=user, candidate=candidate)
    role_keys = {role.key for role in roles}
    challenges = service.list_challenges(db_session=db)
    suggested = [c for c in challenges if role_keys & set(c.role_keys)]
    invitations = service.invitations_of(db_session=db, user=user, candidate=candidate)
    return render(request, "assessments/candidate.html", candidate=candidate, roles=roles,
                  challenges=suggested + [c for c in challenges if c not in suggested],
                  rows=_invitation_rows(db, invitations), link=link,
                  mailed=bool(link and candidate.email),
                  may_invite=allowed(user, "assessments:invite") and (
                      bool(roles) or allowed(user, "candidates:read_all")),
                  status_code=status_code)


@router.get("/candidates/{candidate_id:int}/assessments", include_in_schema=False)
def candidate_assessments(request: Request, db: DbSession, user: CurrentUser,
                          candidate_id: int) -> Response:
    return _candidate_page(request, db, user, candidate_id)


@router.post("/candidates/{candidate_id:int}/assessments", include_in_schema=False)
def invite_candidate(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                     challenge_id: Annotated[int, Form()],
                     role_id: Annotated[str, Form()] = "",
                     hours: Annotated[int, Form()] = 72) -> Response:
    candidate = service.get_candidate_for_assessments(
        db_session=db, user=user, candidate_id=candidate_id, permission="assessments:invite")
    role = None
    if role_id:
        role = next((r for r in service.roles_for_invite(db_session=db, user=user,
                                                         candidate=candidate)
                     if str(r.id) == role_id), None)
        if role is None:
            raise InvalidInput(N_("Choose a role the candidate applied to."),
                               detail={"field": "role_id"})
    _invitation, token = service.invite(
        db_session=db, actor=user, candidate=candidate, challenge=_challenge(db, challenge_id),
        role=role, hours=hours, link_base=str(request.base_url))
    return _candidate_page(request, db, user, candidate.id, link=_link(request, token),
                           status_code=201)


@router.get("/roles/{key}/assessments", include_in_schema=False)
def role_assessments(request: Request, db: DbSession, user: CurrentUser, key: str,
                     link: str = "") -> Response:
    return _role_page(request, db, user, key)


def _role_page(request: Request, db: DbSession, user: CurrentUser, key: str, link: str = "",
               status_code: int = 200) -> Response:
    role = get_role_for_user(db_session=db, user=user, key=key)
    challenges = service.list_challenges(db_session=db, role_key=role.key)
    may_invite = allowed(user, "assessments:invite") and allowed(user, "candidates:read") and (
        allowed(user, "candidates:read_all") or role.hiring_manager_id == user.id)
    candidates: list[Candidate] = []
    if may_invite:
        query = (select(Candidate).join(Application, Application.candidate_id == Candidate.id)
                 .where(Application.role_id == role.id).order_by(Candidate.id))
        clause = visible_clause(user)
        if clause is not None:
            query = query.where(clause)
        candidates = list(db.scalars(query))
    return render(request, "assessments/role.html", role=role, challenges=challenges,
                  candidates=candidates, may_invite=may_invite, link=link,
                  may_author=any(r.id == role.id for r in authoring.authorable_roles(
                      db_session=db, user=user)),
                  may_read_challenges=allowed(user, "assessments:review"),
                  status_code=status_code)


@router.post("/roles/{key}/assessments", include_in_schema=False)
def invite_for_role(request: Request, db: DbSession, user: CurrentUser, key: str,
                    challenge_id: Annotated[int, Form()], candidate_id: Annotated[int, Form()],
                    hours: Annotated[int, Form()] = 72) -> Response:
    role = get_role_for_user(db_session=db, user=user, key=key)
    candidate = service.get_candidate_for_assessments(
        db_session=db, user=user, candidate_id=candidate_id, permission="assessments:invite")
    _invitation, token = service.invite(
        db_session=db, actor=user, candidate=candidate, challenge=_challenge(db, challenge_id),
        role=role, hours=hours, link_base=str(request.base_url))
    return _role_page(request, db, user, key, link=_link(request, token), status_code=201)


# --- the candidate's page behind the link ----------------------------------------------------

def _token_page(request: Request, db: DbSession, token: str, *, saved: bool = False,
                status_code: int | None = None) -> Response:
    invitation, state = service.invitation_by_token(db_session=db, token=token)
    status = status_code or {"open": 200, "used": 410, "expired": 410}.get(state, 404)
    challenge = service.document_of(invitation.challenge) if invitation else None
    end = service.deadline(invitation) if invitation else None
    return render(request, "assessments/take.html", invitation=invitation, state=state,
                  token=token, challenge=challenge, deadline=end, saved=saved,
                  notice_version=service.NOTICE_VERSION, status_code=status)


@router.get("/a/{token}", include_in_schema=False)
def take(request: Request, db: DbSession, token: str) -> Response:
    return _token_page(request, db, token)


@router.post("/a/{token}/start", include_in_schema=False)
def start(request: Request, db: DbSession, token: str, accept: Annotated[str, Form()] = "",
          human_only: Annotated[str, Form()] = "") -> Response:
    invitation = service.open_invitation(db_session=db, token=token)
    if accept != "yes":
        raise InvalidInput(N_("Accept the notice to start."), detail={"field": "accept"})
    service.accept_notice(db_session=db, invitation=invitation, human_only=human_only == "yes")
    return RedirectResponse(f"/a/{token}", status_code=303)


def _answers(form: FormData) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    answers = {str(k)[len("answer_"):]: str(v) for k, v in form.multi_items()
               if str(k).startswith("answer_") and isinstance(v, str)}
    files = []
    for value in form.getlist("files"):
        if isinstance(value, str) or not getattr(value, "filename", ""):
            continue
        upload: UploadFile = value  # type: ignore[assignment]
        files.append((upload.filename or "file", upload.file.read(MAX_FILE_BYTES_READ)))
    return answers, files


@router.post("/a/{token}/draft", include_in_schema=False)
def save_draft(request: Request, db: DbSession, token: str, form: PostedForm) -> Response:
    invitation = service.open_invitation(db_session=db, token=token)
    answers, _files = _answers(form)
    try:
        saved_at = service.save_draft(db_session=db, invitation=invitation, answers=answers)
    except service.TimeIsUp as error:  # the page shows it in its status line (assessment.js)
        return render(request, "assessments/_saved.html", saved_at=None, refused=error.message,
                      status_code=409)
    return render(request, "assessments/_saved.html", saved_at=saved_at)


@router.post("/a/{token}/submit", include_in_schema=False)
def hand_in(request: Request, db: DbSession, settings: SettingsDep, token: str,
            form: PostedForm) -> Response:
    invitation, state = service.invitation_by_token(db_session=db, token=token)
    if invitation is None or state == "expired":
        raise NotFound(N_("This assignment link is not valid (any more)."))
    answers, files = _answers(form)
    auto = form.get("auto") == "yes"  # the page's timer ran out
    service.submit(db_session=db, invitation=invitation, answers=answers, files=files,
                   settings=settings, auto=auto)
    return _token_page(request, db, token, status_code=200)  # a second submit lands here too


# --- reviewers -----------------------------------------------------------------------------

@router.get("/assessments", include_in_schema=False)
def overview(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "assessments:review", target="assessments")
    return render(request, "assessments/index.html",
                  submissions=review.submissions_to_review(db_session=db, user=user),
                  challenges=service.list_challenges(db_session=db),
                  may_calibrate=allowed(user, "assessments:calibrate"))


@router.get("/assessments/submissions/{submission_id:int}", include_in_schema=False)
def submission_page(request: Request, db: DbSession, user: CurrentUser,
                    submission_id: int) -> Response:
    submission = service.get_submission_for_user(db_session=db, user=user,
                                                 submission_id=submission_id)
    challenge = service.document_for(db_session=db, submission=submission)
    candidate = db.get(Candidate, submission.candidate_id)
    items = {(p.question_key, p.item_key): review.item_of(challenge, p)
             for p in submission.proposals}
    return render(request, "assessments/review.html", submission=submission,
                  challenge=challenge, candidate=candidate, items=items,
                  see_others=review.may_see_others(submission, user),
                  disputed=review.disagreements(submission),
                  may_review=allowed(user, "assessments:review"),
                  dimension_title=dimension_title)


def _reviewable(db: DbSession, user: CurrentUser, submission_id: int) -> AssessmentSubmission:
    return service.get_submission_for_user(db_session=db, user=user,
                                           submission_id=submission_id,
                                           permission="assessments:review")


@router.post("/assessments/submissions/{submission_id:int}/proposals/{proposal_id:int}",
             include_in_schema=False)
def decide(request: Request, db: DbSession, user: CurrentUser, submission_id: int,
           proposal_id: int, level: Annotated[int, Form()],
           reason: Annotated[str, Form()] = "") -> Response:
    submission = _reviewable(db, user, submission_id)
    review.decide(db_session=db, actor=user, submission=submission, proposal_id=proposal_id,
                  level=level, reason=reason)
    return RedirectResponse(f"/assessments/submissions/{submission.id}#proposal-{proposal_id}",
                            status_code=303)


@router.post("/assessments/submissions/{submission_id:int}/second-review",
             include_in_schema=False)
def second_review(request: Request, db: DbSession, user: CurrentUser,
                  submission_id: int) -> Response:
    submission = _reviewable(db, user, submission_id)
    review.request_second_review(db_session=db, actor=user, submission=submission)
    return RedirectResponse(f"/assessments/submissions/{submission.id}", status_code=303)


@router.post("/assessments/submissions/{submission_id:int}/proposals/{proposal_id:int}/anchor",
             include_in_schema=False)
def anchor(request: Request, db: DbSession, user: CurrentUser, submission_id: int,
           proposal_id: int) -> Response:
    submission = _reviewable(db, user, submission_id)
    review.save_anchor(db_session=db, actor=user, submission=submission,
                       proposal_id=proposal_id)
    return RedirectResponse(f"/assessments/submissions/{submission.id}#proposal-{proposal_id}",
                            status_code=303)


@router.get("/assessments/calibration", include_in_schema=False)
def calibration(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "assessments:calibrate", target="assessments:calibration")
    rows = review.calibration(db_session=db)
    return render(request, "assessments/calibration.html",
                  overall=[r for r in rows if not r.period],
                  monthly=[r for r in rows if r.period], dimension_title=dimension_title)
