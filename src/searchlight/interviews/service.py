"""Interviews: transcripts as evidence, kits and blind scorecards, the combined SEARCH picture,
the portfolio and chat interviews. Keyword-only functions, `db_session` first, flush never commit.

Access: every candidate-bound object is opened through `get_candidate_for_interviews`, which is
the candidates domain's one check (recruiters all candidates, hiring managers those of their
own roles, employees none); writing needs crm:write."""

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from searchlight.assessments.models import AssessmentChallenge, AssessmentSubmission
from searchlight.auth.models import User
from searchlight.auth.service import token_hash
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.service import get_candidate_for_user
from searchlight.crm.models import Activity
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import created, updated
from searchlight.interviews.kits.bank import FOLLOW_UPS, GENERIC_ITEM, KitQuestion, question
from searchlight.interviews.models import (
    EVIDENCE_STATUSES,
    PORTFOLIO_KINDS,
    ChatInterview,
    InterviewEvidence,
    InterviewTranscript,
    PortfolioItem,
    Scorecard,
)
from searchlight.interviews.schemas import FollowUpChoice, ScorecardIn, TranscriptAnswer
from searchlight.interviews.transcripts.analyse import (
    DIMENSIONS,
    Analysis,
    offline_analysis,
    prepare_turns,
    verify_quotes,
)
from searchlight.interviews.transcripts.parse import Turn, parse_bytes
from searchlight.llm.structured import generate_structured
from searchlight.roles.models import Role, RoleVersion
from searchlight.roles.schemas import RoleProfile
from searchlight.screening.models import ScreeningResult

WEAK = 50.0  # a screening dimension (scored 0-100) below this is asked about in the kit
CHAT_NOTICE_VERSION = "2026-12-v1"


# --- access -------------------------------------------------------------------------------

def get_candidate_for_interviews(*, db_session: Session, user: User, candidate_id: int,
                                 write: bool = False) -> Candidate:
    return get_candidate_for_user(db_session=db_session, user=user, candidate_id=candidate_id,
                                  permission="crm:write" if write else "candidates:read")


def get_transcript_for_user(*, db_session: Session, user: User, transcript_id: int,
                            write: bool = False) -> InterviewTranscript:
    transcript = db_session.get(InterviewTranscript, transcript_id)
    if transcript is None:
        raise NotFound("This transcript does not exist (any more).")
    get_candidate_for_interviews(db_session=db_session, user=user,
                                 candidate_id=transcript.candidate_id, write=write)
    return transcript


def get_role_for_candidate(*, db_session: Session, user: User, candidate: Candidate,
                           role_id: int) -> Role:
    """A role the candidate applied to, which a hiring manager may only use when it is theirs."""
    application = db_session.scalar(select(Application).where(
        Application.candidate_id == candidate.id, Application.role_id == role_id))
    role = db_session.get(Role, role_id)
    if application is None or role is None:
        raise NotFound("The candidate has not applied to this role.")
    if user.role == "hiring_manager" and role.hiring_manager_id != user.id:
        raise Forbidden("You can only interview for roles you manage.",
                        permission="candidates:read_all", target=f"role:{role_id}")
    return role


def candidate_roles(*, db_session: Session, user: User, candidate: Candidate) -> list[Role]:
    roles = list(db_session.scalars(select(Role).join(Application, Application.role_id == Role.id)
                                    .where(Application.candidate_id == candidate.id)
                                    .order_by(Role.id)))
    if user.role == "hiring_manager":
        roles = [r for r in roles if r.hiring_manager_id == user.id]
    return roles


def role_profile(*, db_session: Session, role: Role) -> RoleProfile | None:
    version = db_session.scalar(select(RoleVersion).where(
        RoleVersion.role_id == role.id, RoleVersion.number == role.current_version))
    if version is None:
        return None
    try:
        return RoleProfile.model_validate(version.profile)
    except ValueError:
        return None


def _profile_items(profile: RoleProfile | None) -> list[tuple[str, str]]:
    if profile is None:
        return []
    return [(d.key, f"{i.text_en} {i.text_nl} {' '.join(i.skills)}")
            for d in profile.dimensions for i in d.items]


# --- transcripts --------------------------------------------------------------------------

def _as_prompt(analysis_turns: list[dict[str, str]]) -> str:
    return "\n".join(f"{t['speaker']} ({t['role']}): {t['text']}" for t in analysis_turns)


