"""Pages and API for explanations of decisions on a candidate, contests and their re-reviews."""

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from searchlight.auth.access import allowed
from searchlight.candidates.forms import text
from searchlight.deps import MAX_ID, CurrentUser, DbSession, PostedForm
from searchlight.governance import explanations
from searchlight.governance.explanations import MAX_REASON, DecisionExplanation
from searchlight.governance.models import DecisionReview
from searchlight.web import render

router = APIRouter()


class CriterionOut(BaseModel):
    dimension: str
    text: str
    must_have: bool
    evidence: list[str]


class ReviewOut(BaseModel):
    id: int
    decision: str
    status: str
    requested_at: datetime
    outcome: str
    changed: bool
    reviewed_at: datetime | None


class ExplanationOut(BaseModel):
    """What a candidate may ask for about one decision (GDPR art. 22, AI Act art. 86)."""

    decision: str = Field(description="`screening:<id>` or `stage:<id>`")
    role: str
    decided_at: datetime
    outcome: str
    decided_by: str | None = Field(description="The person who decided; null for a "
                                   "recommendation no one has acted on yet.")
    reason: str
    role_of_ai: list[str]
    criteria_met: list[CriterionOut]
    criteria_missed: list[CriterionOut]
    unknown_dimensions: list[str]
    reviews: list[ReviewOut]


class ContestIn(BaseModel):
    kind: Literal["screening", "stage"]
    decision_id: int = Field(ge=1, le=MAX_ID)
    reason: str = Field(min_length=1, max_length=MAX_REASON)


def _review_out(review: DecisionReview) -> ReviewOut:
    return ReviewOut(id=review.id, decision=f"{review.decision_kind}:{review.decision_id}",
                     status=review.status, requested_at=review.requested_at,
                     outcome=review.outcome, changed=review.changed,
                     reviewed_at=review.reviewed_at)


def _out(found: DecisionExplanation) -> ExplanationOut:
    def criteria(items: list[explanations.Criterion]) -> list[CriterionOut]:
        return [CriterionOut(dimension=c.dimension, text=c.text, must_have=c.must_have,
                             evidence=list(c.quotes)) for c in items]

    return ExplanationOut(
        decision=found.key, role=found.role, decided_at=found.decided_at, outcome=found.outcome,
        decided_by=found.decided_by, reason=found.reason, role_of_ai=found.ai_role,
        criteria_met=criteria(found.met), criteria_missed=criteria(found.missed),
        unknown_dimensions=found.unknown, reviews=[_review_out(r) for r in found.reviews])


@router.get("/candidates/{candidate_id:int}/explanation", include_in_schema=False)
def explanation_page(request: Request, db: DbSession, user: CurrentUser,
                     candidate_id: int) -> Response:
    candidate, found = explanations.explain_candidate(db_session=db, user=user,
                                                      candidate_id=candidate_id)
    return render(request, "governance/explanation.html", candidate=candidate, decisions=found,
                  may_contest=allowed(user, "candidates:write"),
                  may_review=allowed(user, "pipeline:move"))


@router.post("/candidates/{candidate_id:int}/contests", include_in_schema=False)
def contest(db: DbSession, user: CurrentUser, candidate_id: int, form: PostedForm) -> Response:
    decision_id = text(form, "decision_id")
    review = explanations.start_review(  # an id that is no number names no decision: 404
        db_session=db, actor=user, candidate_id=candidate_id, kind=text(form, "kind"),
        decision_id=int(decision_id) if decision_id.isdigit() and len(decision_id) < 10 else 0,
        reason=text(form, "reason"))
    return RedirectResponse(f"/candidates/{candidate_id}/explanation#review-{review.id}",
                            status_code=303)


@router.post("/reviews/{review_id:int}", include_in_schema=False)
def finish(db: DbSession, user: CurrentUser, review_id: int, form: PostedForm) -> Response:
    review = explanations.get_review_for_user(db_session=db, user=user, review_id=review_id)
    explanations.finish_review(db_session=db, actor=user, review=review,
                               outcome=text(form, "outcome"),
                               changed=text(form, "changed") == "yes")
    return RedirectResponse(f"/candidates/{review.candidate_id}/explanation#review-{review.id}",
                            status_code=303)


@router.get("/api/candidates/{candidate_id}/explanation", tags=["governance"])
def explanation_api(db: DbSession, user: CurrentUser, candidate_id: int
                    ) -> list[ExplanationOut]:
    """Every decision on the candidate, newest first, with its explanation."""
    _candidate, found = explanations.explain_candidate(db_session=db, user=user,
                                                       candidate_id=candidate_id)
    return [_out(item) for item in found]


@router.post("/api/candidates/{candidate_id}/contests", tags=["governance"],
             status_code=status.HTTP_201_CREATED)
def contest_api(db: DbSession, user: CurrentUser, candidate_id: int, body: ContestIn
                ) -> ReviewOut:
    """The candidate contests a decision: a logged human re-review starts."""
    review = explanations.start_review(
        db_session=db, actor=user, candidate_id=candidate_id, kind=body.kind,
        decision_id=body.decision_id, reason=body.reason)
    return _review_out(review)
