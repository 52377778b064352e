"""Grading as pure functions, no database: the offline engine (`engine`), the check that a
quote really is in the answer (`quotes`), the injection guard (`guard`), levels to scores per
SEARCH dimension (`scores`: code, never a model, does this) and agreement metrics (`metrics`).

`grade_answer` puts them together: the guard flags instruction-like text, the answer is graded
as written and with the flagged text removed, and the lower level of the two counts, so an
instruction can never raise a score.
"""

from searchlight.assessments.grading.engine import (
    EngineParams,
    ItemProposal,
    OfflineEngine,
)
from searchlight.assessments.grading.grade import AnswerGrade, grade_answer
from searchlight.assessments.grading.guard import GuardFinding, inspect_answer
from searchlight.assessments.grading.metrics import exact_agreement, quadratic_weighted_kappa
from searchlight.assessments.grading.quotes import quote_in_answer
from searchlight.assessments.grading.scores import dimension_scores, question_score

__all__ = [
    "AnswerGrade",
    "EngineParams",
    "GuardFinding",
    "ItemProposal",
    "OfflineEngine",
    "dimension_scores",
    "exact_agreement",
    "grade_answer",
    "inspect_answer",
    "quadratic_weighted_kappa",
    "question_score",
    "quote_in_answer",
]