def analyse_turns(*, db_session: Session, turns: list[Turn], candidate_name: str,
                  recruiter_name: str, profile: RoleProfile | None, language: str,
                  actor: User | None) -> Analysis:
    """Redact, guard, analyse (the model when configured, else offline), verify the quotes."""
    prepared, flags, redactions = prepare_turns(turns, candidate_name=candidate_name,
                                                recruiter_name=recruiter_name)
    items = _profile_items(profile)

    def offline() -> TranscriptAnswer:
        found = offline_analysis(prepared, profile_items=items, language=language)
        return TranscriptAnswer.model_validate({
            "summary": found.summary, "evidence": found.evidence, "questions": found.questions,
            "agreements": found.agreements})

    profile_text = "\n".join(f"{d}: {t}" for d, t in items) or "(no profile)"
    result = generate_structured(
        db_session=db_session, task="interviews.transcript", prompt="interviews/transcript",
        variables={"profile": profile_text, "transcript": _as_prompt(prepared)},
        schema=TranscriptAnswer, language=language, offline=offline, fallback_offline=True,
        actor=actor)
    answer = result.value
    analysis = Analysis(turns=prepared, summary="", evidence=[], questions=[], agreements=[],
                        flags=flags, redactions=redactions,
                        engine=f"{result.engine.name}:{result.engine.model}")
    if answer is None:
        analysis.flags.append({"code": "needs_human", "message": result.reason, "evidence": ""})
        return analysis
    analysis.summary = answer.summary
    analysis.evidence = [e.model_dump() for e in answer.evidence]
    analysis.questions, analysis.agreements = answer.questions, answer.agreements
    verify_quotes(analysis)
    if analysis.dropped_quotes:
        analysis.flags.append({"code": "quote_not_found", "evidence": "",
                               "message": f"{analysis.dropped_quotes} quote(s) not in the "
                                          "transcript were left out"})
    return analysis


def store_transcript(*, db_session: Session, actor: User | None, candidate: Candidate,
                     analysis: Analysis, kind: str, source_format: str, filename: str,
                     language: str) -> InterviewTranscript:
    transcript = InterviewTranscript(
        candidate_id=candidate.id, kind=kind, source_format=source_format,
        filename=filename[:255], language=language, turns=analysis.turns,
        summary=analysis.summary, questions=analysis.questions, agreements=analysis.agreements,
        flags=analysis.flags, redactions=analysis.redactions, engine=analysis.engine,
        uploaded_by_id=actor.id if actor else None,
        evidence=[InterviewEvidence(dimension=e["dimension"], quote=e["quote"],
                                    note=e.get("note", ""))
                  for e in analysis.evidence])
    db_session.add(transcript)
    db_session.flush()
    label = {"call": "Call", "interview": "Interview", "chat": "Chat interview"}[kind]
    db_session.add(Activity(
        candidate_id=candidate.id, kind="call" if kind == "call" else "meeting",
        author_id=actor.id if actor else None,
        body=(f"{label} transcript #{transcript.id} ({len(transcript.evidence)} evidence items "
              f"to review, /interviews/transcripts/{transcript.id}): {analysis.summary}")[:4000]))
    audit.record(db_session=db_session, actor=actor, event=created(
        "interview_transcript", transcript.id,
        {"candidate_id": candidate.id, "kind": kind, "evidence": len(transcript.evidence),
         "flags": len(transcript.flags), "engine": analysis.engine}))
    db_session.flush()
    return transcript


def upload_transcript(*, db_session: Session, actor: User | None, candidate: Candidate,
                      data: bytes, filename: str = "", language: str = "en", kind: str = "call",
                      recruiter_name: str = "") -> InterviewTranscript:
    if kind not in ("call", "interview"):
        raise InvalidInput("Unknown transcript kind.", detail={"field": "kind", "value": kind})
    source_format, turns = parse_bytes(data, filename=filename)
    roles = list(db_session.scalars(select(Role).join(Application, Application.role_id == Role.id)
                                    .where(Application.candidate_id == candidate.id)
                                    .order_by(Application.id)))
    profile = role_profile(db_session=db_session, role=roles[-1]) if roles else None
    analysis = analyse_turns(db_session=db_session, turns=turns,
                             candidate_name=candidate.full_name,
                             recruiter_name=recruiter_name or (actor.full_name if actor else ""),
                             profile=profile,
                             language=language if language in ("nl", "en") else "en",
                             actor=actor)
    return store_transcript(db_session=db_session, actor=actor, candidate=candidate,
                            analysis=analysis, kind=kind, source_format=source_format,
                            filename=filename, language=language)


