"""What comes in (forms and the JSON API share `CandidateIn`) and what the API returns."""

import re
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LegalBasis = Literal["consent", "legitimate_interest"]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


class _NoNullCharacters(BaseModel):
    """Text with a null character cannot be stored (PostgreSQL refuses it): a clear 422."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_null_character(cls, value: object) -> object:
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and "\x00" in text for text in texts):
            raise ValueError("must not contain a null character")
        return value


class CandidateIn(_NoNullCharacters):
    """A new candidate, or the full set of editable facts of an existing one."""

    model_config = ConfigDict(str_strip_whitespace=True)

    full_name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str = Field(default="", max_length=50)
    location: str = Field(default="", max_length=200)
    source: str | None = Field(default=None, description="Key of a source, e.g. `linkedin`.")
    owner_id: int | None = Field(default=None, ge=1, le=2_147_483_647)
    legal_basis: LegalBasis | None = None
    consent_given_on: date | None = None
    consent_expires_on: date | None = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("email", "source", "legal_basis", "consent_given_on",
                     "consent_expires_on", "owner_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return _blank_to_none(value)

    @field_validator("email")
    @classmethod
    def _valid_email(cls, value: str | None) -> str | None:
        if value is not None and not EMAIL.match(value):
            raise ValueError("not an e-mail address")
        return value

    @field_validator("consent_expires_on")
    @classmethod
    def _expiry_after_consent(cls, value: date | None, info: ValidationInfo) -> date | None:
        given = info.data.get("consent_given_on")
        if value and given and value < given:
            raise ValueError("the expiry date is before the consent date")
        return value


class CandidatePatch(_NoNullCharacters):
    """Only the fields that are sent change."""

    model_config = ConfigDict(str_strip_whitespace=True)

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    location: str | None = Field(default=None, max_length=200)
    source: str | None = None
    owner_id: int | None = Field(default=None, ge=1, le=2_147_483_647)
    legal_basis: LegalBasis | None = None
    consent_given_on: date | None = None
    consent_expires_on: date | None = None
    tags: list[str] | None = None


class SourceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key: str
    name: str
    kind: str


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    media_type: str
    size: int
    content_hash: str
    created_at: datetime


class StageChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_stage: str | None
    to_stage: str
    reason: str
    moved_at: datetime
    actor_id: int | None


class ApplicationOut(BaseModel):
    id: int
    candidate_id: int
    role_key: str
    role_version: int
    stage: str
    stage_entered_at: datetime
    days_in_stage: int
    created_at: datetime
    history: list[StageChangeOut]


class CandidateOut(BaseModel):
    id: int
    full_name: str = Field(description="The pseudonym while `identity_hidden`.")
    email: str | None
    phone: str
    location: str
    source: SourceOut | None
    owner_id: int | None
    legal_basis: LegalBasis | None
    consent_given_on: date | None
    consent_expires_on: date | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    identity_hidden: bool = Field(
        default=False, description="Entered through screening and not revealed: name, e-mail, "
        "phone and location are withheld until someone reveals the identity.")


class CandidateDetailOut(CandidateOut):
    documents: list[DocumentOut]
    applications: list[ApplicationOut]
    likely_duplicates: list[int]


class CandidatePageOut(BaseModel):
    items: list[CandidateOut]
    total: int = Field(description="Matching candidates, counted up to `total_capped_at`.")
    total_capped_at: int
    next_cursor: str | None = Field(description="Pass as `after` for the next page.")
    prev_cursor: str | None = Field(description="Pass as `before` for the previous page.")


class ApplicationIn(BaseModel):
    role_key: str
    stage: str | None = Field(default=None, description="Defaults to `applied`.")


class StageMoveIn(BaseModel):
    stage: str
    reason: str = Field(default="", description="Required when moving to a rejection stage.")


class StageOut(BaseModel):
    key: str
    name_en: str
    name_nl: str
    position: int
    kind: str
