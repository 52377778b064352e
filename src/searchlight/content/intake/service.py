"""Drafting needs the taxonomy's skill names and, where one is configured, a model; saving is
the roles form's job, after a human."""

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.content import engine
from searchlight.content.intake.draft import (
    IntakeAnswers,
    SkillNames,
    from_answers,
    from_vacancy_text,
    link_skills,
    slug,
)
from searchlight.roles.schemas import DIMENSION_KEYS, DimensionKey
from searchlight.taxonomy import service as taxonomy
from searchlight.taxonomy.models import Skill


class DraftItem(BaseModel):
    dimension: DimensionKey
    text_nl: str = Field(min_length=1, max_length=500)
    text_en: str = Field(min_length=1, max_length=500)
    must_have: bool = False
    min_years: int | None = Field(default=None, ge=0, le=50)


class IntakeDraft(BaseModel):
    """What the model is asked for: the profile's texts; skills are linked by our own code."""

    title_nl: str = Field(min_length=1, max_length=200)
    title_en: str = Field(min_length=1, max_length=200)
    jtbd_nl: str = Field(min_length=1, max_length=2000)
    jtbd_en: str = Field(min_length=1, max_length=2000)
    items: list[DraftItem] = Field(default=[], max_length=60)


@dataclass(frozen=True)
class DraftResult:
    profile: dict[str, Any]
    engine_name: str
    engine_model: str
    note: str


def skill_names(*, db_session: Session) -> list[SkillNames]:
    """Built-in skills only: short, curated names link precisely (ESCO's long labels do not)."""
    own = set(db_session.scalars(select(Skill.key).where(Skill.source != "esco")))
    return [SkillNames(key, (label, *synonyms)) for key, label, synonyms in
            taxonomy.skill_index_entries(db_session=db_session) if key in own]


def _as_draft(profile: dict[str, Any]) -> IntakeDraft:
    return IntakeDraft(
        title_nl=profile["title_nl"], title_en=profile["title_en"], jtbd_nl=profile["jtbd_nl"],
        jtbd_en=profile["jtbd_en"],
        items=[DraftItem(dimension=d["key"], text_nl=i["text_nl"], text_en=i["text_en"],
                         must_have=i["must_have"], min_years=i["min_years"])
               for d in profile["dimensions"] for i in d["items"]])


def _as_profile(draft: IntakeDraft, skills: list[SkillNames], notes: str) -> dict[str, Any]:
    items: dict[str, list[dict[str, Any]]] = {k: [] for k in DIMENSION_KEYS}
    for item in draft.items:
        items[item.dimension].append({
            "text_nl": item.text_nl, "text_en": item.text_en, "must_have": item.must_have,
            "skills": link_skills(f"{item.text_nl} | {item.text_en}", skills),
            "min_years": item.min_years})
    return {"key": slug(draft.title_en or draft.title_nl), "title_nl": draft.title_nl,
            "title_en": draft.title_en, "jtbd_nl": draft.jtbd_nl, "jtbd_en": draft.jtbd_en,
            "dimensions": [{"key": k, "weight": 1.0, "items": items[k],
                            "interviewer_notes_nl": notes if k == "attitude" else "",
                            "interviewer_notes_en": notes if k == "attitude" else ""}
                           for k in DIMENSION_KEYS]}


def _variables(answers: IntakeAnswers | None, pasted: str) -> dict[str, str]:
    if answers is None:
        return {"vacancy_text": pasted}
    lines = [f"{kind} {key}: {text}" for kind, found in (("must-have", answers.must_haves),
                                                          ("nice-to-have", answers.nice_to_haves))
             for key, texts in found.items() for text in texts]
    return {"role_title": answers.title, "job_to_be_done": answers.job_to_be_done,
            "first_year_outcomes": "\n".join(answers.outcomes),
            "requirements": "\n".join(lines), "team_and_context": answers.team_context}


def draft_profile(
    *, db_session: Session, answers: IntakeAnswers | None = None, pasted: str = "",
    language: str = "nl",
) -> DraftResult:
    """A draft profile (never saved): the model's where one answers usably, else offline.
    The skill names are read only once the model has answered: their first use loads the
    built-in skills, a write that would keep SQLite's write lock through the model call."""

    @cache
    def skills() -> list[SkillNames]:
        return skill_names(db_session=db_session)

    @cache
    def offline_profile() -> dict[str, Any]:
        return (from_answers(answers, skills()) if answers is not None
                else from_vacancy_text(pasted, skills()))

    notes = answers.team_context if answers is not None else ""
    drafted = engine.draft(
        db_session=db_session, task="content.intake",
        prompt="content/intake" if answers is not None else "content/intake_pasted",
        variables=_variables(answers, pasted), language=language, schema=IntakeDraft,
        offline=lambda: _as_draft(offline_profile()))
    profile = (offline_profile() if drafted.engine_name == "offline"
               else _as_profile(drafted.value, skills(), notes))
    return DraftResult(profile, drafted.engine_name, drafted.engine_model, drafted.note)