def review_evidence(*, db_session: Session, actor: User, transcript: InterviewTranscript,
                    evidence_id: int, status: str) -> InterviewEvidence:
    if status not in EVIDENCE_STATUSES[1:]:
        raise InvalidInput("Choose confirm or reject.", detail={"field": "status"})
    evidence = db_session.get(InterviewEvidence, evidence_id)
    if evidence is None or evidence.transcript_id != transcript.id:
        raise NotFound("This evidence does not exist (any more).")
    before = evidence.status
    evidence.status, evidence.reviewed_by_id, evidence.reviewed_at = status, actor.id, utcnow()
    audit.record(db_session=db_session, actor=actor, event=updated(
        "interview_evidence", evidence.id, {"status": before}, {"status": status}))
    db_session.flush()
    return evidence


def transcripts_of(*, db_session: Session, candidate: Candidate) -> list[InterviewTranscript]:
    return list(db_session.scalars(select(InterviewTranscript).where(
        InterviewTranscript.candidate_id == candidate.id).order_by(InterviewTranscript.id.desc())))


def transcript_json(transcript: InterviewTranscript) -> dict[str, Any]:
    return {"id": transcript.id, "candidate_id": transcript.candidate_id,
            "kind": transcript.kind, "format": transcript.source_format,
            "summary": transcript.summary, "engine": transcript.engine,
            "turns": transcript.turns, "questions": transcript.questions,
            "agreements": transcript.agreements, "flags": transcript.flags,
            "redactions": transcript.redactions,
            "evidence": [{"id": e.id, "dimension": e.dimension, "quote": e.quote,
                          "note": e.note, "status": e.status} for e in transcript.evidence]}


# --- kits and scorecards ------------------------------------------------------------------

def latest_screening(*, db_session: Session, candidate: Candidate,
                     role: Role) -> ScreeningResult | None:
    return db_session.scalar(select(ScreeningResult).where(
        ScreeningResult.candidate_id == candidate.id, ScreeningResult.role_id == role.id)
        .order_by(ScreeningResult.scored_at.desc(), ScreeningResult.id.desc()).limit(1))


def build_kit(*, db_session: Session, candidate: Candidate, role: Role) -> list[KitQuestion]:
    """Questions per dimension: every dimension screening left unknown or weak (all six when
    there is no screening), one question per profile item (or a general one), with what a good
    answer shows."""
    profile = role_profile(db_session=db_session, role=role)
    screening = latest_screening(db_session=db_session, candidate=candidate, role=role)
    scores = dict(screening.dimensions) if screening else {}
    kit: list[KitQuestion] = []
    for dimension in DIMENSIONS:
        if screening is None:
            reason = "no_screening"
        else:
            score = (scores.get(dimension) or {}).get("score")
            if score is None:
                reason = "unknown"
            elif score < WEAK:
                reason = "weak"
            else:
                continue
        items = profile.dimension(dimension).items if profile else []
        if items:
            kit += [question(dimension, reason, i.text_nl, i.text_en) for i in items[:3]]
        else:
            kit.append(question(dimension, reason, *GENERIC_ITEM[dimension]))
    return kit


def own_scorecard(*, db_session: Session, user: User, candidate: Candidate,
                  role: Role) -> Scorecard | None:
    return db_session.scalar(select(Scorecard).where(
        Scorecard.candidate_id == candidate.id, Scorecard.role_id == role.id,
        Scorecard.interviewer_id == user.id))


def visible_scorecards(*, db_session: Session, user: User, candidate: Candidate,
                       role: Role) -> list[Scorecard]:
    """Everyone's scorecards once `user` submitted theirs; before that, none."""
    if own_scorecard(db_session=db_session, user=user, candidate=candidate, role=role) is None:
        return []
    return list(db_session.scalars(select(Scorecard).where(
        Scorecard.candidate_id == candidate.id, Scorecard.role_id == role.id)
        .order_by(Scorecard.submitted_at)))


