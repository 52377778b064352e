"""Pydantic shapes: what the AI model answers (validated, one retry, then a human) and what the
CLI prints."""

from typing import Literal

from pydantic import BaseModel, Field

DimensionKey = Literal["skills", "experience", "attitude", "results", "cognitive", "habits"]


class EvidenceOut(BaseModel):
    dimension: DimensionKey
    quote: str = Field(min_length=1, max_length=1000)
    note: str = Field(default="", max_length=500)


class TranscriptAnswer(BaseModel):
    """The model's analysis of a transcript."""

    summary: str = Field(max_length=3000)
    evidence: list[EvidenceOut] = []
    questions: list[str] = []
    agreements: list[str] = []


class FollowUpChoice(BaseModel):
    """The chat interviewer's only freedom: pick one of the bank's follow-ups, or none."""

    follow_up: int | None = Field(default=None, ge=0, le=9)


class ScorecardIn(BaseModel):
    ratings: dict[DimensionKey, int]
    notes: dict[DimensionKey, str] = {}
    recommendation: Literal["strong_no", "no", "yes", "strong_yes"]
