"""Shapes for organisation facts, generated texts and the CLI/API output."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["vacancy", "social", "onboarding"]
Language = Literal["nl", "en"]


class OrganisationIn(BaseModel):
    """Organisation facts as the settings form posts them (benefits: one per line)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(default="", max_length=200)
    sector_nl: str = Field(default="", max_length=200)
    sector_en: str = Field(default="", max_length=200)
    about_nl: str = Field(default="", max_length=4000)
    about_en: str = Field(default="", max_length=4000)
    benefits_nl: str = Field(default="", max_length=4000)
    benefits_en: str = Field(default="", max_length=4000)
    tone_nl: str = Field(default="", max_length=1000)
    tone_en: str = Field(default="", max_length=1000)
    apply_nl: str = Field(default="", max_length=2000)
    apply_en: str = Field(default="", max_length=2000)


class EngineOut(BaseModel):
    name: str
    model: str


class FindingOut(BaseModel):
    start: int
    end: int
    text: str
    category: str
    suggestion: str
    reason: str


class GeneratedOut(BaseModel):
    """One line of `searchlight content generate --format json`."""

    kind: Kind
    role: str
    role_version: int
    language: Language
    title: str
    text: str
    engine: EngineOut
    findings: list[FindingOut]