def submit_scorecard(*, db_session: Session, actor: User, candidate: Candidate, role: Role,
                     data: ScorecardIn) -> Scorecard:
    if own_scorecard(db_session=db_session, user=actor, candidate=candidate, role=role):
        raise Conflict("You already submitted your scorecard for this candidate and role.")
    bad = {k: v for k, v in data.ratings.items() if not 1 <= v <= 5}
    if bad or not data.ratings:
        raise InvalidInput("Rate each dimension from 1 to 5.", detail={"field": "ratings"})
    card = Scorecard(candidate_id=candidate.id, role_id=role.id, interviewer_id=actor.id,
                     ratings=dict(data.ratings), notes={k: v for k, v in data.notes.items() if v},
                     recommendation=data.recommendation)
    db_session.add(card)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=created(
        "interview_scorecard", card.id, {"candidate_id": candidate.id, "role_id": role.id,
                                         "recommendation": data.recommendation}))
    return card


# --- the combined SEARCH picture ----------------------------------------------------------

@dataclass
class PictureRow:
    dimension: str
    figures: list[tuple[str, str, str]]  # (source, value, detail)


def search_picture(*, db_session: Session, candidate: Candidate) -> list[PictureRow]:
    """Per dimension, every figure with where it came from: screening (per role), assessments
    (scores from the final human levels, per challenge), interview scorecards (mean of
    submitted ratings), transcript evidence (confirmed / proposed) and portfolio items."""
    rows = {d: PictureRow(d, []) for d in DIMENSIONS}
    results = db_session.scalars(select(ScreeningResult).where(
        ScreeningResult.candidate_id == candidate.id).order_by(ScreeningResult.scored_at))
    latest: dict[int, ScreeningResult] = {r.role_id: r for r in results}
    for result in latest.values():
        role = db_session.get(Role, result.role_id)
        for dimension, values in (result.dimensions or {}).items():
            if dimension in rows:
                score = (values or {}).get("score")
                rows[dimension].figures.append((
                    "screening", "?" if score is None else f"{round(score)}/100",
                    role.key if role else ""))
    decided = db_session.execute(
        select(AssessmentSubmission.id, AssessmentSubmission.scores, AssessmentChallenge.key)
        .join(AssessmentChallenge, AssessmentChallenge.id == AssessmentSubmission.challenge_id)
        .where(AssessmentSubmission.candidate_id == candidate.id,
               AssessmentSubmission.status == "decided")
        .order_by(AssessmentSubmission.id)).all()
    for _submission_id, scores, challenge_key in decided:
        for dimension, score in (scores or {}).items():
            if dimension in rows:
                rows[dimension].figures.append(("assessment", f"{round(score)}%", challenge_key))
    cards = list(db_session.scalars(select(Scorecard).where(
        Scorecard.candidate_id == candidate.id)))
    for dimension in DIMENSIONS:
        ratings = [c.ratings[dimension] for c in cards if dimension in c.ratings]
        if ratings:
            rows[dimension].figures.append((
                "scorecards", f"{sum(ratings) / len(ratings):.1f}/5", str(len(ratings))))
    counts = db_session.execute(
        select(InterviewEvidence.dimension, InterviewEvidence.status, InterviewTranscript.kind,
               func.count())
        .join(InterviewTranscript).where(InterviewTranscript.candidate_id == candidate.id)
        .group_by(InterviewEvidence.dimension, InterviewEvidence.status,
                  InterviewTranscript.kind)).all()
    for dimension, status, kind, count in counts:
        if dimension in rows and status != "rejected":
            rows[dimension].figures.append((f"{kind}_evidence", str(count), status))
    portfolio = db_session.execute(
        select(PortfolioItem.dimension, func.count(func.distinct(PortfolioItem.item_key)))
        .where(PortfolioItem.candidate_id == candidate.id)
        .group_by(PortfolioItem.dimension)).all()
    for dimension, count in portfolio:
        if dimension in rows:
            rows[dimension].figures.append(("portfolio", str(count), ""))
    return list(rows.values())


# --- portfolio ----------------------------------------------------------------------------

