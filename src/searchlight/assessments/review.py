"""Grading a submission (the proposals) and what humans decide about it: confirm or override
each item (an override needs a reason), an optional blind second review, final levels to
scores per SEARCH dimension (code, never a model), confirmed answers as anchor answers, and
the calibration of AI proposals against final human grades. Keyword-only functions taking
db_session first; they flush, never commit."""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.assessments.grading import OfflineEngine, dimension_scores, grade_answer
from searchlight.assessments.grading.engine import ItemProposal
from searchlight.assessments.grading.grade import AnswerGrade
from searchlight.assessments.grading.llm import grade_all_with_model
from searchlight.assessments.grading.metrics import exact_agreement, quadratic_weighted_kappa
from searchlight.assessments.models import (
    AssessmentChallenge,
    AssessmentSubmission,
    GradeDecision,
    GradeProposal,
)
from searchlight.assessments.schemas import Challenge, Item, Question
from searchlight.assessments.service import document_for, document_of, save_challenge
from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import created, updated
from searchlight.i18n import N_

log = logging.getLogger(__name__)

HUMAN_ONLY = "human-only"


class Engine(Protocol):
    name: str

    @property
    def model(self) -> str: ...

    def propose(self, item: Item, answer: str, *, original: str | None = None) -> ItemProposal: ...


_engine: OfflineEngine | None = None


def default_engine() -> OfflineEngine:
    global _engine
    if _engine is None:
        _engine = OfflineEngine()
    return _engine


# --- grading ------------------------------------------------------------------------------

def _needs_human(question: Question, submission: AssessmentSubmission, engine_name: str,
                 note: str, flags: list[dict[str, str]]) -> list[GradeProposal]:
    return [GradeProposal(submission_id=submission.id, question_key=question.key,
                          item_key=item.key, dimension=item.dimension, level=None, quote=None,
                          note=note, engine_name=engine_name[:40], needs_human=True,
                          flags=flags)
            for item in question.items]


def _answer_grades(*, db_session: Session, challenge: Challenge, answers: dict[str, Any],
                   engine: Engine | None) -> list[AnswerGrade]:
    """One grade per question: through the configured model (the offline engine when none is
    configured, and it says so), or through `engine` when one is given. An endpoint that is
    down or stopped leaves every answer waiting for a human (grading.llm)."""
    pairs = [(question, str(answers.get(question.key, ""))) for question in challenge.questions]
    if engine is not None:
        return [grade_answer(question, answer, engine)  # type: ignore[arg-type]
                for question, answer in pairs]
    return grade_all_with_model(db_session=db_session, answers=pairs,
                                language=challenge.language, offline=default_engine())


def grade_submission(*, db_session: Session, submission: AssessmentSubmission,
                     engine: Engine | None = None) -> None:
    """Propose a level with a quote per rubric item. Human-only hand-ins skip the engine; an
    engine that fails leaves every item to a human, the answers kept. Idempotent: a submission
    that was graded already is left alone."""
    if submission.status == "grading":
        store_proposals(db_session=db_session, submission=submission,
                        rows=propose(db_session=db_session, submission=submission, engine=engine))


def propose(*, db_session: Session, submission: AssessmentSubmission,
            engine: Engine | None = None) -> list[GradeProposal]:
    """The grade proposals for a submission, not yet stored: the engine's work, done before
    anything is written (a background job can then write in a short transaction)."""
    challenge = document_for(db_session=db_session, submission=submission)
    rows: list[GradeProposal] = []
    if submission.human_only:
        for question in challenge.questions:
            rows += _needs_human(question, submission, HUMAN_ONLY,
                                 "The candidate asked for grading by a human only.", [])
        return rows
    try:
        grades = _answer_grades(db_session=db_session, challenge=challenge,
                                answers=submission.answers, engine=engine)
    except Exception:  # a model missing, a bug: a human grades, nothing lost
        log.exception("grading submission %s failed; left to a human", submission.id)
        grades = None
        for question in challenge.questions:
            rows += _needs_human(question, submission, getattr(engine, "name", "engine"),
                                 "The grader was not available; grade this item yourself.",
                                 [{"code": "engine_unavailable", "message": "",
                                   "evidence": ""}])
    for question, graded in zip(challenge.questions, grades or [], strict=grades is not None):
        flags = [finding.as_flag() for finding in graded.findings]
        for item, proposal in zip(question.items, graded.proposals, strict=True):
            rows.append(GradeProposal(
                submission_id=submission.id, question_key=question.key,
                item_key=item.key, dimension=item.dimension, level=proposal.level,
                quote=proposal.quote, note=proposal.basis[:2000],
                engine_name=graded.engine_name[:40], engine_model=graded.engine_model[:120],
                needs_human=graded.needs_human or proposal.level is None, flags=flags))
    return rows


