"""Shapes of the reskilling domain: what `programmes list --format json` prints and what the
L&D lead's edit forms accept."""

from pydantic import BaseModel, ConfigDict, Field

from searchlight.roles.schemas import BilingualText, DimensionKey


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PhaseOut(BaseModel):
    months: str
    month_from: int
    month_to: int
    description: BilingualText
    weeks: int
    output: BilingualText
    note: BilingualText | None = None


class VariantOut(BaseModel):
    key: str
    label: BilingualText
    weeks: int
    phases: list[PhaseOut]


class MilestoneOut(BaseModel):
    month: int
    goal: BilingualText
    form: BilingualText
    form_kind: str
    beyond_duration: bool


class InconsistencyOut(BaseModel):
    text: BilingualText
    resolved: bool
    resolution: str


class ProgrammeOut(BaseModel):
    key: str
    number: int
    track: str
    title: BilingualText
    summary: BilingualText
    duration_months: int
    variants: list[VariantOut]
    milestones: list[MilestoneOut]
    inconsistency: InconsistencyOut | None


class CriterionOut(BaseModel):
    key: str
    text: BilingualText
    evidence: BilingualText
    dimensions: list[DimensionKey]


class ProgrammeEdit(_Strict):
    """What the L&D lead may change on a programme template."""

    title_nl: str = Field(min_length=1, max_length=300)
    title_en: str = Field(min_length=1, max_length=300)
    summary_nl: str = Field(default="", max_length=4000)
    summary_en: str = Field(default="", max_length=4000)
    duration_months: int = Field(ge=1, le=36)


class PhaseEdit(_Strict):
    month_from: int = Field(ge=1, le=36)
    month_to: int = Field(ge=1, le=36)
    description_nl: str = Field(min_length=1, max_length=2000)
    description_en: str = Field(min_length=1, max_length=2000)
    weeks: int = Field(ge=1, le=156)
    output_nl: str = Field(default="", max_length=2000)
    output_en: str = Field(default="", max_length=2000)


class MilestoneEdit(_Strict):
    month: int = Field(ge=1, le=36)
    goal_nl: str = Field(min_length=1, max_length=2000)
    goal_en: str = Field(min_length=1, max_length=2000)
    form_nl: str = Field(min_length=1, max_length=2000)
    form_en: str = Field(min_length=1, max_length=2000)