def add_portfolio_item(*, db_session: Session, actor: User, candidate: Candidate, kind: str,
                       title: str, language: str, text: str, dimension: str = "skills",
                       item_key: str | None = None, note: str = "") -> PortfolioItem:
    """A new item, or (with `item_key`) the next version of an existing one."""
    if kind not in PORTFOLIO_KINDS:
        raise InvalidInput("Choose prompt or code.", detail={"field": "kind", "value": kind})
    if dimension not in DIMENSIONS:
        raise InvalidInput("Unknown SEARCH dimension.", detail={"field": "dimension"})
    if not title.strip() or not text.strip():
        raise InvalidInput("A portfolio item needs a title and a text.",
                           detail={"field": "title" if not title.strip() else "text"})
    version = 1
    if item_key:
        last = db_session.scalar(select(PortfolioItem).where(
            PortfolioItem.item_key == item_key).order_by(PortfolioItem.version.desc()).limit(1))
        if last is None or last.candidate_id != candidate.id:
            raise NotFound("This portfolio item does not exist (any more).")
        version = last.version + 1
    item = PortfolioItem(item_key=item_key or uuid.uuid4().hex, version=version,
                         candidate_id=candidate.id, kind=kind, title=title.strip()[:200],
                         language=language.strip()[:40], text=text, dimension=dimension,
                         note=note, created_by_id=actor.id)
    db_session.add(item)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=created(
        "portfolio_item", item.id, {"candidate_id": candidate.id, "kind": kind,
                                    "version": version, "item_key": item.item_key}))
    return item


def portfolio_of(*, db_session: Session, candidate: Candidate,
                 query: str = "") -> list[PortfolioItem]:
    """The latest version of each item, optionally those whose title, language or text holds
    `query`."""
    items = list(db_session.scalars(select(PortfolioItem).where(
        PortfolioItem.candidate_id == candidate.id).order_by(PortfolioItem.version)))
    latest = {i.item_key: i for i in items}
    found = list(latest.values())
    if query.strip():
        needle = query.strip().casefold()
        found = [i for i in found if needle in f"{i.title} {i.language} {i.text}".casefold()]
    return sorted(found, key=lambda i: i.created_at, reverse=True)


def search_portfolios(*, db_session: Session, user: User, query: str) -> list[PortfolioItem]:
    """Portfolio items (latest versions) of candidates `user` may see, matching `query`."""
    from searchlight.candidates.service import visible_clause

    like = f"%{query.strip()}%"
    statement = select(PortfolioItem).join(Candidate, Candidate.id == PortfolioItem.candidate_id)
    if query.strip():
        statement = statement.where(or_(PortfolioItem.title.ilike(like),
                                        PortfolioItem.text.ilike(like),
                                        PortfolioItem.language.ilike(like)))
    clause = visible_clause(user)
    if clause is not None:
        statement = statement.where(clause)
    latest: dict[str, PortfolioItem] = {}
    for item in db_session.scalars(statement.order_by(PortfolioItem.version)):
        latest[item.item_key] = item
    return sorted(latest.values(), key=lambda i: i.created_at, reverse=True)[:100]


def portfolio_versions(*, db_session: Session, item_key: str) -> list[PortfolioItem]:
    return list(db_session.scalars(select(PortfolioItem).where(
        PortfolioItem.item_key == item_key).order_by(PortfolioItem.version.desc())))


# --- chat interviews ----------------------------------------------------------------------

def create_chat(*, db_session: Session, actor: User, candidate: Candidate, role: Role,
                language: str = "en", hours: int = 72) -> tuple[ChatInterview, str]:
    """A chat interview of the role's kit, and its link token (shown once, stored hashed)."""
    kit = build_kit(db_session=db_session, candidate=candidate, role=role)
    per_dimension: dict[str, KitQuestion] = {}
    for q in kit:
        per_dimension.setdefault(q.dimension, q)  # one question per dimension
    token = secrets.token_urlsafe(24)
    chat = ChatInterview(
        candidate_id=candidate.id, role_id=role.id, token_hash=token_hash(token),
        language=language if language in ("nl", "en") else "en",
        questions=[{"dimension": q.dimension, "text_nl": q.text_nl, "text_en": q.text_en}
                   for q in per_dimension.values()],
        turns=[], expires_at=utcnow() + timedelta(hours=hours), created_by_id=actor.id)
    db_session.add(chat)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=created(
        "interview_chat", chat.id, {"candidate_id": candidate.id, "role_id": role.id,
                                    "expires_at": chat.expires_at.isoformat()}))
    return chat, token


def chat_by_token(*, db_session: Session, token: str) -> tuple[ChatInterview | None, str]:
    """The chat and its state: "open", "finished", "expired" or "unknown"."""
    chat = db_session.scalar(select(ChatInterview).where(
        ChatInterview.token_hash == token_hash(token)))
    if chat is None:
        return None, "unknown"
    if chat.finished_at is not None:
        return chat, "finished"
    if chat.expires_at < utcnow():
        return chat, "expired"
    return chat, "open"


