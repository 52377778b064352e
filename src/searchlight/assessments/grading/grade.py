"""One answer to one question, graded item by item and guarded against injected instructions.

The answer is graded as written and with the guard's findings removed; per item the lower
level counts, so instruction-like text can never raise a score. A proposal whose quote is not
in the answer loses its level and goes to a human, as does any flagged answer.
"""

from dataclasses import dataclass, field
from typing import Any

from searchlight.assessments.grading.engine import ItemProposal, OfflineEngine
from searchlight.assessments.grading.guard import GuardFinding, inspect_answer
from searchlight.assessments.grading.quotes import quote_in_answer
from searchlight.assessments.grading.scores import question_score
from searchlight.assessments.schemas import Question


@dataclass(frozen=True)
class AnswerGrade:
    question_key: str
    proposals: tuple[ItemProposal, ...]
    score: float | None
    needs_human: bool
    findings: tuple[GuardFinding, ...] = ()
    engine_name: str = ""
    engine_model: str = ""
    unverified_items: tuple[str, ...] = field(default=())

    @property
    def levels(self) -> dict[str, int | None]:
        return {proposal.item_key: proposal.level for proposal in self.proposals}

    def as_line(self, answer_id: str) -> dict[str, Any]:
        """The line format of `searchlight assessments grade --format json`."""
        return {
            "id": answer_id,
            "question": self.question_key,
            "levels": self.levels,
            "score": self.score,
            "evidence": [{"item": p.item_key, "quote": p.quote} for p in self.proposals
                         if p.quote is not None and p.level is not None],
            "engine": {"name": self.engine_name, "model": self.engine_model},
            "needs_human": self.needs_human,
            "flags": [finding.as_flag() for finding in self.findings],
        }


def _checked(proposal: ItemProposal, answer: str) -> ItemProposal:
    """The proposal, or one without level when its quote is not really in the answer."""
    if proposal.level is None or quote_in_answer(proposal.quote, answer):
        return proposal
    return ItemProposal(proposal.item_key, None, None, "quote not found in the answer")


def grade_answer(question: Question, answer: str, engine: OfflineEngine) -> AnswerGrade:
    guard = inspect_answer(answer)
    proposals: list[ItemProposal] = []
    unverified: list[str] = []
    for item in question.items:
        proposal = engine.propose(item, answer)
        if guard.flagged:
            cleaned = engine.propose(item, guard.cleaned, original=answer)
            if cleaned.level is not None and (proposal.level is None
                                              or cleaned.level <= proposal.level):
                proposal = cleaned
        # An empty answer has nothing to quote: its lowest level needs no evidence.
        if proposal.quote is None and proposal.level == item.lowest:
            proposals.append(proposal)
            continue
        checked = _checked(proposal, answer)
        if checked.level is None:
            unverified.append(item.key)
        proposals.append(checked)
    levels = {p.item_key: p.level for p in proposals}
    return AnswerGrade(
        question_key=question.key, proposals=tuple(proposals),
        score=question_score(question, levels),
        needs_human=guard.flagged or bool(unverified), findings=guard.findings,
        engine_name=engine.name, engine_model=engine.model, unverified_items=tuple(unverified),
    )
