"""The role profile (JTBD + the six SEARCH dimensions) and the shapes the API and YAML use.
Screening scores CVs against `RoleProfile`; keep its field names stable."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from searchlight.i18n import N_, catalogue

DimensionKey = Literal["skills", "experience", "attitude", "results", "cognitive", "habits"]
DIMENSION_KEYS: tuple[DimensionKey, ...] = (
    "skills", "experience", "attitude", "results", "cognitive", "habits",
)
ROLE_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{1,79}$"
# Paths under /roles/ that are pages, not role keys.
RESERVED_KEYS = frozenset({"new", "import"})

# The six SEARCH dimensions: English names (the acronym's letters) as catalogue message ids.
# Dutch pages show the Dutch name with the letter it stands for: "Vaardigheden (S)".
DIMENSION_NAMES: dict[str, str] = {
    "skills": N_("Skills"), "experience": N_("Experience"), "attitude": N_("Attitude"),
    "results": N_("Results"), "cognitive": N_("Cognitive skills"), "habits": N_("Habits"),
}
DIMENSION_LETTERS: dict[str, str] = {key: key[0].upper() for key in DIMENSION_NAMES}
DIMENSION_HINTS: dict[str, dict[str, str]] = {
    "skills": {"en": "Technical and soft skills", "nl": "Technische en soft skills"},
    "experience": {"en": "Work experience and domain expertise",
                   "nl": "Werkervaring en domeinexpertise"},
    "attitude": {"en": "Mindset, learning, ownership", "nl": "Mindset, leervermogen, ownership"},
    "results": {"en": "Measurable achievements", "nl": "Meetbare prestaties"},
    "cognitive": {"en": "Reasoning and abstraction", "nl": "Denkvermogen en abstractie"},
    "habits": {"en": "Ways of working and behaviour", "nl": "Werkstructuur en gedragingen"},
}


def dimension_title(key: str, locale: str) -> str:
    """"Skills" in English; "Vaardigheden (S)" in Dutch. Where space is short, callers keep
    the part before " (" (the name alone)."""
    name = DIMENSION_NAMES[key]
    if locale == "en":
        return name
    return f"{catalogue(locale).get(name, name)} ({DIMENSION_LETTERS[key]})"


def dimension_hint(key: str, locale: str) -> str:
    return DIMENSION_HINTS[key]["en" if locale == "en" else "nl"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ProfileItem(_Strict):
    """One thing a role asks for, in both languages, linked to taxonomy skills where it can be."""

    text_nl: str = Field(min_length=1, max_length=500)
    text_en: str = Field(min_length=1, max_length=500)
    must_have: bool = False
    skills: list[str] = Field(default=[], description="Taxonomy skill keys this item refers to.")
    min_years: int | None = Field(default=None, ge=0, le=50,
                                  description="For experience items such as '5+ jaar AI/ML'.")

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, skills: list[str]) -> list[str]:
        return list(dict.fromkeys(s.strip() for s in skills if s.strip()))


class Dimension(_Strict):
    key: DimensionKey
    weight: float = Field(ge=0, description="Relative weight; shown as a share of the total.")
    items: list[ProfileItem] = []
    interviewer_notes_nl: str = Field(default="", max_length=4000)
    interviewer_notes_en: str = Field(default="", max_length=4000)


class RoleProfile(_Strict):
    """What a role version says: the Job to be Done and all six SEARCH dimensions, in order."""

    key: str = Field(pattern=ROLE_KEY_PATTERN)
    title_nl: str = Field(min_length=1, max_length=200)
    title_en: str = Field(min_length=1, max_length=200)
    jtbd_nl: str = Field(min_length=1, max_length=2000)
    jtbd_en: str = Field(min_length=1, max_length=2000)
    dimensions: list[Dimension]

    @field_validator("key")
    @classmethod
    def _not_reserved(cls, key: str) -> str:
        if key in RESERVED_KEYS:
            raise ValueError(f"'{key}' is reserved; choose another key")
        return key

    @field_validator("dimensions")
    @classmethod
    def _all_six_dimensions(cls, dimensions: list[Dimension]) -> list[Dimension]:
        seen = [d.key for d in dimensions]
        if duplicates := sorted({k for k in seen if seen.count(k) > 1}):
            raise ValueError(f"dimension(s) listed twice: {', '.join(duplicates)}")
        if missing := [k for k in DIMENSION_KEYS if k not in seen]:
            raise ValueError(f"every role has all six SEARCH dimensions; missing: "
                             f"{', '.join(missing)}")
        return sorted(dimensions, key=lambda d: DIMENSION_KEYS.index(d.key))

    def dimension(self, key: str) -> Dimension:
        return next(d for d in self.dimensions if d.key == key)

    def skill_keys(self) -> list[str]:
        return list(dict.fromkeys(s for d in self.dimensions for i in d.items for s in i.skills))

    def title(self, locale: str) -> str:
        return self.title_en if locale == "en" else self.title_nl

    def jtbd(self, locale: str) -> str:
        return self.jtbd_en if locale == "en" else self.jtbd_nl


class RoleDocument(RoleProfile):
    """A role as written in YAML or sent to the API: the profile plus who owns it."""

    hiring_manager: str | None = Field(
        default=None, description="E-mail of the hiring manager (a user with that role).")
    change_note: str = Field(default="", max_length=500,
                             description="Why this version was made; kept with the version.")

    def profile(self) -> RoleProfile:
        return RoleProfile.model_validate(self.model_dump(exclude={"hiring_manager",
                                                                   "change_note"}))


class BilingualText(BaseModel):
    nl: str
    en: str


class RoleListingOut(BaseModel):
    """One role in `searchlight roles list --format json`."""

    key: str
    title: BilingualText
    version: int
    hiring_manager: str | None
    is_active: bool
    jtbd: BilingualText
    dimensions: list[Dimension]

    def items(self) -> list[ProfileItem]:
        return [item for dimension in self.dimensions for item in dimension.items]


class VersionOut(BaseModel):
    number: int
    created_at: datetime
    created_by: str | None
    change_note: str


class RoleVersionOut(VersionOut):
    role_key: str
    profile: RoleProfile


class RoleSummaryOut(BaseModel):
    key: str
    title_nl: str
    title_en: str
    version: int
    hiring_manager: str | None
    is_active: bool
    items: int
    must_haves: int


class RoleOut(RoleSummaryOut):
    created_at: datetime
    updated_at: datetime
    profile: RoleProfile
    versions: list[VersionOut]