def chat_question_text(chat: ChatInterview, index: int) -> str:
    q = chat.questions[index]
    return str(q["text_nl"] if chat.language == "nl" else q["text_en"])


def accept_chat_notice(*, db_session: Session, chat: ChatInterview) -> None:
    if chat.notice_accepted_at is None:
        chat.notice_accepted_at = utcnow()
        chat.notice_version = CHAT_NOTICE_VERSION
        chat.turns = [{"speaker": "interviewer", "text": chat_question_text(chat, 0),
                       "question": 0}] if chat.questions else []
        db_session.flush()


ChooseFollowUp = Callable[[ChatInterview, str], int | None]


def llm_follow_up(*, db_session: Session, chat: ChatInterview, answer: str) -> int | None:
    """The model may pick one follow-up from the bank (never free text) - only when an AI
    endpoint is configured; the offline engine never follows up."""
    question_text = chat_question_text(chat, chat.position)
    options = "\n".join(f"{i}: {en}" for i, (_nl, en) in enumerate(FOLLOW_UPS))
    result = generate_structured(
        db_session=db_session, task="interviews.chat_follow_up", prompt="interviews/follow_up",
        variables={"question": question_text, "answer": answer, "options": options},
        schema=FollowUpChoice, language=chat.language,
        offline=lambda: FollowUpChoice(follow_up=None), fallback_offline=True)
    if result.value is None or result.value.follow_up is None:
        return None
    return result.value.follow_up if result.value.follow_up < len(FOLLOW_UPS) else None


def answer_chat(*, db_session: Session, chat: ChatInterview, text: str) -> bool:
    """Store the candidate's answer and ask the next thing; True when the interview ended."""
    text = text.strip()[:4000]
    if not text:
        raise InvalidInput("Write an answer before sending.", detail={"field": "answer"})
    if chat.notice_accepted_at is None or chat.finished_at is not None:
        raise Conflict("This interview is not open.")
    turns = list(chat.turns)
    turns.append({"speaker": "candidate", "text": text, "question": chat.position})
    choice = None if chat.followed_up else llm_follow_up(db_session=db_session, chat=chat,
                                                         answer=text)
    if choice is not None:
        nl, en = FOLLOW_UPS[choice]
        turns.append({"speaker": "interviewer", "text": nl if chat.language == "nl" else en,
                      "question": chat.position})
        chat.followed_up = True
    else:
        chat.position += 1
        chat.followed_up = False
        if chat.position < len(chat.questions):
            turns.append({"speaker": "interviewer",
                          "text": chat_question_text(chat, chat.position),
                          "question": chat.position})
    chat.turns = turns
    if chat.position >= len(chat.questions):
        _finish_chat(db_session=db_session, chat=chat)
        return True
    db_session.flush()
    return False


def _finish_chat(*, db_session: Session, chat: ChatInterview) -> None:
    """Store the transcript and extract evidence per dimension, quotes from the candidate's
    answers, each tied to the dimension of the question it answers."""
    chat.finished_at = utcnow()
    candidate = db_session.get(Candidate, chat.candidate_id)
    assert candidate is not None
    prepared, flags, redactions = prepare_turns(
        [Turn("Interviewer" if t["speaker"] == "interviewer" else "Candidate", t["text"])
         for t in chat.turns], candidate_name="Candidate", recruiter_name="Interviewer")
    evidence = []
    for turn, raw in zip(prepared, chat.turns, strict=True):
        if raw["speaker"] == "candidate" and turn["text"].strip():
            dimension = chat.questions[int(raw["question"])]["dimension"]
            evidence.append({"dimension": dimension, "quote": turn["text"].strip(),
                             "note": "answer to the question on this dimension"})
    analysis = verify_quotes(Analysis(
        turns=prepared, evidence=evidence, questions=[], agreements=[], flags=flags,
        redactions=redactions, engine="offline:chat",
        summary=f"Chat interview of {len(chat.questions)} questions, finished."))
    transcript = store_transcript(db_session=db_session, actor=None, candidate=candidate,
                                  analysis=analysis, kind="chat", source_format="chat",
                                  filename="", language=chat.language)
    chat.transcript_id = transcript.id
    db_session.flush()
