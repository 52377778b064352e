"""Pages of the interviews domain. Thin: parse, call the service, render."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from searchlight import navigation
from searchlight.auth.access import allowed
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import InvalidInput, NotFound
from searchlight.home import panels
from searchlight.interviews import panels as home_panels
from searchlight.interviews import service
from searchlight.interviews.kits.bank import BANK
from searchlight.interviews.schemas import ScorecardIn
from searchlight.interviews.transcripts.analyse import DIMENSIONS
from searchlight.roles.schemas import dimension_title
from searchlight.web import render

router = APIRouter()
navigation.register(navigation.Entry(path="/portfolio", label="Portfolio",
                                     permission="candidates:read", order=45))
panels.register(panels.Panel(key="interviews.scorecards",
                             template="interviews/_home_scorecards.html",
                             context=home_panels.scorecards_to_fill, permission="candidates:read",
                             roles=frozenset({"hiring_manager"}), order=25))
assert set(BANK) == set(DIMENSIONS)


def _candidate_page(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                    chat_link: str = "") -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id)
    roles = service.candidate_roles(db_session=db, user=user, candidate=candidate)
    kits = []
    for role in roles:
        own = service.own_scorecard(db_session=db, user=user, candidate=candidate, role=role)
        kits.append({"role": role,
                     "questions": service.build_kit(db_session=db, candidate=candidate, role=role),
                     "own": own,
                     "cards": service.visible_scorecards(db_session=db, user=user,
                                                         candidate=candidate, role=role)})
    return render(request, "interviews/candidate.html", candidate=candidate, kits=kits,
                  picture=service.search_picture(db_session=db, candidate=candidate),
                  transcripts=service.transcripts_of(db_session=db, candidate=candidate),
                  portfolio=service.portfolio_of(db_session=db, candidate=candidate),
                  dimensions=DIMENSIONS, dimension_title=dimension_title,
                  can=lambda p: allowed(user, p), chat_link=chat_link)


@router.get("/candidates/{candidate_id:int}/interviews", include_in_schema=False)
def candidate_interviews(request: Request, db: DbSession, user: CurrentUser,
                         candidate_id: int) -> Response:
    return _candidate_page(request, db, user, candidate_id)


@router.get("/candidates/{candidate_id:int}/search-picture", include_in_schema=False)
def search_picture(request: Request, db: DbSession, user: CurrentUser,
                   candidate_id: int) -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id)
    # The candidate page loads the panel with HTMX; the assessments page links to it as a page.
    return render(request, "interviews/picture.html", partial="interviews/_picture.html",
                  candidate=candidate,
                  picture=service.search_picture(db_session=db, candidate=candidate),
                  dimension_title=dimension_title, standalone=True)


@router.post("/candidates/{candidate_id:int}/transcripts", include_in_schema=False)
def upload_transcript(request: Request, db: DbSession, user: CurrentUser,
                            candidate_id: int, file: Annotated[UploadFile, File()],
                            kind: Annotated[str, Form()] = "call",
                            language: Annotated[str, Form()] = "en") -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id, write=True)
    data = file.file.read(service_max() + 1)
    transcript = service.upload_transcript(db_session=db, actor=user, candidate=candidate,
                                           data=data, filename=file.filename or "",
                                           language=language, kind=kind)
    return RedirectResponse(f"/interviews/transcripts/{transcript.id}", status_code=303)


def service_max() -> int:
    from searchlight.interviews.transcripts.parse import MAX_BYTES
    return MAX_BYTES


@router.get("/interviews/transcripts/{transcript_id:int}", include_in_schema=False)
def transcript_page(request: Request, db: DbSession, user: CurrentUser,
                    transcript_id: int) -> Response:
    transcript = service.get_transcript_for_user(db_session=db, user=user,
                                                 transcript_id=transcript_id)
    return render(request, "interviews/transcript.html", transcript=transcript,
                  dimension_title=dimension_title, can=lambda p: allowed(user, p))


@router.post("/interviews/transcripts/{transcript_id:int}/evidence/{evidence_id:int}",
             include_in_schema=False)
def review_evidence(request: Request, db: DbSession, user: CurrentUser, transcript_id: int,
                    evidence_id: int, status: Annotated[str, Form()]) -> Response:
    transcript = service.get_transcript_for_user(db_session=db, user=user,
                                                 transcript_id=transcript_id, write=True)
    service.review_evidence(db_session=db, actor=user, transcript=transcript,
                            evidence_id=evidence_id, status=status)
    return RedirectResponse(f"/interviews/transcripts/{transcript.id}#evidence-{evidence_id}",
                            status_code=303)


@router.post("/candidates/{candidate_id:int}/scorecards/{role_id:int}", include_in_schema=False)
def submit_scorecard(request: Request, db: DbSession, user: CurrentUser,
                           candidate_id: int, role_id: int, form: PostedForm) -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id)
    role = service.get_role_for_candidate(db_session=db, user=user, candidate=candidate,
                                          role_id=role_id)
    ratings = {d: form.get(f"rating_{d}") for d in DIMENSIONS if form.get(f"rating_{d}")}
    try:
        data = ScorecardIn.model_validate({
            "ratings": {d: int(str(v)) for d, v in ratings.items()},
            "notes": {d: str(form.get(f"note_{d}", "")) for d in DIMENSIONS},
            "recommendation": str(form.get("recommendation", ""))})
    except (ValidationError, ValueError):
        raise InvalidInput("Rate at least one dimension from 1 to 5 and choose a "
                           "recommendation.", detail={"field": "ratings"}) from None
    service.submit_scorecard(db_session=db, actor=user, candidate=candidate, role=role, data=data)
    return RedirectResponse(f"/candidates/{candidate.id}/interviews#kit-{role.id}",
                            status_code=303)


@router.post("/candidates/{candidate_id:int}/portfolio", include_in_schema=False)
def add_portfolio(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                  title: Annotated[str, Form()], text: Annotated[str, Form()],
                  kind: Annotated[str, Form()] = "prompt", language: Annotated[str, Form()] = "",
                  dimension: Annotated[str, Form()] = "skills",
                  item_key: Annotated[str, Form()] = "") -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id, write=True)
    service.add_portfolio_item(db_session=db, actor=user, candidate=candidate, kind=kind,
                               title=title, language=language, text=text, dimension=dimension,
                               item_key=item_key or None)
    return RedirectResponse(f"/candidates/{candidate.id}/interviews#portfolio", status_code=303)


@router.get("/portfolio", include_in_schema=False)
def portfolio_search(request: Request, db: DbSession, user: CurrentUser,
                     q: str = "") -> Response:
    from searchlight.auth.access import require

    require(user, "candidates:read", target="portfolio")
    items = service.search_portfolios(db_session=db, user=user, query=q)
    return render(request, "interviews/portfolio.html", items=items, query=q)


@router.post("/candidates/{candidate_id:int}/chats/{role_id:int}", include_in_schema=False)
def create_chat(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
                role_id: int, language: Annotated[str, Form()] = "en") -> Response:
    candidate = service.get_candidate_for_interviews(db_session=db, user=user,
                                                     candidate_id=candidate_id, write=True)
    role = service.get_role_for_candidate(db_session=db, user=user, candidate=candidate,
                                          role_id=role_id)
    _chat, token = service.create_chat(db_session=db, actor=user, candidate=candidate,
                                       role=role, language=language)
    link = str(request.base_url).rstrip("/") + f"/interview-chat/{token}"
    return _candidate_page(request, db, user, candidate_id, chat_link=link)


@router.get("/interview-chat/{token}", include_in_schema=False)
def chat_page(request: Request, db: DbSession, token: str) -> Response:
    chat, state = service.chat_by_token(db_session=db, token=token)
    status = 200 if state in ("open", "finished") else 410 if state == "expired" else 404
    return render(request, "interviews/chat.html", chat=chat, state=state, token=token,
                  status_code=status, notice_version=service.CHAT_NOTICE_VERSION)


@router.post("/interview-chat/{token}/accept", include_in_schema=False)
def chat_accept(request: Request, db: DbSession, token: str,
                accept: Annotated[str, Form()] = "") -> Response:
    chat, state = service.chat_by_token(db_session=db, token=token)
    if chat is None or state != "open":
        raise NotFound("This interview link is not valid (any more).")
    if accept != "yes":
        raise InvalidInput("Accept the notice to start.", detail={"field": "accept"})
    service.accept_chat_notice(db_session=db, chat=chat)
    return RedirectResponse(f"/interview-chat/{token}", status_code=303)


@router.post("/interview-chat/{token}/answer", include_in_schema=False)
def chat_answer(request: Request, db: DbSession, token: str,
                answer: Annotated[str, Form()] = "") -> Response:
    chat, state = service.chat_by_token(db_session=db, token=token)
    if chat is None or state != "open":
        raise NotFound("This interview link is not valid (any more).")
    service.answer_chat(db_session=db, chat=chat, text=answer)
    return render(request, "interviews/chat.html", partial="interviews/_chat_turns.html",
                  chat=chat, state="finished" if chat.finished_at else "open", token=token,
                  notice_version=service.CHAT_NOTICE_VERSION)