def store_proposals(*, db_session: Session, submission: AssessmentSubmission,
                    rows: list[GradeProposal]) -> None:
    """Store what `propose` made and send the submission to review."""
    db_session.add_all(rows)
    submission.status, submission.graded_at = "review", utcnow()
    db_session.flush()
    audit.record(db_session=db_session, actor=None, event=updated(
        "assessment_submission", submission.id, {"status": "grading"},
        {"status": "review", "proposals": len(rows),
         "needs_human": sum(row.needs_human for row in rows),
         "engine": rows[0].engine_name if rows else ""}))


# --- human decisions ----------------------------------------------------------------------

def item_of(challenge: Challenge, proposal: GradeProposal) -> Item:
    question = challenge.question(proposal.question_key)
    item = next((i for i in question.items if i.key == proposal.item_key), None) \
        if question else None
    if item is None:
        raise NotFound(N_("This rubric item is not in the challenge (any more)."))
    return item


def _proposal(submission: AssessmentSubmission, proposal_id: int) -> GradeProposal:
    proposal = next((p for p in submission.proposals if p.id == proposal_id), None)
    if proposal is None:
        raise NotFound(N_("This grade proposal does not exist (any more)."))
    return proposal


def reviewers(submission: AssessmentSubmission) -> set[int]:
    return {d.reviewer_id for p in submission.proposals for d in p.decisions}


def has_decided_all(submission: AssessmentSubmission, user: User) -> bool:
    return bool(submission.proposals) and all(
        any(d.reviewer_id == user.id for d in p.decisions) for p in submission.proposals)


def may_see_others(submission: AssessmentSubmission, user: User) -> bool:
    """Blind review: another reviewer's decisions show once `user` decided every item."""
    return has_decided_all(submission, user)


def decide(*, db_session: Session, actor: User, submission: AssessmentSubmission,
           proposal_id: int, level: int, reason: str = "") -> GradeDecision:
    """Confirm (the proposed level) or override (another level, with a reason). A reviewer may
    change their own decision; every decision is on record."""
    require(actor, "assessments:review", target=f"assessment_submission:{submission.id}")
    if submission.status == "grading":
        raise Conflict(N_("This hand-in is still being graded."))
    proposal = _proposal(submission, proposal_id)
    item = item_of(document_for(db_session=db_session, submission=submission), proposal)
    if not item.lowest <= level <= item.highest:
        raise InvalidInput(N_("Choose one of the levels of this item."),
                           detail={"field": "level"})
    reason = reason.strip()[:2000]
    is_override = proposal.level is not None and level != proposal.level
    if is_override and not reason:
        raise InvalidInput(N_("Say why you override the proposed level."),
                           detail={"field": "reason"})
    decision = next((d for d in proposal.decisions if d.reviewer_id == actor.id), None)
    before = None if decision is None else {"level": decision.level}
    if decision is None:
        decision = GradeDecision(reviewer_id=actor.id, level=level, is_override=is_override,
                                 reason=reason)
        proposal.decisions.append(decision)
    else:
        decision.level, decision.is_override, decision.reason = level, is_override, reason
        decision.decided_at = utcnow()
    db_session.flush()
    values = {"level": level, "proposed": proposal.level, "override": is_override,
              "reason": reason, "submission_id": submission.id, "item": proposal.item_key}
    audit.record(db_session=db_session, actor=actor, event=(
        created("assessment_decision", decision.id, values) if before is None
        else updated("assessment_decision", decision.id, before, values)))
    settle(db_session=db_session, submission=submission)
    return decision


def settle(*, db_session: Session, submission: AssessmentSubmission) -> None:
    """Final levels: the level every reviewer gave, once enough reviewers (two with a second
    review) decided; reviewers who disagree leave the item open. When every item is final,
    the scores per SEARCH dimension are computed from the final levels."""
    needed = 2 if submission.second_review else 1
    for proposal in submission.proposals:
        levels = {d.level for d in proposal.decisions}
        proposal.final_level = levels.pop() if len(proposal.decisions) >= needed \
            and len(levels) == 1 else None
    finals: dict[str, dict[str, int | None]] = defaultdict(dict)
    for proposal in submission.proposals:
        finals[proposal.question_key][proposal.item_key] = proposal.final_level
    done = bool(submission.proposals) and all(
        p.final_level is not None for p in submission.proposals)
    if done:
        submission.scores = dimension_scores(
            document_for(db_session=db_session, submission=submission), finals)
        submission.status = "decided"
        submission.decided_at = submission.decided_at or utcnow()
    elif submission.status == "decided":
        submission.status, submission.scores, submission.decided_at = "review", {}, None
    db_session.flush()


def disagreements(submission: AssessmentSubmission) -> set[int]:
    """Proposals whose reviewers gave different levels."""
    return {p.id for p in submission.proposals if len({d.level for d in p.decisions}) > 1}


def request_second_review(*, db_session: Session, actor: User,
                          submission: AssessmentSubmission) -> None:
    require(actor, "assessments:review", target=f"assessment_submission:{submission.id}")
    if submission.second_review:
        return
    submission.second_review = True
    audit.record(db_session=db_session, actor=actor, event=updated(
        "assessment_submission", submission.id, {"second_review": False},
        {"second_review": True}))
    settle(db_session=db_session, submission=submission)


