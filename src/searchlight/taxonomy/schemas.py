"""The built-in taxonomy file format and the skill shapes the JSON API returns."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SkillKind = Literal["technical", "domain", "soft", "language"]
SkillSource = Literal["builtin", "esco"]
SKILL_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid")

    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)


class BilingualLists(BaseModel):
    model_config = ConfigDict(extra="forbid")

    en: list[str] = []
    nl: list[str] = []


class BuiltinGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=SKILL_KEY_PATTERN)
    label: Bilingual


class BuiltinSkill(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=SKILL_KEY_PATTERN, max_length=80)
    kind: Literal["technical", "domain", "soft"]
    group: str
    label: Bilingual
    synonyms: BilingualLists = BilingualLists()
    description: Bilingual | None = None


class BuiltinTaxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[BuiltinGroup]
    skills: list[BuiltinSkill]


class SkillOut(BaseModel):
    """A skill as the API shows it, with every name it goes by in both languages."""

    key: str
    label_nl: str
    label_en: str
    kind: SkillKind
    source: SkillSource
    esco_uri: str | None
    synonyms_nl: list[str]
    synonyms_en: list[str]
    description_nl: str
    description_en: str


class SkillPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[SkillOut]


class ImportCounts(BaseModel):
    """What an ESCO import wrote; running it again gives the same numbers."""

    skills: int = 0
    skill_labels: int = 0
    skill_groups: int = 0
    occupations: int = 0
    languages: list[str] = []
