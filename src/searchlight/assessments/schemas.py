"""The challenge document: what a candidate gets (instructions, time limit, what to hand in,
questions) and how it is graded (rubric items per question, each mapped to a SEARCH dimension,
with integer levels, optional level descriptions, graded anchor answers and reference answers).
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from searchlight.roles.schemas import DimensionKey

Language = Literal["en", "nl"]
HandIn = Literal["text", "code", "files", "links"]
KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"
MAX_LEVEL = 10


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Level(_Strict):
    level: int = Field(ge=0, le=MAX_LEVEL)
    description: str = Field(default="", max_length=2000)
    examples: list[str] = Field(default_factory=list, description="Graded anchor answers.")


class Item(_Strict):
    key: str = Field(pattern=KEY_PATTERN)
    dimension: DimensionKey
    weight: float = Field(default=1.0, gt=0, le=10)
    reference_answers: list[str] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=2)

    @field_validator("levels")
    @classmethod
    def _distinct_levels(cls, levels: list[Level]) -> list[Level]:
        numbers = [level.level for level in levels]
        if len(set(numbers)) != len(numbers):
            raise ValueError("each level may be listed only once")
        return sorted(levels, key=lambda level: level.level)

    @property
    def lowest(self) -> int:
        return self.levels[0].level

    @property
    def highest(self) -> int:
        return self.levels[-1].level


class Question(_Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1, max_length=5000)
    items: list[Item] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _distinct_items(cls, items: list[Item]) -> list[Item]:
        keys = [item.key for item in items]
        if len(set(keys)) != len(keys):
            raise ValueError("item keys must be unique within a question")
        return items


def _text_only() -> list[HandIn]:
    return ["text"]


class Challenge(_Strict):
    key: str = Field(pattern=KEY_PATTERN)
    title: str = Field(min_length=1, max_length=200)
    language: Language
    role_keys: list[str] = Field(default_factory=list)
    instructions: str = Field(default="", max_length=10000)
    time_limit_minutes: int | None = Field(default=None, ge=1, le=600)
    hand_in: list[HandIn] = Field(default_factory=_text_only, min_length=1)
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct_questions(self) -> "Challenge":
        keys = [question.key for question in self.questions]
        if len(set(keys)) != len(keys):
            raise ValueError("question keys must be unique within a challenge")
        return self

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)


class ChallengeListing(BaseModel):
    """One line of `searchlight assessments list --format json`."""

    key: str
    title: str
    language: Language
    role_keys: list[str]
    time_limit_minutes: int | None
    hand_in: list[HandIn]
    questions: list[str]
    items: list[dict[str, str]]