def save_anchor(*, db_session: Session, actor: User, submission: AssessmentSubmission,
                proposal_id: int) -> AssessmentChallenge:
    """The answer, with its final level, becomes an anchor answer (a graded example) of the
    rubric item: a new version of the challenge."""
    require(actor, "assessments:review", target=f"assessment_submission:{submission.id}")
    proposal = _proposal(submission, proposal_id)
    if proposal.final_level is None:
        raise Conflict(N_("Only a decided grade can become an anchor answer."))
    answer = str(submission.answers.get(proposal.question_key, "")).strip()
    if not answer:
        raise InvalidInput(N_("An empty answer cannot be an anchor answer."))
    document = document_of(submission.challenge).model_dump(mode="json")
    for question in document["questions"]:
        for item in question["items"]:
            if question["key"] != proposal.question_key or item["key"] != proposal.item_key:
                continue
            level = next((lv for lv in item["levels"] if lv["level"] == proposal.final_level),
                         None)
            if level is None:
                level = {"level": proposal.final_level, "description": "", "examples": []}
                item["levels"].append(level)
            if answer not in level["examples"]:
                level["examples"].append(answer)
    result = save_challenge(db_session=db_session, actor=actor,
                            challenge=Challenge.model_validate(document))
    audit.record(db_session=db_session, actor=actor, event=created(
        "assessment_anchor", proposal.id,
        {"challenge": result.challenge.key, "version": result.challenge.version,
         "item": proposal.item_key, "level": proposal.final_level,
         "submission_id": submission.id}))
    return result.challenge


# --- calibration --------------------------------------------------------------------------

@dataclass
class Agreement:
    challenge_key: str
    challenge_title: str
    language: str
    question_key: str
    item_key: str
    dimension: str
    period: str  # "" for all time, else "YYYY-MM"
    count: int = 0
    qwk: float | None = None
    exact: float | None = None
    pairs: list[tuple[int, int]] = field(default_factory=list, repr=False)


def calibration(*, db_session: Session, challenge_id: int | None = None) -> list[Agreement]:
    """Per challenge and rubric item, over all time and per month: quadratic weighted kappa
    and exact agreement between the engine's proposed level and the final human level
    (items a human graded alone, without a proposal, are left out)."""
    query = (select(GradeProposal, AssessmentSubmission)
             .join(AssessmentSubmission, AssessmentSubmission.id == GradeProposal.submission_id)
             .where(GradeProposal.level.is_not(None), GradeProposal.final_level.is_not(None))
             .order_by(GradeProposal.id))
    if challenge_id is not None:
        query = query.where(AssessmentSubmission.challenge_id == challenge_id)
    groups: dict[tuple[int, str, str, str], Agreement] = {}
    challenges: dict[int, Challenge] = {}
    for proposal, submission in db_session.execute(query).tuples():
        if submission.challenge_id not in challenges:  # items as of the latest version
            challenges[submission.challenge_id] = document_of(submission.challenge)
        challenge = challenges[submission.challenge_id]
        assert proposal.level is not None and proposal.final_level is not None
        for period in ("", (submission.decided_at or submission.submitted_at).strftime("%Y-%m")):
            key = (submission.challenge_id, proposal.question_key, proposal.item_key, period)
            if key not in groups:
                groups[key] = Agreement(challenge.key, challenge.title, challenge.language,
                                        proposal.question_key,
                                        proposal.item_key, proposal.dimension, period)
            groups[key].pairs.append((proposal.level, proposal.final_level))
    for (cid, _question, _item, _period), agreement in groups.items():
        proposed = [a for a, _b in agreement.pairs]
        final = [b for _a, b in agreement.pairs]
        try:
            item = next(i for q in challenges[cid].questions if q.key == agreement.question_key
                        for i in q.items if i.key == agreement.item_key)
            lowest, highest = item.lowest, item.highest
        except StopIteration:
            lowest, highest = None, None
        agreement.count = len(proposed)
        agreement.qwk = round(quadratic_weighted_kappa(proposed, final, lowest=lowest,
                                                       highest=highest), 3)
        agreement.exact = round(exact_agreement(proposed, final), 3)
    return sorted(groups.values(), key=lambda a: (a.challenge_key, a.question_key, a.item_key,
                                                  a.period))


def submissions_to_review(*, db_session: Session, user: User,
                          limit: int = 100) -> list[AssessmentSubmission]:
    from searchlight.candidates.models import Candidate
    from searchlight.candidates.service import visible_clause

    query = (select(AssessmentSubmission)
             .join(Candidate, Candidate.id == AssessmentSubmission.candidate_id)
             .order_by(AssessmentSubmission.submitted_at.desc()).limit(limit))
    clause = visible_clause(user)
    if clause is not None:
        query = query.where(clause)
    rows = list(db_session.scalars(query))
    if clause is not None:  # hiring managers: only their roles' invitations
        from searchlight.roles.models import Role

        managed = set(db_session.scalars(select(Role.id).where(Role.hiring_manager_id == user.id)))
        rows = [row for row in rows if row.invitation.role_id in managed]
    return rows
