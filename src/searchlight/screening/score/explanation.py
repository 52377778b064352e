"""What a result page shows besides the stored numbers: every item with its quotes, and
questions for the interview. Recomputed from the analysis; the same engine gives the same
strengths as stored."""

from dataclasses import dataclass

from searchlight.screening.score.questions import InterviewQuestion, interview_questions
from searchlight.screening.score.scoring import Score


@dataclass(frozen=True)
class Explanation:
    score: Score
    questions: list[InterviewQuestion]


def explanation_of(score: Score) -> Explanation:
    return Explanation(score, interview_questions(score))
