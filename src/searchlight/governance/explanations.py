"""Explanations and contests (GDPR art. 22, AI Act art. 86): for every decision on a candidate
(a screening outcome, a move in the pipeline) the explanation the candidate may ask for — what
AI did, which criteria were met and missed with the evidence, who decided — and a contest that
starts a logged human re-review, by someone other than the person who decided."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, StageChange
from searchlight.candidates.pipeline import stages_for_role
from searchlight.candidates.service import get_candidate_for_user
from searchlight.db import utcnow
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.governance.models import DecisionReview
from searchlight.i18n import N_, current_locale, gettext
from searchlight.roles.models import Role
from searchlight.screening.models import ScreeningResult

KINDS = ("screening", "stage")
MAX_REASON = 2000


@dataclass(frozen=True)
class Criterion:
    dimension: str
    text: str
    must_have: bool
    quotes: tuple[str, ...] = ()


@dataclass
class DecisionExplanation:
    kind: str  # "screening" or "stage"
    decision_id: int
    role: str
    decided_at: datetime
    outcome: str
    decided_by: str | None  # a named person; None: a recommendation no one has acted on yet
    decided_by_id: int | None
    reason: str
    ai_role: list[str]
    met: list[Criterion] = field(default_factory=list)
    missed: list[Criterion] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # dimensions without any evidence
    reviews: list[DecisionReview] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.decision_id}"


def _title(role: Role) -> str:
    return role.title_en if current_locale.get() == "en" else role.title_nl


def _criteria(db_session: Session, result: ScreeningResult, explanation: DecisionExplanation
              ) -> None:
    from searchlight.screening.ranking import with_explanation

    english = current_locale.get() == "en"
    explained = with_explanation(db_session=db_session, result=result).explanation
    assert explained is not None
    for key, dimension in explained.score.dimensions.items():
        if dimension.items and dimension.score is None:
            explanation.unknown.append(key)
        for item in dimension.items:
            criterion = Criterion(
                dimension=key, text=item.spec.text_en if english else item.spec.text_nl,
                must_have=item.spec.must_have, quotes=tuple(q.text for q in item.quotes[:2]))
            (explanation.met if item.matched else explanation.missed).append(criterion)


def _screening_ai_role(result: ScreeningResult) -> list[str]:
    sentences = [
        gettext("The match with the role's SEARCH profile was computed by Searchlight's matching "
                "engine ({engine}) from the CV with name and contact details removed.",
                engine=result.engine_version),
        gettext("It is a recommendation: the engine never rejects anyone, and it cites the CV "
                "text behind each criterion it counts as met."),
    ]
    if result.needs_human_check:
        sentences.append(gettext("The engine asked a person to look at this CV by hand."))
    return sentences


def _latest_result(db_session: Session, candidate: Candidate, role_id: int
                   ) -> ScreeningResult | None:
    return db_session.scalar(select(ScreeningResult).where(
        ScreeningResult.candidate_id == candidate.id, ScreeningResult.role_id == role_id)
        .order_by(ScreeningResult.scored_at.desc(), ScreeningResult.id.desc()).limit(1))


def _screening(db_session: Session, result: ScreeningResult) -> DecisionExplanation:
    role = db_session.get_one(Role, result.role_id)
    score = (gettext("SEARCH match {score} of 100", score=round(result.overall))
             if result.overall is not None else gettext("SEARCH match unknown"))
    explanation = DecisionExplanation(
        kind="screening", decision_id=result.id, role=_title(role), decided_at=result.scored_at,
        outcome=score, decided_by=None, decided_by_id=None, reason="",
        ai_role=_screening_ai_role(result))
    _criteria(db_session, result, explanation)
    return explanation


def _stage_name(db_session: Session, role: Role, key: str) -> str:
    for stage in stages_for_role(db_session=db_session, role=role):  # defaults are not stored
        if stage.key == key:
            return stage.name(current_locale.get())
    return key


def _stage(db_session: Session, candidate: Candidate, change: StageChange
           ) -> DecisionExplanation:
    application = change.application
    decider = change.actor
    result = _latest_result(db_session, candidate, application.role_id)
    ai_role = [gettext("A person moved the application; no AI took this step.")]
    if result is not None:
        ai_role.append(gettext("The screening recommendation below was available to them."))
    explanation = DecisionExplanation(
        kind="stage", decision_id=change.id, role=_title(application.role),
        decided_at=change.moved_at,
        outcome=gettext("Moved to {stage}", stage=_stage_name(
            db_session, application.role, change.to_stage)),
        decided_by=decider.full_name if decider else None,
        decided_by_id=decider.id if decider else None, reason=change.reason, ai_role=ai_role)
    if result is not None:
        _criteria(db_session, result, explanation)
    return explanation


def explain_candidate(*, db_session: Session, user: User, candidate_id: int
                      ) -> tuple[Candidate, list[DecisionExplanation]]:
    """Every decision on a candidate, newest first, each with its explanation and reviews."""
    candidate = get_candidate_for_user(db_session=db_session, user=user, candidate_id=candidate_id)
    found = [_screening(db_session, result) for result in db_session.scalars(
        select(ScreeningResult).where(ScreeningResult.candidate_id == candidate.id))]
    changes = db_session.scalars(select(StageChange).join(Application).where(
        Application.candidate_id == candidate.id, StageChange.from_stage.is_not(None)))
    found += [_stage(db_session, candidate, change) for change in changes]
    reviews = db_session.scalars(select(DecisionReview).where(
        DecisionReview.candidate_id == candidate.id).order_by(DecisionReview.id))
    by_key = {explanation.key: explanation for explanation in found}
    for review in reviews:
        if (explanation := by_key.get(f"{review.decision_kind}:{review.decision_id}")):
            explanation.reviews.append(review)
    return candidate, sorted(found, key=lambda e: (e.decided_at, e.kind), reverse=True)


def _decision(explanations: list[DecisionExplanation], kind: str, decision_id: int
              ) -> DecisionExplanation:
    for explanation in explanations:
        if explanation.kind == kind and explanation.decision_id == decision_id:
            return explanation
    raise NotFound(N_("This decision does not exist for this candidate."))


def start_review(*, db_session: Session, actor: User, candidate_id: int, kind: str,
                 decision_id: int, reason: str) -> DecisionReview:
    """The candidate contests a decision (told to a recruiter, who records it): a task for the
    recruiter who owns the candidate, and an audit entry without the candidate's words."""
    require(actor, "candidates:write", target=f"candidate:{candidate_id}")
    candidate, explanations = explain_candidate(db_session=db_session, user=actor,
                                                candidate_id=candidate_id)
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(N_("reason: say in a few words what the candidate contests."),
                           detail={"field": "reason"})
    if kind not in KINDS:
        raise InvalidInput(N_("kind: choose screening or stage."), detail={"field": "kind"})
    _decision(explanations, kind, decision_id)
    review = DecisionReview(candidate_id=candidate.id, decision_kind=kind,
                            decision_id=decision_id, reason=reason, requested_by_id=actor.id,
                            assigned_to_id=candidate.owner_id or actor.id)
    db_session.add(review)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "decision.contested", "decision_review", review.id,
        {"decision": f"{kind}:{decision_id}", "candidate_id": candidate.id,
         "assigned_to_id": review.assigned_to_id}))
    return review


def get_review_for_user(*, db_session: Session, user: User, review_id: int) -> DecisionReview:
    require(user, "pipeline:move", target=f"decision_review:{review_id}")
    review = db_session.get(DecisionReview, review_id)
    if review is None:
        raise NotFound(N_("This review does not exist."))
    get_candidate_for_user(db_session=db_session, user=user, candidate_id=review.candidate_id)
    return review


def finish_review(*, db_session: Session, actor: User, review: DecisionReview, outcome: str,
                  changed: bool) -> DecisionReview:
    """A person other than the one who decided records what the re-review found."""
    if review.status != "open":
        raise InvalidInput(N_("This review is already finished."))
    outcome = outcome.strip()
    if not outcome or len(outcome) > MAX_REASON:
        raise InvalidInput(N_("outcome: say what the review found."), detail={"field": "outcome"})
    _candidate, explanations = explain_candidate(db_session=db_session, user=actor,
                                                 candidate_id=review.candidate_id)
    decision = _decision(explanations, review.decision_kind, review.decision_id)
    if decision.decided_by_id == actor.id:
        raise Forbidden(N_("Someone other than the person who decided reviews the decision."),
                        permission="decision:review", target=f"decision_review:{review.id}")
    review.status, review.outcome, review.changed = "done", outcome, changed
    review.reviewed_by_id, review.reviewed_at = actor.id, utcnow()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "decision.reviewed", "decision_review", review.id,
        {"decision": decision.key, "changed": changed}))
    return review


def open_reviews(*, db_session: Session, user: User) -> list[DecisionReview]:
    """Contests waiting for a human: one's own tasks, or all of them for who sees every
    candidate."""
    query = select(DecisionReview).where(DecisionReview.status == "open")
    if not allowed(user, "candidates:read_all"):
        query = query.where(DecisionReview.assigned_to_id == user.id)
    return list(db_session.scalars(query.order_by(DecisionReview.requested_at)))
